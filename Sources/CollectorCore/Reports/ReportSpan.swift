import KioskCore

/// A report period cut where the monthly rollups can answer: the whole months inside it (read
/// from `month_*`) and the days before and after them (read from the day rows).
package struct ReportSpan: Equatable {
    /// First and last whole month, "YYYY-MM", or nil when the period holds no whole month.
    package var months: (from: String, to: String)?
    package var dayRanges: [ClosedRange<LocalDay>]

    package init(_ period: ReportPeriod, byDay: Bool) {
        let firstWhole = period.from.day == 1 ? period.from : Self.firstOfNextMonth(period.from)
        let afterLastWhole = Self.firstOfNextMonth(period.to)
        let lastWhole = afterLastWhole.adding(days: -1)! == period.to ? period.to : Self.firstOfMonth(period.to).adding(days: -1)!
        guard !byDay, firstWhole < lastWhole else {
            months = nil
            dayRanges = [period.from...period.to]
            return
        }
        months = (Self.month(firstWhole), Self.month(lastWhole))
        dayRanges = []
        if period.from < firstWhole { dayRanges.append(period.from...firstWhole.adding(days: -1)!) }
        if lastWhole < period.to { dayRanges.append(lastWhole.adding(days: 1)!...period.to) }
    }

    package static func == (a: ReportSpan, b: ReportSpan) -> Bool {
        a.months?.from == b.months?.from && a.months?.to == b.months?.to && a.dayRanges == b.dayRanges
    }

    private static func month(_ day: LocalDay) -> String { String(day.description.prefix(7)) }

    private static func firstOfMonth(_ day: LocalDay) -> LocalDay { LocalDay(year: day.year, month: day.month, day: 1)! }

    private static func firstOfNextMonth(_ day: LocalDay) -> LocalDay {
        day.month == 12 ? LocalDay(year: day.year + 1, month: 1, day: 1)! : LocalDay(year: day.year, month: day.month + 1, day: 1)!
    }
}
