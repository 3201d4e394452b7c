@testable import CollectorCore
import KioskCore
import Testing

@Suite struct RollupDeltaTests {
    static func day(_ text: String, kiosk: String, office: String, votes: [DayTallies.Votes]) -> VerifiedDay {
        VerifiedDay(
            kiosk: KioskRegistration(id: kiosk, officeCode: office, officeName: office, district: "Ba Đình", province: "Hà Nội", publicKey: ""),
            tallies: DayTallies(kiosk: kiosk, office: office, day: LocalDay(text)!, previous: "", votes: votes),
            body: [], hash: "", signature: "")
    }

    static func vote(_ counter: String, _ score: Int, _ satisfied: Bool, _ count: Int) -> DayTallies.Votes {
        .init(counter: counter, service: "ho-tich", question: "chung", choice: "c\(score)", score: score, satisfied: satisfied, count: count)
    }

    @Test func daysOfOneOfficeAndMonthAddUpIntoOneRowPerKey() {
        let delta = RollupDelta([
            Self.day("2026-10-30", kiosk: "K1", office: "A", votes: [Self.vote("quay-1", 100, true, 3), Self.vote("quay-1", 0, false, 1)]),
            Self.day("2026-10-31", kiosk: "K1", office: "A", votes: [Self.vote("quay-2", 75, true, 2)]),
            Self.day("2026-11-01", kiosk: "K1", office: "A", votes: [Self.vote("quay-1", 50, false, 4)]),
            Self.day("2026-10-31", kiosk: "K2", office: "A", votes: [Self.vote("quay-1", 100, true, 5)]),
        ])
        #expect(delta.officeVotes.map(\.place.month) == ["2026-10", "2026-11"])
        #expect(delta.officeVotes.map(\.sums.answers) == [11, 4])
        #expect(delta.officeVotes.map(\.sums.satisfied) == [10, 0])
        #expect(delta.officeVotes.map(\.sums.scoreSum) == [950, 200])
        #expect(delta.votes.map { "\($0.key.place.month) \($0.key.counter) \($0.sums.answers)" } == ["2026-10 quay-1 9", "2026-10 quay-2 2", "2026-11 quay-1 4"])
    }
}
