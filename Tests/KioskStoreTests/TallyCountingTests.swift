import Foundation
import GRDB
import KioskCore
import KioskStore
import Testing

@Suite struct TallyCountingTests {
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("kiosk.sqlite")
    }

    @Test func emptyStoreHasNoTalliesAndNoDays() throws {
        let store = try KioskDatabase(path: path)
        #expect(try store.voteTallies(on: Days.first) == [])
        #expect(try store.pressTallies(on: Days.first) == [])
        #expect(try store.days() == [])
    }

    @Test func incrementsOfTheSameKeyAccumulate() throws {
        let store = try KioskDatabase(path: path)
        for _ in 0..<3 { try store.record(vote: voteKey()) }
        #expect(try store.voteTallies(on: Days.first) == [VoteTally(key: voteKey(), count: 3)])
    }

    @Test func differentKeysStayApart() throws {
        let store = try KioskDatabase(path: path)
        let base = voteKey()
        let variants: [(String, VoteKey)] = [
            ("service x", voteKey(service: "x")),
            ("terminal", voteKey(terminal: "quay-2-danh-gia")),
            ("counter", voteKey(counter: "quay-2")),
            ("question", voteKey(question: "thai-do")),
            ("choice", voteKey(choice: "binh-thuong")),
            ("score", voteKey(score: 50)),
            ("satisfied", voteKey(satisfied: false)),
        ]
        // The base key once, each variant a different number of times (2, 3, ...), so a merge shows.
        try store.record(vote: base)
        for (offset, (_, key)) in variants.enumerated() {
            for _ in 0..<(offset + 2) { try store.record(vote: key) }
        }
        let tallies = try store.voteTallies(on: Days.first)
        #expect(tallies.count == 1 + variants.count)
        #expect(count(of: base, in: tallies) == 1)
        for (offset, (name, key)) in variants.enumerated() {
            #expect(count(of: key, in: tallies) == offset + 2, "differs in \(name)")
        }
        #expect(tallies.reduce(0) { $0 + $1.count } == 1 + (2...8).reduce(0, +))
    }

    @Test func emptyServiceAndServiceXAreDifferentRows() throws {
        let store = try KioskDatabase(path: path)
        try store.record(vote: voteKey(service: ""))
        try store.record(vote: voteKey(service: "x"))
        try store.record(vote: voteKey(service: "x"))
        let tallies = try store.voteTallies(on: Days.first)
        #expect(Set(tallies) == [VoteTally(key: voteKey(service: ""), count: 1), VoteTally(key: voteKey(service: "x"), count: 2)])
    }

    @Test func talliesAreReadPerDay() throws {
        let store = try KioskDatabase(path: path)
        try store.record(vote: voteKey(day: Days.first))
        try store.record(vote: voteKey(day: Days.second))
        try store.record(vote: voteKey(day: Days.second))
        #expect(try store.voteTallies(on: Days.first) == [VoteTally(key: voteKey(day: Days.first), count: 1)])
        #expect(try store.voteTallies(on: Days.second) == [VoteTally(key: voteKey(day: Days.second), count: 2)])
        #expect(try store.voteTallies(on: Days.third) == [])
    }

    @Test func pressTalliesAreCountedPerKindAndTerminal() throws {
        let store = try KioskDatabase(path: path)
        let terminal = "quay-1-danh-gia"
        for (times, kind) in zip(1..., RejectedPress.allCases) {
            for _ in 0..<times { try store.record(rejected: kind, terminal: terminal, day: Days.first) }
        }
        try store.record(rejected: .tooShort, terminal: "quay-2-danh-gia", day: Days.first)
        try store.record(rejected: .tooShort, terminal: terminal, day: Days.second)

        let first = try store.pressTallies(on: Days.first)
        let expected: Set<PressTally> = Set(
            zip(1..., RejectedPress.allCases).map { PressTally(day: Days.first, terminal: terminal, kind: $1, count: $0) }
                + [PressTally(day: Days.first, terminal: "quay-2-danh-gia", kind: .tooShort, count: 1)])
        #expect(first.count == RejectedPress.allCases.count + 1)
        #expect(Set(first) == expected)
        #expect(try store.pressTallies(on: Days.second) == [PressTally(day: Days.second, terminal: terminal, kind: .tooShort, count: 1)])
        // Rejected presses are not votes.
        #expect(try store.voteTallies(on: Days.first) == [])
    }

    @Test func daysListsEveryDayWithAnyTallyOnceOldestFirst() throws {
        let store = try KioskDatabase(path: path)
        // Recorded out of order; the third day has presses only, the second votes only.
        try store.record(rejected: .outsideZones, terminal: "t", day: Days.third)
        try store.record(vote: voteKey(day: Days.second))
        try store.record(vote: voteKey(day: Days.first))
        try store.record(rejected: .tooLong, terminal: "t", day: Days.first)
        try store.record(vote: voteKey(day: Days.first, choice: "khong-hai-long", score: 0, satisfied: false))
        #expect(try store.days() == [Days.first, Days.second, Days.third])
    }

    @Test func aThousandIncrementsAreOneRowWithCountAThousand() throws {
        let store = try KioskDatabase(path: path)
        for _ in 0..<1000 { try store.record(vote: voteKey()) }
        #expect(try store.voteTallies(on: Days.first) == [VoteTally(key: voteKey(), count: 1000)])
        let rows = try inspect(path) { db in
            try Row.fetchAll(db, sql: "SELECT day, count FROM vote_tally")
        }
        #expect(rows.count == 1)
        #expect(rows.first?["day"] as String? == "2026-03-09")
        #expect(rows.first?["count"] as Int? == 1000)
    }

    @Test func countsSurviveReleasingAndReopeningTheStore() throws {
        do {
            let store = try KioskDatabase(path: path)
            for _ in 0..<7 { try store.record(vote: voteKey()) }
            try store.record(vote: voteKey(choice: "binh-thuong", score: 50, satisfied: false))
            for _ in 0..<2 { try store.record(rejected: .duringLockout, terminal: "quay-1-danh-gia", day: Days.first) }
        }
        // The last connection closed: SQLite checkpointed the WAL into the main file and removed it.
        #expect(try scratch.contents() == ["kiosk.sqlite"])

        let reopened = try KioskDatabase(path: path)
        let tallies = try reopened.voteTallies(on: Days.first)
        #expect(tallies.count == 2)
        #expect(count(of: voteKey(), in: tallies) == 7)
        #expect(count(of: voteKey(choice: "binh-thuong", score: 50, satisfied: false), in: tallies) == 1)
        #expect(
            try reopened.pressTallies(on: Days.first)
                == [PressTally(day: Days.first, terminal: "quay-1-danh-gia", kind: .duringLockout, count: 2)])
        // And it goes on counting from there.
        try reopened.record(vote: voteKey())
        #expect(try count(of: voteKey(), in: reopened.voteTallies(on: Days.first)) == 8)
    }

    @Test func twoOpensOfOneFileShareTheCounts() throws {
        // Reopening while another store object is still alive (migrations run once, the data is shared).
        let first = try KioskDatabase(path: path)
        try first.record(vote: voteKey())
        let second = try KioskDatabase(path: path)
        try second.record(vote: voteKey())
        #expect(try first.voteTallies(on: Days.first) == [VoteTally(key: voteKey(), count: 2)])
        #expect(try second.synchronousLevel() == 2)
    }
}
