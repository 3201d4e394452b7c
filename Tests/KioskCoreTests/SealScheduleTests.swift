import Foundation
import KioskCore
import Testing

@Suite struct SealScheduleTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let schedule = SealSchedule(timeZone: zone, sealAt: OfficeHours.ClockTime(hour: 5, minute: 30)!)

    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func theDayBeforeBecomesSealableAtTheSealTime() {
        // 05:29 and 05:30 on 1 December, local time (UTC+7).
        #expect(Self.schedule.lastSealableDay(at: Self.instant("2026-11-30T22:29:00Z")).description == "2026-11-29")
        #expect(Self.schedule.lastSealableDay(at: Self.instant("2026-11-30T22:30:00Z")).description == "2026-11-30")
    }

    @Test func theNextSealTimeIsTheNextLocalSealAt() {
        #expect(Self.schedule.nextSealTime(after: Self.instant("2026-11-30T22:29:00Z")) == Self.instant("2026-11-30T22:30:00Z"))
        #expect(Self.schedule.nextSealTime(after: Self.instant("2026-11-30T22:30:00Z")) == Self.instant("2026-12-01T22:30:00Z"))
    }

    @Test func missedDaysAreAllListedInOrderAcrossAMonthEnd() {
        let days = Self.schedule.daysToSeal(
            lastSealed: LocalDay("2026-11-28"), firstDay: LocalDay("2026-01-01")!, at: Self.instant("2026-12-02T23:00:00Z"))
        #expect(days.map(\.description) == ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"])
    }

    @Test func aNewChainStartsAtItsFirstDayAndNothingIsDueBeforeIt() {
        let now = Self.instant("2026-11-30T23:00:00Z")  // 1 December, 06:00 local
        #expect(Self.schedule.daysToSeal(lastSealed: nil, firstDay: LocalDay("2026-11-29")!, at: now).map(\.description) == ["2026-11-29", "2026-11-30"])
        #expect(Self.schedule.daysToSeal(lastSealed: nil, firstDay: LocalDay("2026-12-01")!, at: now).isEmpty)
    }
}
