import KioskCore

/// The days a report covers: a day, the ISO week (Monday–Sunday), month, quarter or year that
/// holds a day, or any range.
public struct ReportPeriod: Sendable, Equatable {
    public var from: LocalDay
    public var to: LocalDay

    public enum Kind: String, Sendable, CaseIterable {
        case day, week, month, quarter, year
    }

    public init(from: LocalDay, to: LocalDay) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    public init(_ kind: Kind, containing day: LocalDay) {
        switch kind {
        case .day:
            self.init(from: day, to: day)
        case .week:
            let monday = day.adding(days: -(day.weekday.rawValue - 1))!
            self.init(from: monday, to: monday.adding(days: 6)!)
        case .month:
            self.init(from: LocalDay(year: day.year, month: day.month, day: 1)!, to: Self.lastDay(year: day.year, month: day.month))
        case .quarter:
            let first = (day.month - 1) / 3 * 3 + 1
            self.init(from: LocalDay(year: day.year, month: first, day: 1)!, to: Self.lastDay(year: day.year, month: first + 2))
        case .year:
            self.init(from: LocalDay(year: day.year, month: 1, day: 1)!, to: LocalDay(year: day.year, month: 12, day: 31)!)
        }
    }

    public var dayCount: Int {
        var count = 0
        var day = from
        while day <= to {
            count += 1
            day = day.adding(days: 1)!
        }
        return count
    }

    private static func lastDay(year: Int, month: Int) -> LocalDay {
        let next = month == 12 ? LocalDay(year: year + 1, month: 1, day: 1)! : LocalDay(year: year, month: month + 1, day: 1)!
        return next.adding(days: -1)!
    }
}
