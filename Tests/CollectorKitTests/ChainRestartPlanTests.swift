@testable import CollectorCore
import KioskCore
import Testing

/// A kiosk's chain starts once: a second start is a restart, flagged with an alarm, whichever
/// order the days arrive in, one by one or in one batch.
@Suite struct ChainRestartPlanTests {
    static func day(_ number: Int) -> LocalDay { LocalDay(year: 2026, month: 5, day: number)! }

    @Test func anEmptyPreviousAfterTheKiosksFirstDayIsARestart() {
        let plan = IngestPlan.decide(
            IngestPlanTests.verified(10, previous: ""), existing: nil, before: nil, after: nil, earliest: .init(day: Self.day(3), link: .first))
        #expect(plan.outcome == .stored(.restart))
        #expect(plan.alarms.map(\.kind) == [.chainRestart])
        #expect(plan.alarms.first?.day == "2026-05-10")
    }

    @Test(arguments: ["", "ab"]) func aDayEarlierThanTheFirstMakesThatFirstARestart(_ previous: String) {
        let plan = IngestPlan.decide(
            IngestPlanTests.verified(2, previous: previous), existing: nil, before: nil, after: nil, earliest: .init(day: Self.day(5), link: .first))
        #expect(plan.outcome == .stored(previous.isEmpty ? .first : .gap))
        #expect(plan.restartedFirst == Self.day(5))
        #expect(plan.alarms.map(\.kind) == [.chainRestart])
        #expect(plan.alarms.first?.day == "2026-05-05")
    }

    @Test func aDayEarlierThanAKiosksGapIsNoRestart() {
        let plan = IngestPlan.decide(
            IngestPlanTests.verified(2, previous: ""), existing: nil, before: nil, after: nil, earliest: .init(day: Self.day(5), link: .gap))
        #expect(plan.outcome == .stored(.first))
        #expect(plan.restartedFirst == nil && plan.alarms.isEmpty)
    }

    @Test func theChainsOwnDaysAreNoRestart() {
        let chain = BatchPlanTests.chain(4)
        let plan = BatchPlan(chain, stored: [:])
        #expect(plan.inserts.map(\.link) == [.first, .linked, .linked, .linked])
        #expect(plan.alarms.isEmpty)
    }

    /// In one batch: the later "first" arrives before an earlier one, and a third start comes after.
    @Test func inOneBatchTheEarliestStartIsTheFirstAndTheOthersRestarts() {
        let later = IngestPlanTests.verified(8, previous: "")
        let earlier = IngestPlanTests.verified(3, previous: "")
        let third = IngestPlanTests.verified(12, previous: "")
        let plan = BatchPlan([later, earlier, third], stored: [:])
        #expect(plan.outcomes == [.stored(.first), .stored(.first), .stored(.restart)])
        #expect(Dictionary(uniqueKeysWithValues: plan.inserts.map { ($0.day.tallies.day, $0.link) })
            == [Self.day(8): .restart, Self.day(3): .first, Self.day(12): .restart])
        #expect(plan.alarms.map(\.kind) == [.chainRestart, .chainRestart])
    }

    /// A stored first day changes to a restart when an earlier day arrives in a later batch.
    @Test func aStoredFirstBecomesARestartByUpdate() {
        let plan = BatchPlan(
            [IngestPlanTests.verified(3, previous: "")], stored: [:], earliest: ["K": .init(day: Self.day(8), link: .first)])
        #expect(plan.linkUpdates == [BatchPlan.Key(kiosk: "K", day: Self.day(8)): .restart])
    }
}
