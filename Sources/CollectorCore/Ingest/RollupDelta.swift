import Foundation
import KioskCore

/// What a batch of newly stored days adds to the monthly rollups (`RollupSchema`), one row per
/// rollup key, in key order so concurrent writers touch rows in the same order.
package struct RollupDelta {
    // Keys compare and hash by their UTF-8 bytes: a sealed day's text is NFC (the decoder refuses
    // anything else), so equal bytes are equal text, and bytes are much cheaper than Unicode-aware
    // String comparison on Vietnamese names. Any fixed total order serves the lock ordering: rows
    // are sorted by `SortBytes`, worked out once per key.

    package struct Place: Hashable {
        package var month: String
        package var province: String
        package var district: String
        package var office: String

        package var columns: [String] { [month, province, district, office] }

        package static func == (a: Place, b: Place) -> Bool {
            Bytes.same(a.office, b.office) && Bytes.same(a.month, b.month) && Bytes.same(a.district, b.district)
                && Bytes.same(a.province, b.province)
        }

        package func hash(into hasher: inout Hasher) {
            Bytes.hash(office, into: &hasher)
            Bytes.hash(month, into: &hasher)
            Bytes.hash(district, into: &hasher)
            Bytes.hash(province, into: &hasher)
        }

        var sortFields: [String] { [office, month, district, province] }
    }

    package struct VoteKey: Hashable {
        package var place: Place
        package var counter: String
        package var service: String
        package var question: String

        package static func == (a: VoteKey, b: VoteKey) -> Bool {
            Bytes.same(a.counter, b.counter) && Bytes.same(a.service, b.service) && Bytes.same(a.question, b.question) && a.place == b.place
        }

        package func hash(into hasher: inout Hasher) {
            place.hash(into: &hasher)
            Bytes.hash(counter, into: &hasher)
            Bytes.hash(service, into: &hasher)
            Bytes.hash(question, into: &hasher)
        }

        var sortFields: [String] { place.sortFields + [counter, service, question] }
    }

    package struct NamedKey: Hashable {
        package var place: Place
        package var name: String

        package static func == (a: NamedKey, b: NamedKey) -> Bool { Bytes.same(a.name, b.name) && a.place == b.place }

        package func hash(into hasher: inout Hasher) {
            place.hash(into: &hasher)
            Bytes.hash(name, into: &hasher)
        }

        var sortFields: [String] { place.sortFields + [name] }
    }

    private enum Bytes {
        static func same(_ a: String, _ b: String) -> Bool {
            var (a, b) = (a, b)
            return a.withUTF8 { x in
                b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
            }
        }

        static func hash(_ text: String, into hasher: inout Hasher) {
            hasher.combine(text.utf8.count)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    package struct VoteSums {
        package var answers = 0
        package var satisfied = 0
        package var scoreSum = 0

        mutating func add(_ vote: DayTallies.Votes) {
            answers += vote.count
            satisfied += vote.satisfied ? vote.count : 0
            scoreSum += vote.score * vote.count
        }

        mutating func add(_ other: VoteSums) {
            answers += other.answers
            satisfied += other.satisfied
            scoreSum += other.scoreSum
        }
    }

    package struct TicketSums {
        package var issued = 0
        package var priority = 0
        package var served = 0
        package var noShow = 0
        package var waiting = WaitHistogram()
    }

    package private(set) var votes: [(key: VoteKey, sums: VoteSums)] = []
    package private(set) var officeVotes: [(place: Place, sums: VoteSums)] = []
    package private(set) var tickets: [(key: NamedKey, sums: TicketSums)] = []
    package private(set) var slips: [(key: NamedKey, count: Int)] = []

    package init(_ days: [VerifiedDay]) {
        var votes: [VoteKey: VoteSums] = [:]
        var officeVotes: [Place: VoteSums] = [:]
        var tickets: [NamedKey: TicketSums] = [:]
        var slips: [NamedKey: Int] = [:]
        for day in days {
            let place = Place(
                month: String(day.tallies.day.description.prefix(7)), province: day.kiosk.province, district: day.kiosk.district,
                office: day.kiosk.officeCode)
            var officeSums = VoteSums()
            for answer in day.answers {
                votes[VoteKey(place: place, counter: answer.counter, service: answer.service, question: answer.question), default: VoteSums()]
                    .add(answer.sums)
                officeSums.add(answer.sums)
            }
            if officeSums.answers > 0 { officeVotes[place, default: VoteSums()].add(officeSums) }
            for ticket in day.tallies.tickets {
                let key = NamedKey(place: place, name: ticket.service)
                var sums = tickets[key] ?? TicketSums()
                sums.issued += ticket.issued
                sums.priority += ticket.priority
                sums.served += ticket.served
                sums.noShow += ticket.noShow
                sums.waiting.add(ticket.waiting)
                tickets[key] = sums
            }
            for slip in day.tallies.slips { slips[NamedKey(place: place, name: slip.procedure), default: 0] += slip.count }
        }
        self.votes = Self.inKeyOrder(votes, \.sortFields)
        self.officeVotes = Self.inKeyOrder(officeVotes, \.sortFields)
        self.tickets = Self.inKeyOrder(tickets, \.sortFields)
        self.slips = Self.inKeyOrder(slips, \.sortFields)
    }

    private static func inKeyOrder<Key, Value>(_ rows: [Key: Value], _ fields: (Key) -> [String]) -> [(Key, Value)] {
        rows.map { (SortBytes(fields($0.key)), $0.key, $0.value) }.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }
}

/// A key's fields as one run of bytes, each field's UTF-8 length (4 bytes) then its bytes: one
/// memcmp orders two keys, and no two different keys give the same bytes.
private struct SortBytes: Comparable {
    let bytes: [UInt8]

    init(_ fields: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + 4 + $1.utf8.count })
        for var field in fields {
            let count = UInt32(field.utf8.count)
            bytes.append(contentsOf: [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)])
            field.withUTF8 { bytes.append(contentsOf: $0) }
        }
        self.bytes = bytes
    }

    static func < (a: SortBytes, b: SortBytes) -> Bool {
        let common = min(a.bytes.count, b.bytes.count)
        let order = a.bytes.withUnsafeBufferPointer { x in b.bytes.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) } }
        return order != 0 ? order < 0 : a.bytes.count < b.bytes.count
    }
}
