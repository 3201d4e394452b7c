import Foundation
import GRDB
import KioskCore

/// The kiosk's durable state in one SQLite file: the daily vote tallies, and the queue tickets
/// (`KioskDatabase+Tickets.swift`).
///
/// A vote is an increment of a daily counter row; no row per vote, no time of day, no ticket.
/// The tables are WITHOUT ROWID so that not even insertion order is kept. Every `record` is its own
/// transaction, committed with `synchronous = FULL` in WAL mode: when it returns, the vote survives
/// a power cut, and only then may the citizen be told it counted.
public final class KioskDatabase: Sendable {
    let database: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the store for the daemon, which is its only writer.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(5)
        database = try DatabaseQueue(path: path, configuration: configuration)
        // GRDB sets synchronous = NORMAL when it enables WAL, after any prepareDatabase hook:
        // set FULL afterwards, on the queue's single connection.
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try KioskMigrations.migrator.migrate(database)
    }

    /// Opens an existing store read-only, for `kioskctl` while the daemon runs.
    public init(readOnlyPath path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        database = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Checkpoints the WAL into the database file and closes it; later calls fail.
    public func close() throws {
        try database.close()
    }

    /// The SQLite `synchronous` level in force (2 is FULL).
    public func synchronousLevel() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    public func journalMode() throws -> String {
        try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Counts one answer. Returns once the increment is durable.
    public func record(vote key: VoteKey) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO vote_tally (day, terminal, counter, service, question, choice, score, satisfied, count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
                    ON CONFLICT (day, terminal, counter, service, question, choice, score, satisfied)
                    DO UPDATE SET count = count + 1
                    """,
                arguments: [
                    key.day.description, key.terminal, key.counter, key.service, key.question, key.choice, key.score,
                    key.satisfied,
                ])
        }
    }

    /// Counts one press that was not a vote (misuse, phantom, resting hand, outside the zones).
    public func record(rejected kind: RejectedPress, terminal: String, day: LocalDay) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO press_tally (day, terminal, kind, count) VALUES (?, ?, ?, 1)
                    ON CONFLICT (day, terminal, kind) DO UPDATE SET count = count + 1
                    """,
                arguments: [day.description, terminal, kind.rawValue])
        }
    }

    public func voteTallies(on day: LocalDay) throws -> [VoteTally] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT terminal, counter, service, question, choice, score, satisfied, count FROM vote_tally
                    WHERE day = ? ORDER BY terminal, counter, service, question, choice
                    """,
                arguments: [day.description]
            ).map { row in
                VoteTally(
                    key: VoteKey(
                        day: day, terminal: row["terminal"], counter: row["counter"], service: row["service"],
                        question: row["question"], choice: row["choice"], score: row["score"],
                        satisfied: row["satisfied"]),
                    count: row["count"])
            }
        }
    }

    public func pressTallies(on day: LocalDay) throws -> [PressTally] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT terminal, kind, count FROM press_tally WHERE day = ? ORDER BY terminal, kind",
                arguments: [day.description]
            ).compactMap { row in
                guard let kind = RejectedPress(rawValue: row["kind"]) else { return nil }
                return PressTally(day: day, terminal: row["terminal"], kind: kind, count: row["count"])
            }
        }
    }

    /// Days that have any tally, oldest first.
    public func days() throws -> [LocalDay] {
        try database.read { db in
            try String.fetchAll(
                db, sql: "SELECT day FROM vote_tally UNION SELECT day FROM press_tally ORDER BY day"
            ).compactMap(LocalDay.init)
        }
    }
}
