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
        configuration.busyMode = .timeout(5)
        database = try DatabaseQueue(path: path, configuration: configuration)
        try database.writeWithoutTransaction { db in
            // WAL set here, not with GRDB's `journalMode = .wal`: that writes a transaction at
            // every open when the WAL is empty (as a checkpoint leaves it), and on a full disk
            // that write fails and kioskd could not start. The mode is kept in the file.
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw DatabaseError(message: "could not put \(path) in WAL mode")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // The WAL is kept small, so that on a small disk it cannot grow to fill it: SQLite's
            // own checkpoint comes after 100 pages (not 1000, about 4 MB), and a checkpoint that
            // empties the WAL cuts its file back to 512 KiB. `checkpoint()` empties it on a schedule.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.autocheckpointPages)")
            try db.execute(sql: "PRAGMA journal_size_limit = \(Self.walSizeLimitBytes)")
        }
        // Only when there is something to migrate: a migration is a write, and on a full disk
        // kioskd must still start, say so and count again once there is room.
        if try !database.read(KioskMigrations.migrator.hasCompletedMigrations) {
            try KioskMigrations.migrator.migrate(database)
        }
    }

    static let autocheckpointPages = 100
    static let walSizeLimitBytes = 512 * 1024

    /// Copies the WAL into the database file and truncates the WAL to nothing. Fails (SQLITE_FULL,
    /// SQLITE_BUSY) without losing anything: the WAL stays and is read as before.
    public func checkpoint() throws {
        try database.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }

    /// Why a write failed, in SQLite's words ("database or disk is full"), without GRDB's wrapping.
    public static func failureReason(_ error: Error) -> String {
        guard let database = error as? DatabaseError else { return "\(error)" }
        return database.message ?? "\(database.resultCode)"
    }

    /// The WAL file's size now (0 when it is absent).
    public var walBytes: UInt64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
        return (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
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
