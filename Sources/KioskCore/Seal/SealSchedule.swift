import Foundation

/// When days are sealed: day D once the office's clock has passed `sealAt` on day D + 1.
public struct SealSchedule: Sendable {
    public let timeZone: TimeZone
    public let sealAt: OfficeHours.ClockTime

    public init(timeZone: TimeZone, sealAt: OfficeHours.ClockTime) {
        self.timeZone = timeZone
        self.sealAt = sealAt
    }

    /// The latest day that may be sealed at `now`.
    public func lastSealableDay(at now: Date) -> LocalDay {
        let today = LocalDay(now, in: timeZone)
        let passed = minutesSinceMidnight(now) >= sealAt.minutesSinceMidnight
        return today.adding(days: passed ? -1 : -2)!
    }

    /// The next instant after `now` at which another day becomes sealable.
    public func nextSealTime(after now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(hour: sealAt.hour, minute: sealAt.minute, second: 0)
        return calendar.nextDate(after: now, matching: components, matchingPolicy: .nextTime) ?? now.addingTimeInterval(86_400)
    }

    /// The days to seal at `now`: from the day after the last sealed one (or from `firstDay` when
    /// nothing is sealed yet) to the last sealable day, every day, empty or not, so the collector
    /// can tell a quiet day from a missing one.
    public func daysToSeal(lastSealed: LocalDay?, firstDay: LocalDay, at now: Date) -> [LocalDay] {
        let last = lastSealableDay(at: now)
        var day = lastSealed?.adding(days: 1) ?? firstDay
        var days: [LocalDay] = []
        while day <= last {
            days.append(day)
            day = day.adding(days: 1)!
        }
        return days
    }

    private func minutesSinceMidnight(_ instant: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return parts.hour! * 60 + parts.minute!
    }
}
