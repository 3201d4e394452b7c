import Foundation
import KioskCore
import Testing

/// The office's time: today and the numbering day come from the clock handed in, in the office's zone.
struct OfficeClockTests {
    static let hanoi = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    static func clock(utc: String, resetHour: Int, zone: TimeZone = hanoi) -> OfficeClock {
        let instant = ISO8601DateFormatter().date(from: utc)!
        return OfficeClock(timeZone: zone, resetHour: resetHour, wall: { instant }, monotonic: { 42 })
    }

    @Test(arguments: [
        // 16:59 UTC is 23:59 in Hà Nội; 17:00 UTC is midnight.
        ("2026-12-31T16:59:00Z", 0, "2026-12-31", "2026-12-31"),
        ("2026-12-31T17:00:00Z", 0, "2027-01-01", "2027-01-01"),
        // Before the reset hour the numbering day is still yesterday.
        ("2027-01-01T20:30:00Z", 4, "2027-01-02", "2027-01-01"),
        ("2027-01-01T21:00:00Z", 4, "2027-01-02", "2027-01-02"),
    ])
    func todayAndTheNumberingDayAreTheOffices(_ utc: String, _ resetHour: Int, _ today: String, _ numbering: String) {
        let clock = Self.clock(utc: utc, resetHour: resetHour)
        #expect(clock.today.description == today)
        #expect(clock.numberingDay.description == numbering)
    }

    @Test func theSameInstantIsAnotherDayInAnotherZone() {
        let utc = "2026-12-07T23:30:00Z"
        #expect(Self.clock(utc: utc, resetHour: 0).today.description == "2026-12-08")
        #expect(Self.clock(utc: utc, resetHour: 0, zone: TimeZone(identifier: "America/Los_Angeles")!).today.description == "2026-12-07")
    }

    @Test func theMonotonicClockIsTheOneHandedIn() {
        #expect(Self.clock(utc: "2026-12-07T00:00:00Z", resetHour: 0).monotonicNow() == 42)
    }
}
