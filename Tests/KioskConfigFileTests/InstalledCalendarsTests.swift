import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// A year the collector sent takes the shipped file's place; the other shipped years stay.
@Suite struct InstalledCalendarsTests {
    static func file(_ year: Int, date: String) -> String {
        "year = \(year)\n\n[[days_off]]\ndate = \"\(date)\"\nkind = \"holiday\"\nnote = \"Tết Dương lịch\"\nsource = \"Bộ luật Lao động 2019, Điều 112\"\n"
    }

    @Test func anInstalledYearReplacesTheShippedOne() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("installed-calendars-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let shipped = base.appendingPathComponent("shipped"), installed = base.appendingPathComponent("state/calendar")
        try FileManager.default.createDirectory(at: shipped, withIntermediateDirectories: true)
        try Self.file(2026, date: "2026-01-01").write(to: shipped.appendingPathComponent("2026.toml"), atomically: true, encoding: .utf8)
        try Self.file(2027, date: "2027-01-01").write(to: shipped.appendingPathComponent("2027.toml"), atomically: true, encoding: .utf8)

        let onlyShipped = try InstalledCalendars.years(shipped: shipped.path, installed: installed.path).get()
        #expect(onlyShipped.map(\.year) == [2026, 2027], "no installed directory yet")

        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try Self.file(2027, date: "2027-01-04").write(to: installed.appendingPathComponent("2027.toml"), atomically: true, encoding: .utf8)
        try "{}".write(to: installed.appendingPathComponent("2027.sig.json"), atomically: true, encoding: .utf8)
        let years = try InstalledCalendars.years(shipped: shipped.path, installed: installed.path).get()
        #expect(years.map(\.year) == [2026, 2027])
        #expect(years[1].daysOff.map(\.day) == [LocalDay(year: 2027, month: 1, day: 4)!])

        try "year = 2027\n".write(to: installed.appendingPathComponent("2028.toml"), atomically: true, encoding: .utf8)
        guard case .failure(let errors) = InstalledCalendars.years(shipped: shipped.path, installed: installed.path) else {
            Issue.record("a misnamed installed file must be refused")
            return
        }
        #expect(errors.issues.first?.file.hasSuffix("state/calendar/2028.toml") == true)
    }

    /// The shipped directory is read as kioskd always read it: without any year file it is refused,
    /// whatever the collector installed; its problems and the installed ones are reported together.
    @Test func theShippedDirectoryStillNeedsAFileAndBothDirectoriesProblemsAreReportedTogether() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("installed-calendars-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let shipped = base.appendingPathComponent("shipped"), installed = base.appendingPathComponent("state/calendar")
        try FileManager.default.createDirectory(at: shipped, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try Self.file(2027, date: "2027-01-01").write(to: installed.appendingPathComponent("2027.toml"), atomically: true, encoding: .utf8)
        guard case .failure(let empty) = InstalledCalendars.years(shipped: shipped.path, installed: installed.path) else {
            Issue.record("a shipped directory without a year file must be refused")
            return
        }
        #expect(empty.issues.map(\.file) == [shipped.path])
        #expect(empty.issues.first?.message.contains("found none") == true)

        try "year = 2027\n".write(to: installed.appendingPathComponent("2028.toml"), atomically: true, encoding: .utf8)
        guard case .failure(let both) = InstalledCalendars.years(shipped: shipped.path, installed: installed.path) else {
            Issue.record("both problems must be refused")
            return
        }
        #expect(Set(both.issues.map(\.file)) == [shipped.path, installed.appendingPathComponent("2028.toml").path])
    }
}
