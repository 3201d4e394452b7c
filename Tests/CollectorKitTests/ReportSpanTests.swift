@testable import CollectorCore
import KioskCore
import Testing

@Suite struct ReportSpanTests {
    static func span(_ from: String, _ to: String, byDay: Bool = false) -> ReportSpan {
        ReportSpan(ReportPeriod(from: LocalDay(from)!, to: LocalDay(to)!), byDay: byDay)
    }

    static func days(_ span: ReportSpan) -> [String] {
        span.dayRanges.map { "\($0.lowerBound)…\($0.upperBound)" }
    }

    @Test func aYearIsTwelveWholeMonths() {
        let span = Self.span("2026-01-01", "2026-12-31")
        #expect(span.months?.from == "2026-01")
        #expect(span.months?.to == "2026-12")
        #expect(span.dayRanges.isEmpty)
    }

    @Test func partialMonthsAtEitherEndAreReadAsDays() {
        let span = Self.span("2026-01-15", "2026-04-10")
        #expect(span.months?.from == "2026-02")
        #expect(span.months?.to == "2026-03")
        #expect(Self.days(span) == ["2026-01-15…2026-01-31", "2026-04-01…2026-04-10"])
    }

    @Test func februaryEndsOnItsLastDayInLeapYearsToo() {
        #expect(Self.span("2028-02-01", "2028-02-29").months?.to == "2028-02")
        #expect(Self.span("2028-02-01", "2028-02-28").months == nil)
        #expect(Self.span("2027-02-01", "2027-02-28").months?.from == "2027-02")
    }

    @Test func aWeekAcrossMonthsHasNoWholeMonth() {
        let span = Self.span("2026-11-30", "2026-12-06")
        #expect(span.months == nil)
        #expect(Self.days(span) == ["2026-11-30…2026-12-06"])
    }

    @Test func aDecemberToJanuaryRange() {
        let span = Self.span("2026-12-01", "2027-01-31")
        #expect(span.months?.from == "2026-12")
        #expect(span.months?.to == "2027-01")
    }

    @Test func aBreakdownByDayAlwaysReadsDays() {
        let span = Self.span("2026-01-01", "2026-12-31", byDay: true)
        #expect(span.months == nil)
        #expect(Self.days(span) == ["2026-01-01…2026-12-31"])
    }
}
