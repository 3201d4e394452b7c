import CollectorCore
import KioskCore
import Testing

@Suite struct ReportPeriodTests {
    static let day = LocalDay(year: 2026, month: 11, day: 26)!  // a Thursday

    @Test(arguments: [
        (ReportPeriod.Kind.day, "2026-11-26", "2026-11-26"),
        (.week, "2026-11-23", "2026-11-29"),
        (.month, "2026-11-01", "2026-11-30"),
        (.quarter, "2026-10-01", "2026-12-31"),
        (.year, "2026-01-01", "2026-12-31"),
    ])
    func periodsHoldTheirDay(kind: ReportPeriod.Kind, from: String, to: String) {
        let period = ReportPeriod(kind, containing: Self.day)
        #expect(period.from.description == from)
        #expect(period.to.description == to)
    }

    @Test func februaryAndLeapYears() {
        #expect(ReportPeriod(.month, containing: LocalDay(year: 2028, month: 2, day: 10)!).to.description == "2028-02-29")
        #expect(ReportPeriod(.quarter, containing: LocalDay(year: 2027, month: 2, day: 10)!).to.description == "2027-03-31")
        #expect(ReportPeriod(.year, containing: Self.day).dayCount == 365)
    }

    @Test func aRangeIsPutInOrder() {
        let period = ReportPeriod(from: Self.day, to: LocalDay(year: 2026, month: 11, day: 1)!)
        #expect(period.from.description == "2026-11-01")
        #expect(period.dayCount == 26)
    }
}
