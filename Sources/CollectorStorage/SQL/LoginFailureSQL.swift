import CollectorCore
import Foundation

/// The sign-in throttle's statements, the same on both engines (`LoginThrottle` decides).
struct LoginFailureSQL {
    let dialect: SQLDialect

    /// The failures counted under `keys`, by key, locked until the transaction ends when `locking`.
    func failures(keys: [String], locking: Bool = false) -> SQLStatement {
        dialect.statement(
            """
            SELECT key, failures, last_failure FROM login_failure WHERE key IN (\(keys.isEmpty ? "NULL" : keys.map { _ in "?" }.joined(separator: ", ")))
            ORDER BY key\(locking ? dialect.forUpdate : "")
            """,
            keys.map(SQLValue.text))
    }

    /// Failures whose last one is older than `date`.
    func forget(before date: Date) -> SQLStatement {
        dialect.statement("DELETE FROM login_failure WHERE last_failure < ?", [.text(CollectorSchema.preciseTimestamp(date))])
    }

    func record(key: String, _ failures: LoginThrottle.Failures) -> SQLStatement {
        dialect.statement(
            """
            INSERT INTO login_failure (key, failures, last_failure) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure
            """,
            [.text(key), .integer(failures.count), .text(CollectorSchema.preciseTimestamp(failures.last))])
    }

    func clear(key: String) -> SQLStatement {
        dialect.statement("DELETE FROM login_failure WHERE key = ?", [.text(key)])
    }

    /// The failures by key; a row whose time does not read is left out, as if forgotten.
    static func failures(_ rows: [some SQLRow]) throws -> [String: LoginThrottle.Failures] {
        var found: [String: LoginThrottle.Failures] = [:]
        for row in rows {
            guard let last = CollectorSchema.date(try row.text("last_failure")) else { continue }
            found[try row.text("key")] = LoginThrottle.Failures(count: try row.integer("failures"), last: last)
        }
        return found
    }
}
