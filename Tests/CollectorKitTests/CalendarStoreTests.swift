import CollectorCore
import CollectorStorage
import Foundation
import KioskProtocol
import KioskSeal
import Testing

/// `CalendarStore` on both engines: versions per year, an identical upload changing nothing, the
/// latest of each year, every addition in the audit trail, and what each kiosk reported.
@Suite struct CalendarStoreTests {
    static let key = KioskSigningKey.generate()

    static func sign(_ year: Int, _ version: Int, _ sha256: String) throws -> String {
        try key.seal(SignedCalendar.message(year: year, version: version, sha256: sha256)).signature
    }

    @Test(arguments: CalendarFixture.Engine.available) func uploadsAreVersionedPerYearAndSigned(_ engine: CalendarFixture.Engine) async throws {
        let store = try await CalendarFixture.store(engine, "versions")
        let first = try await store.addCalendar(try CalendarFixture.upload(2027), sign: Self.sign, by: "cli:test")
        guard case .added(let v1) = first else { throw CollectorStoreError("expected added, got \(first)") }
        #expect(v1.version == 1)
        #expect(v1.toml == CalendarFixture.file(2027))
        #expect(Self.key.publicKey.isSignature(v1.signature, of: v1.message))

        #expect(try await store.addCalendar(try CalendarFixture.upload(2027), sign: Self.sign, by: "cli:test") == .identical(v1))
        let second = try await store.addCalendar(try CalendarFixture.upload(2027, note: "Tết Dương lịch (sửa)"), sign: Self.sign, by: "dashboard:tinh")
        #expect(second.calendar.version == 2)
        #expect(second.calendar.toml.contains("(sửa)"), "Vietnamese kept as it is")
        _ = try await store.addCalendar(try CalendarFixture.upload(2026), sign: Self.sign, by: "cli:test")

        #expect(try await store.calendarRecords().map { [$0.calendar.year, $0.calendar.version] } == [[2026, 1], [2027, 1], [2027, 2]])
        #expect(try await store.calendarRecords().last?.addedBy == "dashboard:tinh")
        #expect(try await store.latestCalendars() == [try await store.calendarRecords()[0].calendar, second.calendar])
        let trail = try await store.auditTrail().filter { $0.action == .calendarAdded }
        #expect(trail.map(\.subject) == ["2027", "2027", "2026"], "the identical upload is not in the trail")
        #expect(trail[1].detail == "version 2, SHA-256 \(second.calendar.sha256)")
    }

    @Test(arguments: CalendarFixture.Engine.available) func aKiosksReportReplacesWhatItHad(_ engine: CalendarFixture.Engine) async throws {
        let store = try await CalendarFixture.store(engine, "holdings")
        let earlier = Date(timeIntervalSince1970: 1_796_000_000), later = earlier.addingTimeInterval(86_400)
        try await store.recordCalendarHoldings(kiosk: "B", [CalendarHolding(year: 2026, version: 1)], at: earlier)
        try await store.recordCalendarHoldings(kiosk: "A", [CalendarHolding(year: 2026, version: 1), CalendarHolding(year: 2027, version: 1)], at: earlier)
        try await store.recordCalendarHoldings(kiosk: "A", [CalendarHolding(year: 2026, version: 1), CalendarHolding(year: 2027, version: 2)], at: later)
        let holdings = try await store.calendarHoldings()
        #expect(holdings.map { "\($0.kiosk) \($0.holding.text)" } == ["A 2026.1", "A 2027.2", "B 2026.1"])
        #expect(holdings.first?.reportedAt == later)
    }
}
