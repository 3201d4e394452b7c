import CollectorCore
import Foundation

/// The dashboard accounts' and sessions' statements, the same on both engines.
struct StaffSQL {
    let dialect: SQLDialect

    /// The account, locked until the transaction ends when `locking` (before it is replaced).
    func account(named name: String, locking: Bool = false) -> SQLStatement {
        dialect.statement("SELECT * FROM staff WHERE name = ?\(locking ? dialect.forUpdate : "")", [.text(name)])
    }

    func accounts() -> SQLStatement {
        dialect.statement("SELECT * FROM staff ORDER BY name", [])
    }

    func save(_ account: StaffAccount) -> SQLStatement {
        dialect.statement(
            """
            INSERT INTO staff (name, role, district, password_hash) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, district = excluded.district, password_hash = excluded.password_hash
            """,
            [.text(account.name), .text(account.role.rawValue), .text(account.district), .text(account.passwordHash)])
    }

    /// Disables or enables; changes no row unless the account was the other way.
    func setDisabled(_ name: String, to disabled: Bool) -> SQLStatement {
        dialect.statement(
            "UPDATE staff SET disabled = ? WHERE name = ? AND disabled = ?\(dialect.returning("name"))",
            [.integer(disabled ? 1 : 0), .text(name), .integer(disabled ? 0 : 1)])
    }

    func endSessions(of name: String) -> SQLStatement {
        dialect.statement("DELETE FROM staff_session WHERE name = ?", [.text(name)])
    }

    /// Sessions expired by `now`.
    func forgetSessions(expiredBy now: Date) -> SQLStatement {
        dialect.statement("DELETE FROM staff_session WHERE expires_at <= ?", [.text(CollectorTime.text(now))])
    }

    func openSession(tokenHash: String, name: String, expiresAt: Date) -> SQLStatement {
        dialect.statement(
            "INSERT INTO staff_session (token_hash, name, expires_at) VALUES (?, ?, ?)",
            [.text(tokenHash), .text(name), .text(CollectorTime.text(expiresAt))])
    }

    /// The enabled account whose unexpired session has this token hash.
    func accountForSession(tokenHash: String, now: Date) -> SQLStatement {
        dialect.statement(
            """
            SELECT s.* FROM staff_session x JOIN staff s ON s.name = x.name
            WHERE x.token_hash = ? AND x.expires_at > ? AND s.disabled = 0
            """,
            [.text(tokenHash), .text(CollectorTime.text(now))])
    }

    func closeSession(tokenHash: String) -> SQLStatement {
        dialect.statement("DELETE FROM staff_session WHERE token_hash = ?", [.text(tokenHash)])
    }
}

extension StaffAccount {
    /// Nil for a role this collector does not know.
    init?(row: some SQLRow) throws {
        guard let role = StaffAccount.Role(rawValue: try row.text("role")) else { return nil }
        self.init(
            name: try row.text("name"), role: role, district: try row.text("district"), passwordHash: try row.text("password_hash"),
            disabled: try row.integer("disabled") != 0)
    }
}
