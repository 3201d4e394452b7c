import CollectorCore
import Foundation
import KioskCore

/// The collector's tables, the same for SQLite and PostgreSQL (plain SQL types only).
///
/// `sealed_day` keeps every pushed day's exact bytes, hash and signature (the evidence), plus where
/// the kiosk stood when it pushed (office, district, province), so reports do not change when a
/// kiosk is later moved. The `day_*` tables are the same figures as rows, for reports.
enum CollectorSchema {
    /// A wait histogram as stored in `day_ticket`: ten counts, comma-separated ("1,0,2,…").
    static func histogramText(_ histogram: WaitHistogram) -> String {
        histogram.counts.map(String.init).joined(separator: ",")
    }

    /// The histogram a stored text holds; nil unless it is one whole count per bucket.
    static func histogram(_ text: String) -> WaitHistogram? {
        let counts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard counts.allSatisfy({ $0 != nil }) else { return nil }
        return WaitHistogram(counts: counts.compactMap { $0 })
    }

    /// Times the collector stores (`CollectorTime`).
    static func timestamp(_ date: Date = Date()) -> String {
        CollectorTime.text(date)
    }

    /// With milliseconds, for the sign-in throttle's delays of a second or two.
    static func preciseTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        CollectorTime.date(text)
    }

    static let statements = [
        """
        CREATE TABLE kiosk (
            id TEXT PRIMARY KEY,
            office_code TEXT NOT NULL,
            office_name TEXT NOT NULL,
            district TEXT NOT NULL,
            province TEXT NOT NULL,
            public_key TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE sealed_day (
            kiosk TEXT NOT NULL,
            day TEXT NOT NULL,
            office TEXT NOT NULL,
            district TEXT NOT NULL,
            province TEXT NOT NULL,
            hash TEXT NOT NULL,
            previous TEXT NOT NULL,
            link TEXT NOT NULL,
            signature TEXT NOT NULL,
            body BYTEA_OR_BLOB NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY (kiosk, day)
        )
        """,
        "CREATE INDEX sealed_day_by_place ON sealed_day (province, district, office, day)",
        "CREATE INDEX sealed_day_by_day ON sealed_day (day)",
        """
        CREATE TABLE day_vote (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, counter TEXT NOT NULL, service TEXT NOT NULL,
            question TEXT NOT NULL, choice TEXT NOT NULL, score INTEGER NOT NULL, satisfied INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (kiosk, day, counter, service, question, choice, score, satisfied)
        )
        """,
        """
        CREATE TABLE day_press (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, terminal TEXT NOT NULL, kind TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (kiosk, day, terminal, kind)
        )
        """,
        """
        CREATE TABLE day_ticket (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, service TEXT NOT NULL, issued INTEGER NOT NULL, priority INTEGER NOT NULL,
            served INTEGER NOT NULL, no_show INTEGER NOT NULL, waiting_minutes TEXT NOT NULL, service_minutes TEXT NOT NULL,
            PRIMARY KEY (kiosk, day, service)
        )
        """,
        """
        CREATE TABLE day_slip (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, procedure TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (kiosk, day, procedure)
        )
        """,
        """
        CREATE TABLE day_printer_fault (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, printer TEXT NOT NULL, fault TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (kiosk, day, printer, fault)
        )
        """,
        """
        CREATE TABLE alarm (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL, raised_at TEXT NOT NULL
        )
        """,
    ]

    /// One row per registered kiosk: its first and last stored day and how many it has (from
    /// `kiosk_days`), flagged links (partial indexes), alarms and printer faults.
    static let healthQuery = """
        SELECT k.id, k.office_code, k.office_name, k.district, k.province, k.revoked,
               c.last_day AS last_day,
               (SELECT COUNT(*) FROM sealed_day d WHERE d.kiosk = k.id AND d.link = 'gap') AS gaps,
               (SELECT COUNT(*) FROM sealed_day d WHERE d.kiosk = k.id AND d.link = 'broken') AS broken,
               (SELECT COUNT(*) FROM sealed_day d WHERE d.kiosk = k.id AND d.link = 'restart') AS restarts,
               c.first_day AS first_day,
               COALESCE(c.stored, 0) AS stored_days,
               (SELECT COUNT(*) FROM alarm a WHERE a.kiosk = k.id) AS alarms,
               (SELECT COALESCE(SUM(f.count), 0) FROM day_printer_fault f WHERE f.kiosk = k.id) AS printer_faults
        FROM kiosk k LEFT JOIN kiosk_days c ON c.kiosk = k.id
        ORDER BY k.province, k.district, k.office_code, k.id
        """

    /// So the health query counts a kiosk's flagged days and alarms without reading all its days.
    static let healthIndexes = [
        "CREATE INDEX sealed_day_gaps ON sealed_day (kiosk) WHERE link = 'gap'",
        "CREATE INDEX sealed_day_broken ON sealed_day (kiosk) WHERE link = 'broken'",
        "CREATE INDEX alarm_by_kiosk ON alarm (kiosk)",
    ]

    /// Votes as the reports read them: added up per counter, service and question for each day
    /// (the per-choice rows of v1 were four times as many to write, and no report reads a choice).
    /// The sealed body keeps the choices.
    static let dayAnswerStatements = [
        """
        CREATE TABLE day_answer (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, counter TEXT NOT NULL, service TEXT NOT NULL, question TEXT NOT NULL,
            answers INTEGER NOT NULL, satisfied INTEGER NOT NULL, score_sum INTEGER NOT NULL,
            PRIMARY KEY (kiosk, day, counter, service, question)
        )
        """,
        """
        INSERT INTO day_answer (kiosk, day, counter, service, question, answers, satisfied, score_sum)
        SELECT kiosk, day, counter, service, question, SUM(count), SUM(CASE WHEN satisfied = 1 THEN count ELSE 0 END), SUM(score * count)
        FROM day_vote GROUP BY kiosk, day, counter, service, question
        """,
        "DROP TABLE day_vote",
    ]

    /// Dashboard accounts and their sessions (only a hash of each session token is stored).
    static let staffStatements = [
        "CREATE TABLE staff (name TEXT PRIMARY KEY, role TEXT NOT NULL, district TEXT NOT NULL, password_hash TEXT NOT NULL)",
        "CREATE TABLE staff_session (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, expires_at TEXT NOT NULL)",
    ]

    /// The audit trail of administrative actions (`AuditEntry`).
    static let auditStatements = [
        "CREATE TABLE audit (at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL)",
        "CREATE INDEX audit_by_time ON audit (at)",
    ]

    /// One row per alarm, counting its repeats: the rows of the same alarm merged.
    static let alarmsCounted = [
        """
        CREATE TABLE alarm_counted (
            kiosk TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL,
            first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, seen INTEGER NOT NULL,
            PRIMARY KEY (kiosk, day, kind, detail)
        )
        """,
        """
        INSERT INTO alarm_counted (kiosk, day, kind, detail, first_seen, last_seen, seen)
        SELECT kiosk, day, kind, detail, MIN(raised_at), MAX(raised_at), COUNT(*) FROM alarm GROUP BY kiosk, day, kind, detail
        """,
        "DROP TABLE alarm",
        "ALTER TABLE alarm_counted RENAME TO alarm",
    ]

    /// The migrations in order, for one engine. Append; never edit a shipped one.
    static func migrations(_ dialect: SQLDialect) -> [(id: String, statements: [String])] {
        [
            ("v1-collector", statements.map { $0.replacingOccurrences(of: "BYTEA_OR_BLOB", with: dialect.binaryType) }),
            ("v2-staff", staffStatements),
            ("v3-monthly-rollups", RollupSchema.tables + RollupSchema.backfill(dialect, votes: .perChoice)),
            ("v4-health-indexes", healthIndexes),
            ("v5-day-answers", dayAnswerStatements),
            ("v6-rollup-room-for-updates", RollupSchema.roomForUpdates(dialect)),
            ("v7-alarms-counted", alarmsCounted),
            ("v8-audit", auditStatements),
            ("v9-staff-disabled", ["ALTER TABLE staff ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0"]),
            ("v10-login-failures", ["CREATE TABLE login_failure (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure TEXT NOT NULL)"]),
            ("v11-calendars", CalendarSQL.tables),
            ("v12-kiosk-days", [KioskDaysSchema.table] + KioskDaysSchema.backfill + [KioskDaysSchema.restartIndex]),
        ]
    }
}
