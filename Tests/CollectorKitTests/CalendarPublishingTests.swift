import CollectorCore
import Foundation
import KioskCore
import KioskProtocol
import KioskSeal
import Testing

/// The collector's side of the calendars, pure: an upload is checked as kioskd checks a file, its
/// version decided, its signature made over `SignedCalendar.message`; which files a kiosk is
/// offered; and the dashboard's October alert.
@Suite struct CalendarPublishingTests {
    @Test func anUploadIsCheckedAsKioskdChecksAFileWithKeyAndExpectation() throws {
        let upload = try CalendarFixture.upload(2027)
        #expect(upload.year == 2027)
        #expect(upload.sha256 == SealHash.hex(of: Array(CalendarFixture.file(2027).utf8)))

        let misnamed = CalendarUpload.check(fileName: "lich-2027.toml", text: CalendarFixture.file(2027))
        #expect(throws: ConfigErrors.self) { try misnamed.get() }
        #expect(misnamed.issues.first?.message.contains("expected a calendar file named YYYY.toml") == true)

        let otherYear = CalendarUpload.check(fileName: "2028.toml", text: CalendarFixture.file(2027))
        #expect(otherYear.issues.map(\.key) == ["year"], "\(otherYear.issues)")

        let impossible = CalendarUpload.check(fileName: "2027.toml", text: CalendarFixture.file(2027).replacingOccurrences(of: "2027-01-01", with: "2027-02-30"))
        #expect(impossible.issues.map(\.key) == ["days_off[0].date"], "\(impossible.issues)")
        #expect(impossible.issues.first?.file == "2027.toml")
    }

    @Test func theSameTextIsNotANewVersionAndAnyOtherTextIsTheNextOne() throws {
        let first = try CalendarFixture.upload(2027)
        #expect(CalendarVersioning.decide(first, latest: nil) == .new(version: 1))
        let stored = SignedCalendar(year: 2027, version: 3, sha256: first.sha256, signature: "s", toml: first.toml)
        #expect(CalendarVersioning.decide(first, latest: stored) == .identical(stored))
        #expect(CalendarVersioning.decide(try CalendarFixture.upload(2027, note: "Tết Dương lịch 2027"), latest: stored) == .new(version: 4))
    }

    @Test func theCollectorKeySignsTheCanonicalMessageAndNothingElseVerifies() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("collector-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(CollectorSigningKey.fileName).path
        let key = try CollectorSigningKey.loadOrCreate(path: path)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try CollectorSigningKey.loadOrCreate(path: path).publicKey == key.publicKey, "the same key on the next use")

        #expect(SignedCalendar.message(year: 2027, version: 2, sha256: "ab") == Array("kiosk-calendar\n2027\n2\nab\n".utf8))
        let signature = try key.signCalendar(year: 2027, version: 2, sha256: "ab")
        #expect(key.publicKey.isSignature(signature, of: SignedCalendar.message(year: 2027, version: 2, sha256: "ab")))
        #expect(!key.publicKey.isSignature(signature, of: SignedCalendar.message(year: 2027, version: 3, sha256: "ab")))
        #expect(!KioskSigningKey.generate().publicKey.isSignature(signature, of: SignedCalendar.message(year: 2027, version: 2, sha256: "ab")))

        chmod(path, 0o644)
        #expect(throws: CollectorKeyError.self) { try CollectorSigningKey.loadOrCreate(path: path) }
    }

    @Test func aKioskIsOfferedTheLatestVersionOfEveryYearItHasNotGot() {
        let latest = [2026, 2027, 2028].map { SignedCalendar(year: $0, version: $0 - 2025, sha256: "", signature: "", toml: "") }
        let offer = CalendarOfferPlan.offer(
            latest: latest, have: [CalendarHolding(year: 2026, version: 1), CalendarHolding(year: 2027, version: 1), CalendarHolding(year: 2028, version: 9)])
        #expect(offer.map(\.year) == [2027], "2026 is current, 2028 is newer on the kiosk than here")
        #expect(CalendarOfferPlan.offer(latest: latest, have: []).map(\.year) == [2026, 2027, 2028])
        #expect(CalendarFetch.holdings(have: "2027.2,2026.1") == [CalendarHolding(year: 2026, version: 1), CalendarHolding(year: 2027, version: 2)])
        #expect(CalendarFetch.holdings(have: "2027.2,2027.3") == nil)
        #expect(CalendarFetch.holdings(have: "2027") == nil)
        #expect(CalendarFetch.holdings(have: "2027.0") == nil)
    }

    @Test func fromTheFirstOfOctoberKiosksWithoutNextYearAreAlerted() {
        let kiosks = ["A", "B", "C"].map {
            KioskRegistration(id: $0, officeCode: "O-\($0)", officeName: "", district: "Ba Đình", province: "Hà Nội", publicKey: "", revoked: $0 == "C")
        }
        let holdings = [
            KioskCalendarHolding(kiosk: "A", holding: CalendarHolding(year: 2027, version: 1), reportedAt: Date(timeIntervalSince1970: 1)),
            KioskCalendarHolding(kiosk: "B", holding: CalendarHolding(year: 2026, version: 2), reportedAt: Date(timeIntervalSince1970: 2)),
        ]
        let september = CalendarCoverage(kiosks: kiosks, holdings: holdings, today: LocalDay(year: 2026, month: 9, day: 30)!)
        #expect(september.alertYear == nil)
        #expect(september.lacking.isEmpty)
        #expect(september.rows.map(\.kiosk) == ["A", "B"], "a revoked kiosk cannot fetch")
        let october = CalendarCoverage(kiosks: kiosks, holdings: holdings, today: LocalDay(year: 2026, month: 10, day: 1)!)
        #expect(october.alertYear == 2027)
        #expect(october.lacking.map(\.kiosk) == ["B"])
        #expect(october.rows.first?.holdings == [CalendarHolding(year: 2027, version: 1)])
    }
}

extension Result where Failure == ConfigErrors {
    var issues: [ConfigIssue] {
        if case .failure(let errors) = self { return errors.issues }
        return []
    }
}
