import KioskCore

/// What a batch of newly stored days adds to the monthly rollups (`RollupSchema`), one row per
/// rollup key, in key order so concurrent writers touch rows in the same order.
struct RollupDelta {
    // Keys compare and hash by their UTF-8 bytes: a sealed day's text is NFC (the decoder refuses
    // anything else), so equal bytes are equal text, and bytes are much cheaper than Unicode-aware
    // String comparison on Vietnamese names. Any fixed total order serves the lock ordering.

    struct Place: Hashable, Comparable {
        var month: String
        var province: String
        var district: String
        var office: String

        var columns: [String] { [month, province, district, office] }

        static func == (a: Place, b: Place) -> Bool {
            Bytes.same(a.office, b.office) && Bytes.same(a.month, b.month) && Bytes.same(a.district, b.district)
                && Bytes.same(a.province, b.province)
        }

        func hash(into hasher: inout Hasher) {
            for field in [office, month, district, province] { Bytes.hash(field, into: &hasher) }
        }

        static func < (a: Place, b: Place) -> Bool {
            Bytes.order(a.office, b.office) ?? Bytes.order(a.month, b.month) ?? Bytes.order(a.district, b.district)
                ?? Bytes.order(a.province, b.province) ?? false
        }
    }

    struct VoteKey: Hashable, Comparable {
        var place: Place
        var counter: String
        var service: String
        var question: String

        static func == (a: VoteKey, b: VoteKey) -> Bool {
            Bytes.same(a.counter, b.counter) && Bytes.same(a.service, b.service) && Bytes.same(a.question, b.question) && a.place == b.place
        }

        func hash(into hasher: inout Hasher) {
            place.hash(into: &hasher)
            for field in [counter, service, question] { Bytes.hash(field, into: &hasher) }
        }

        static func < (a: VoteKey, b: VoteKey) -> Bool {
            a.place != b.place
                ? a.place < b.place
                : Bytes.order(a.counter, b.counter) ?? Bytes.order(a.service, b.service) ?? Bytes.order(a.question, b.question) ?? false
        }
    }

    struct NamedKey: Hashable, Comparable {
        var place: Place
        var name: String

        static func == (a: NamedKey, b: NamedKey) -> Bool { Bytes.same(a.name, b.name) && a.place == b.place }

        func hash(into hasher: inout Hasher) {
            place.hash(into: &hasher)
            Bytes.hash(name, into: &hasher)
        }

        static func < (a: NamedKey, b: NamedKey) -> Bool { a.place != b.place ? a.place < b.place : Bytes.order(a.name, b.name) ?? false }
    }

    private enum Bytes {
        static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

        /// a < b by bytes, or nil when they are the same.
        static func order(_ a: String, _ b: String) -> Bool? {
            same(a, b) ? nil : a.utf8.lexicographicallyPrecedes(b.utf8)
        }

        static func hash(_ text: String, into hasher: inout Hasher) {
            hasher.combine(text.utf8.count)
            for byte in text.utf8 { hasher.combine(byte) }
        }
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
