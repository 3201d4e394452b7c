import Foundation
import GRDB
import KioskCore
import KioskStore
import Testing

/// What the file could tell about a citizen: only daily counters. No row per vote, no time of
/// day, no ticket, and (WITHOUT ROWID) not even the order in which keys first appeared.
@Suite struct AnonymousSchemaTests {
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("kiosk.sqlite")
        let store = try KioskDatabase(path: path)
        try store.record(vote: voteKey())
        try store.record(vote: voteKey())
        try store.record(rejected: .outsideZones, terminal: "quay-1-danh-gia", day: Days.first)
    }

    struct Column: Equatable, CustomStringConvertible {
        var name: String
        var type: String
        var notNull: Bool
        /// Position in the primary key, 0 when not part of it.
        var primaryKey: Int

        var description: String { "\(name) \(type)\(notNull ? " NOT NULL" : "") pk=\(primaryKey)" }
    }

    func columns(of table: String) throws -> [Column] {
        try inspect(path) { db in
            try Row.fetchAll(db, sql: "PRAGMA table_xinfo(\(table))").map { row in
                Column(name: row["name"], type: row["type"], notNull: row["notnull"], primaryKey: row["pk"])
            }
        }
    }

    @Test func theFileHoldsTheTalliesTheTicketsTheSealedDaysAndGRDBsMigrationLogOnly() throws {
        let objects = try inspect(path) { db in
            try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master ORDER BY type, name").map {
                "\($0["type"] as String) \($0["name"] as String)"
            }
        }
        // No index (but the one of GRDB's own log's primary key), view or trigger: nothing that could
        // hold or derive another copy of the tallies.
        #expect(
            objects == [
                "index sqlite_autoindex_grdb_migrations_1", "table chain_start", "table counter_state", "table grdb_migrations", "table press_tally",
                "table printer_fault_tally", "table sealed_day", "table slip_tally", "table ticket", "table vote_tally",
            ])
        #expect(try columns(of: "grdb_migrations").map(\.name) == ["identifier"])
        let migrations = try inspect(path) { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1-daily-tallies", "v2-tickets", "v3-sealed-days", "v4-queue", "v5-print-crashes", "v6-ticket-forecast"])
        // A counter is paused or not; the queue's other state is on the tickets, which no vote refers to.
        #expect(try columns(of: "counter_state").map(\.description) == ["counter TEXT NOT NULL pk=1", "paused INTEGER NOT NULL pk=0"])
    }

    /// Slips are counted by procedure and printer faults by kind, per day: no applicant, no dossier
    /// code, no time. A sealed day is its bytes, hash, signature and whether it was sent: no time.
    @Test func slipFaultAndSealedDayTablesHoldNoTimeAndNoPerson() throws {
        #expect(try columns(of: "slip_tally").map(\.name) == ["day", "procedure", "count"])
        #expect(try columns(of: "printer_fault_tally").map(\.name) == ["day", "printer", "fault", "count"])
        #expect(try columns(of: "sealed_day").map(\.name) == ["day", "body", "hash", "signature", "pushed"])
        #expect(try columns(of: "chain_start").map(\.name) == ["id", "day"])
    }

    @Test func voteTallyHasExactlyTheKeyColumnsAndACount() throws {
        let key = ["day", "terminal", "counter", "service", "question", "choice", "score", "satisfied"]
        let expected =
            key.enumerated().map { index, name in
                Column(name: name, type: ["score", "satisfied"].contains(name) ? "INTEGER" : "TEXT", notNull: true, primaryKey: index + 1)
            } + [Column(name: "count", type: "INTEGER", notNull: true, primaryKey: 0)]
        #expect(try columns(of: "vote_tally") == expected)
    }

    @Test func pressTallyHasExactlyDayTerminalKindAndACount() throws {
        let expected = [
            Column(name: "day", type: "TEXT", notNull: true, primaryKey: 1),
            Column(name: "terminal", type: "TEXT", notNull: true, primaryKey: 2),
            Column(name: "kind", type: "TEXT", notNull: true, primaryKey: 3),
            Column(name: "count", type: "INTEGER", notNull: true, primaryKey: 0),
        ]
        #expect(try columns(of: "press_tally") == expected)
    }

    @Test(arguments: ["vote_tally", "press_tally", "slip_tally", "printer_fault_tally", "sealed_day"])
    func tablesHaveNoRowid(_ table: String) throws {
        let error = #expect(throws: DatabaseError.self) {
            try inspect(path) { db in try Row.fetchAll(db, sql: "SELECT rowid FROM \(table)") }
        }
        #expect(error?.message == "no such column: rowid")
        let sql = try inspect(path) { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table])
        }
        #expect(sql?.hasSuffix("WITHOUT ROWID") == true)
    }

    @Test func storedDaysAreDatesWithoutATimeOfDay() throws {
        let days = try inspect(path) { db in
            try String.fetchAll(db, sql: "SELECT day FROM vote_tally UNION ALL SELECT day FROM press_tally")
        }
        #expect(days == ["2026-03-09", "2026-03-09"])
    }

    @Test func twoVotesAreOneRow() throws {
        let rows = try inspect(path) { db in
            try Row.fetchAll(db, sql: "SELECT * FROM vote_tally")
        }
        #expect(rows.count == 1)
        #expect(rows.first?["count"] as Int? == 2)
        let presses = try inspect(path) { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM press_tally") }
        #expect(presses == 1)
    }
}
