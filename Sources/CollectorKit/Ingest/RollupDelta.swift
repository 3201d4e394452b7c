import KioskCore

/// What a batch of newly stored days adds to the monthly rollups (`RollupSchema`), one row per
/// rollup key, in key order so concurrent writers touch rows in the same order.
struct RollupDelta {
    struct Place: Hashable, Comparable {
        var month: String
        var province: String
        var district: String
        var office: String

        var columns: [String] { [month, province, district, office] }

        static func < (a: Place, b: Place) -> Bool {
            (a.month, a.province, a.district, a.office) < (b.month, b.province, b.district, b.office)
        }
    }

    struct VoteKey: Hashable, Comparable {
        var place: Place
        var counter: String
        var service: String
        var question: String

        static func < (a: VoteKey, b: VoteKey) -> Bool {
            a.place != b.place ? a.place < b.place : (a.counter, a.service, a.question) < (b.counter, b.service, b.question)
        }
    }

    struct NamedKey: Hashable, Comparable {
        var place: Place
        var name: String

        static func < (a: NamedKey, b: NamedKey) -> Bool { a.place != b.place ? a.place < b.place : a.name < b.name }
    }

    struct VoteSums {
        var answers = 0
        var satisfied = 0
        var scoreSum = 0

        mutating func add(_ vote: DayTallies.Votes) {
            answers += vote.count
            satisfied += vote.satisfied ? vote.count : 0
            scoreSum += vote.score * vote.count
        }
    }

    struct TicketSums {
        var issued = 0
        var priority = 0
        var served = 0
        var noShow = 0
        var waiting = Array(repeating: 0, count: RollupSchema.waitingBuckets.count)
    }

    private(set) var votes: [(key: VoteKey, sums: VoteSums)] = []
    private(set) var officeVotes: [(place: Place, sums: VoteSums)] = []
    private(set) var tickets: [(key: NamedKey, sums: TicketSums)] = []
    private(set) var slips: [(key: NamedKey, count: Int)] = []

    init(_ days: [VerifiedDay]) {
        var votes: [VoteKey: VoteSums] = [:]
        var officeVotes: [Place: VoteSums] = [:]
        var tickets: [NamedKey: TicketSums] = [:]
        var slips: [NamedKey: Int] = [:]
        for day in days {
            let place = Place(
                month: String(day.tallies.day.description.prefix(7)), province: day.kiosk.province, district: day.kiosk.district,
                office: day.kiosk.officeCode)
            for vote in day.tallies.votes {
                let key = VoteKey(place: place, counter: vote.counter, service: vote.service, question: vote.question)
                votes[key, default: VoteSums()].add(vote)
                officeVotes[place, default: VoteSums()].add(vote)
            }
            for ticket in day.tallies.tickets {
                let key = NamedKey(place: place, name: ticket.service)
                var sums = tickets[key] ?? TicketSums()
                sums.issued += ticket.issued
                sums.priority += ticket.priority
                sums.served += ticket.served
                sums.noShow += ticket.noShow
                for (index, count) in ticket.waiting.counts.enumerated() where index < sums.waiting.count { sums.waiting[index] += count }
                tickets[key] = sums
            }
            for slip in day.tallies.slips { slips[NamedKey(place: place, name: slip.procedure), default: 0] += slip.count }
        }
        self.votes = votes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.officeVotes = officeVotes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.tickets = tickets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.slips = slips.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
