import CollectorCore

/// The listings of stored days and alarms, the same on both engines. (The ingest's own
/// statements are not here: SQLite's and PostgreSQL's writers batch them differently, see
/// `SQLiteIngest` and `PostgresIngest`.)
struct StoredDaySQL {
    let dialect: SQLDialect

    func storedDays(kiosk: String) -> SQLStatement {
        dialect.statement("SELECT day, hash, link FROM sealed_day WHERE kiosk = ? ORDER BY day", [.text(kiosk)])
    }

    func alarms() -> SQLStatement {
        dialect.statement(
            "SELECT kiosk, day, kind, detail, seen, first_seen, last_seen FROM alarm ORDER BY first_seen, kiosk, day, kind, detail", [])
    }
}

extension StoredDaySummary {
    init(row: some SQLRow) throws {
        self.init(day: try row.text("day"), hash: try row.text("hash"), link: ChainLink(rawValue: try row.text("link")) ?? .gap)
    }
}

extension CollectorAlarm {
    init(row: some SQLRow) throws {
        self.init(
            kiosk: try row.text("kiosk"), day: try row.text("day"), kind: CollectorAlarm.Kind(rawValue: try row.text("kind")) ?? .tamper,
            detail: try row.text("detail"), seen: try row.integer("seen"), firstSeen: try row.time("first_seen"),
            lastSeen: try row.time("last_seen"))
    }
}
