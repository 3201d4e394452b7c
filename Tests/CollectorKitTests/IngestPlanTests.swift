@testable import CollectorCore
import KioskCore
import KioskSeal
import Testing

/// The ingest decision, shared by both stores.
@Suite struct IngestPlanTests {
    static let kiosk = KioskRegistration(id: "K", officeCode: "O", officeName: "O", district: "D", province: "P", publicKey: "")

    static func verified(_ day: Int, previous: String) -> VerifiedDay {
        let tallies = DayTallies(kiosk: "K", office: "O", day: LocalDay(year: 2026, month: 5, day: day)!, previous: previous)
        let body = tallies.canonicalBytes()
        return VerifiedDay(kiosk: kiosk, tallies: tallies, body: body, hash: SealHash.hex(of: body), signature: "")
    }

    @Test func linksFirstGapAndBroken() {
        let day = Self.verified(10, previous: "aa")
        #expect(IngestPlan.decide(day, existing: nil, before: nil, after: nil).outcome == .stored(.gap))
        let before = IngestPlan.Neighbour(hash: "aa", previous: "", link: .first)
        #expect(IngestPlan.decide(day, existing: nil, before: before, after: nil).outcome == .stored(.linked))
        let other = IngestPlan.Neighbour(hash: "bb", previous: "", link: .first)
        let broken = IngestPlan.decide(day, existing: nil, before: other, after: nil)
        #expect(broken.outcome == .stored(.broken))
        #expect(broken.alarms.map(\.kind) == [.chainBreak])
        #expect(IngestPlan.decide(Self.verified(10, previous: ""), existing: nil, before: nil, after: nil).outcome == .stored(.first))
    }

    @Test func theDayAfterIsMendedOrFlagged() {
        let day = Self.verified(10, previous: "")
        let waiting = IngestPlan.Neighbour(hash: "cc", previous: day.hash, link: .gap)
        #expect(IngestPlan.decide(day, existing: nil, before: nil, after: waiting).nextDayLink == .linked)
        let stranger = IngestPlan.Neighbour(hash: "cc", previous: "dd", link: .gap)
        let plan = IngestPlan.decide(day, existing: nil, before: nil, after: stranger)
        #expect(plan.nextDayLink == .broken)
        #expect(plan.alarms.first?.day == "2026-05-11")
        let alreadyLinked = IngestPlan.Neighbour(hash: "cc", previous: "dd", link: .linked)
        #expect(IngestPlan.decide(day, existing: nil, before: nil, after: alreadyLinked).nextDayLink == nil)
    }

    @Test func sameBytesAreIdenticalOtherBytesConflict() {
        let day = Self.verified(10, previous: "")
        #expect(IngestPlan.decide(day, existing: .init(hash: day.hash, previous: "", link: .first), before: nil, after: nil).outcome == .identical)
        #expect(IngestPlan.decide(day, existing: .init(hash: "ee", previous: "", link: .first), before: nil, after: nil).outcome == .conflict(storedHash: "ee"))
    }
}

/// A batch decides as if its days had arrived one by one.
@Suite struct BatchPlanTests {
    static func chain(_ count: Int) -> [VerifiedDay] {
        var previous = ""
        return (1...count).map { day in
            let verified = IngestPlanTests.verified(day, previous: previous)
            previous = verified.hash
            return verified
        }
    }

    @Test func daysOfOneBatchInReverseOrderEndUpLinked() throws {
        let days = Self.chain(3)
        let plan = BatchPlan(Array(days.reversed()), stored: [:])
        #expect(plan.outcomes == [.stored(.gap), .stored(.gap), .stored(.first)])
        #expect(Self.links(plan) == [.first, .linked, .linked])
        #expect(plan.linkUpdates.isEmpty)
        #expect(plan.alarms.isEmpty)
    }

    @Test func theSameDayTwiceInABatchIsStoredOnceAndADifferentOneIsATamperAlarm() {
        let day = IngestPlanTests.verified(5, previous: "")
        let other = IngestPlanTests.verified(5, previous: String(repeating: "a", count: 64))
        let plan = BatchPlan([day, day, other], stored: [:])
        #expect(plan.outcomes == [.stored(.first), .identical, .conflict(storedHash: day.hash)])
        #expect(Self.links(plan) == [.first])
        #expect(plan.alarms.map(\.kind) == [.tamper])
    }

    @Test func aStoredDayWaitingForItsDayBeforeIsMended() {
        let days = Self.chain(2)
        let stored = [BatchPlan.Key(kiosk: "K", day: days[1].tallies.day): IngestPlan.Neighbour(hash: days[1].hash, previous: days[0].hash, link: .gap)]
        let plan = BatchPlan([days[0]], stored: stored)
        #expect(plan.linkUpdates == [BatchPlan.Key(kiosk: "K", day: days[1].tallies.day): .linked])
    }

    /// The links of the inserted days, ordered by day.
    static func links(_ plan: BatchPlan) -> [ChainLink] {
        plan.inserts.sorted { $0.day.tallies.day < $1.day.tallies.day }.map(\.link)
    }

    @Test func aDayCheckedAgainstAnOutdatedRegistrationIsNotStored() {
        let day = IngestPlanTests.verified(10, previous: "")
        var revoked = IngestPlanTests.kiosk
        revoked.revoked = true
        var moved = IngestPlanTests.kiosk
        moved.officeCode = "O2"
        #expect(BatchPlan([day], stored: [:], registered: ["K": IngestPlanTests.kiosk]).outcomes == [.stored(.first)])
        for registered in [["K": revoked], ["K": moved], [:]] {
            let plan = BatchPlan([day], stored: [:], registered: registered)
            #expect(plan.outcomes == [.registrationChanged])
            #expect(plan.inserts.isEmpty)
        }
    }
}
