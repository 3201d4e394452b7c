import CollectorCore
import Foundation
import KioskProtocol

/// The calendars' statements, the same on both engines; each store runs an addition in its own
/// transaction (PostgreSQL adds an advisory lock, so two uploads of a year cannot take one version).
struct CalendarSQL {
    let dialect: SQLDialect

    /// Tables of migration v11: every signed version of a year's file, and what each kiosk has.
    static let tables = [
        """
        CREATE TABLE calendar (
            year INTEGER NOT NULL, version INTEGER NOT NULL, sha256 TEXT NOT NULL, signature TEXT NOT NULL, toml TEXT NOT NULL,
            added_at TEXT NOT NULL, added_by TEXT NOT NULL,
            PRIMARY KEY (year, version)
        )
        """,
        """
        CREATE TABLE calendar_holding (
            kiosk TEXT NOT NULL, year INTEGER NOT NULL, version INTEGER NOT NULL, reported_at TEXT NOT NULL,
            PRIMARY KEY (kiosk, year)
        )
        """,
    ]

    func latest(year: Int) -> SQLStatement {
        dialect.statement("SELECT * FROM calendar WHERE year = ? ORDER BY version DESC LIMIT 1\(dialect.forUpdate)", [.integer(year)])
    }

    func insert(_ calendar: SignedCalendar, at date: Date, by actor: String) -> SQLStatement {
        dialect.statement(
            "INSERT INTO calendar (year, version, sha256, signature, toml, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .integer(calendar.year), .integer(calendar.version), .text(calendar.sha256), .text(calendar.signature), .text(calendar.toml),
                .text(CollectorSchema.timestamp(date)), .text(actor),
            ])
    }

    func records() -> SQLStatement {
        dialect.statement("SELECT * FROM calendar ORDER BY year, version", [])
    }

    func latestOfEveryYear() -> SQLStatement {
        dialect.statement(
            "SELECT c.* FROM calendar c WHERE c.version = (SELECT MAX(l.version) FROM calendar l WHERE l.year = c.year) ORDER BY c.year", [])
    }

    func forgetHoldings(kiosk: String) -> SQLStatement {
        dialect.statement("DELETE FROM calendar_holding WHERE kiosk = ?", [.text(kiosk)])
    }

    func hold(kiosk: String, _ holding: CalendarHolding, at date: Date) -> SQLStatement {
        dialect.statement(
            "INSERT INTO calendar_holding (kiosk, year, version, reported_at) VALUES (?, ?, ?, ?)",
            [.text(kiosk), .integer(holding.year), .integer(holding.version), .text(CollectorSchema.timestamp(date))])
    }

    func holdings() -> SQLStatement {
        dialect.statement("SELECT * FROM calendar_holding ORDER BY kiosk, year", [])
    }

    static func auditDetail(_ calendar: SignedCalendar) -> String {
        "version \(calendar.version), SHA-256 \(calendar.sha256)"
    }
}

extension SignedCalendar {
    init(row: some SQLRow) throws {
        self.init(
            year: try row.integer("year"), version: try row.integer("version"), sha256: try row.text("sha256"),
            signature: try row.text("signature"), toml: try row.text("toml"))
    }
}

extension CalendarRecord {
    init(row: some SQLRow) throws {
        self.init(calendar: try SignedCalendar(row: row), addedAt: try row.time("added_at"), addedBy: try row.text("added_by"))
    }
}

extension KioskCalendarHolding {
    init(row: some SQLRow) throws {
        self.init(
            kiosk: try row.text("kiosk"), holding: CalendarHolding(year: try row.integer("year"), version: try row.integer("version")),
            reportedAt: try row.time("reported_at"))
    }
}
