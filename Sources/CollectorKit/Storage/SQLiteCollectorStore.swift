import Foundation
import GRDB
import KioskCore

/// The collector's default store: one SQLite file (GRDB, WAL, synchronous FULL, so an answered
/// push survives a power cut).
public final class SQLiteCollectorStore: CollectorStore {
    private let pool: DatabasePool
    private let batcher: IngestBatcher

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        for migration in CollectorSchema.migrations(.sqlite) {
            migrator.registerMigration(migration.id) { db in
                for statement in migration.statements { try db.execute(sql: statement) }
            }
        }
        try migrator.migrate(pool)
        let pool = pool
        batcher = IngestBatcher { days in
            try await pool.write { db in try SQLiteIngest(db: db).run(days, receivedAt: CollectorSchema.timestamp()) }
        }
    }

    public func register(_ kiosk: KioskRegistration, by actor: String) async throws -> RegistryChange {
        try await pool.write { db in
            let existing = try Row.fetchOne(db, sql: "SELECT * FROM kiosk WHERE id = ?", arguments: [kiosk.id]).map(Self.kiosk)
            let keyHolder = try String.fetchOne(
                db, sql: "SELECT id FROM kiosk WHERE public_key = ? AND id <> ? LIMIT 1", arguments: [kiosk.publicKey, kiosk.id])
            let change = RegistryChange.decide(kiosk, existing: existing, keyHolder: keyHolder)
            guard change.writes else { return change }
            try db.execute(
                sql: """
                    INSERT INTO kiosk (id, office_code, office_name, district, province, public_key, revoked)
                    VALUES (?, ?, ?, ?, ?, ?, 0)
                    ON CONFLICT (id) DO UPDATE SET office_code = excluded.office_code, office_name = excluded.office_name,
                        district = excluded.district, province = excluded.province, public_key = excluded.public_key
                    """,
                arguments: [kiosk.id, kiosk.officeCode, kiosk.officeName, kiosk.district, kiosk.province, kiosk.publicKey])
            try Self.audit(
                db, actor, change == .registered ? .kioskRegistered : .kioskReplaced, subject: kiosk.id, detail: AuditEntry.describing(kiosk))
            return change
        }
    }

    public func kiosk(id: String) async throws -> KioskRegistration? {
        try await pool.read { db in try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM kiosk WHERE id = ?"), arguments: [id]).map(Self.kiosk) }
    }

    public func kiosks() async throws -> [KioskRegistration] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM kiosk ORDER BY province, district, office_code, id").map(Self.kiosk)
        }
    }

    public func revoke(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "UPDATE kiosk SET revoked = 1 WHERE id = ? AND revoked = 0", arguments: [id])
            guard db.changesCount > 0 else { return false }
            try Self.audit(db, actor, .kioskRevoked, subject: id, detail: reason)
            return true
        }
    }

    public func reinstate(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "UPDATE kiosk SET revoked = 0 WHERE id = ? AND revoked = 1", arguments: [id])
            guard db.changesCount > 0 else { return false }
            try Self.audit(db, actor, .kioskReinstated, subject: id, detail: reason)
            return true
        }
    }

    public func auditTrail() async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY at, rowid").compactMap { row in
                AuditEntry.Action(rawValue: row["action"]).map {
                    AuditEntry(at: row["at"], actor: row["actor"], action: $0, subject: row["subject"], detail: row["detail"])
                }
            }
        }
    }

    static func audit(_ db: Database, _ actor: String, _ action: AuditEntry.Action, subject: String, detail: String) throws {
        try db.execute(
            sql: "INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [CollectorSchema.timestamp(), actor, action.rawValue, subject, detail])
    }

    public func ingest(_ day: VerifiedDay) async throws -> IngestOutcome {
        try await batcher.submit(day)
    }

    public func storedDays(kiosk: String) async throws -> [StoredDaySummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT day, hash, link FROM sealed_day WHERE kiosk = ? ORDER BY day", arguments: [kiosk]).map {
                StoredDaySummary(day: $0["day"], hash: $0["hash"], link: ChainLink(rawValue: $0["link"]) ?? .gap)
            }
        }
    }

    public func alarms() async throws -> [CollectorAlarm] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM alarm ORDER BY first_seen, kiosk, day, kind, detail").map {
                CollectorAlarm(
                    kiosk: $0["kiosk"], day: $0["day"], kind: CollectorAlarm.Kind(rawValue: $0["kind"]) ?? .tamper, detail: $0["detail"],
                    seen: $0["seen"], firstSeen: $0["first_seen"], lastSeen: $0["last_seen"])
            }
        }
    }

    public func satisfaction(_ query: ReportQuery) async throws -> [SatisfactionRow] {
        SatisfactionRow.merged(
            try await rows(ReportSQL(dialect: .sqlite).satisfaction(query)).map {
                SatisfactionRow(key: $0["key"], label: $0["label"] ?? $0["key"], answers: $0["answers"], satisfied: $0["satisfied"], scoreSum: $0["score_sum"])
            })
    }

    public func queue(_ query: ReportQuery) async throws -> [QueueRow] {
        QueueRow.merged(
            try await rows(ReportSQL(dialect: .sqlite).queue(query)).map {
                QueueRow(
                    key: $0["key"], label: $0["label"] ?? $0["key"], issued: $0["issued"], priority: $0["priority"], served: $0["served"],
                    noShow: $0["no_show"], waiting: CollectorSchema.histogramCounts($0["waiting_minutes"]))
            })
    }

    public func slips(_ query: ReportQuery) async throws -> [(procedure: String, count: Int)] {
        SlipCounts.merged(try await rows(ReportSQL(dialect: .sqlite).slips(query)).map { ($0["procedure"], $0["count"]) })
    }

    /// The rows of a report's statements, all read in one transaction (one snapshot).
    private func rows(_ statements: [ReportSQL.Statement]) async throws -> [Row] {
        try await pool.read { db in
            try statements.flatMap { try Row.fetchAll(db, sql: $0.sql, arguments: StatementArguments($0.arguments)) }
        }
    }

    public func rebuildRollups() async throws {
        try await pool.write { db in
            for statement in RollupSchema.clear + RollupSchema.backfill(.sqlite) { try db.execute(sql: statement) }
        }
    }

    public func health() async throws -> [KioskHealth] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: CollectorSchema.healthQuery).map(Self.health)
        }
    }

    public func saveStaff(_ account: StaffAccount, by actor: String) async throws {
        try await pool.write { db in
            let before = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE name = ?", arguments: [account.name]).flatMap(Self.staff)
            try db.execute(
                sql: """
                    INSERT INTO staff (name, role, district, password_hash) VALUES (?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET role = excluded.role, district = excluded.district, password_hash = excluded.password_hash
                    """,
                arguments: [account.name, account.role.rawValue, account.district, account.passwordHash])
            if before?.passwordHash != account.passwordHash {
                try db.execute(sql: "DELETE FROM staff_session WHERE name = ?", arguments: [account.name])
            }
            try Self.audit(db, actor, .userSaved, subject: account.name, detail: StaffChange.describing(account, before: before))
        }
    }

    public func staff(named name: String) async throws -> StaffAccount? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE name = ?", arguments: [name]).flatMap(Self.staff) }
    }

    public func staffAccounts() async throws -> [StaffAccount] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY name").compactMap(Self.staff) }
    }

    public func setStaff(named name: String, disabled: Bool, by actor: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE staff SET disabled = ? WHERE name = ? AND disabled = ?", arguments: [disabled ? 1 : 0, name, disabled ? 0 : 1])
            guard db.changesCount > 0 else { return false }
            if disabled { try db.execute(sql: "DELETE FROM staff_session WHERE name = ?", arguments: [name]) }
            try Self.audit(db, actor, disabled ? .userDisabled : .userEnabled, subject: name, detail: "")
            return true
        }
    }

    public func openSession(tokenHash: String, name: String, expiresAt: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM staff_session WHERE expires_at <= ?", arguments: [CollectorSchema.timestamp()])
            try db.execute(
                sql: "INSERT INTO staff_session (token_hash, name, expires_at) VALUES (?, ?, ?)", arguments: [tokenHash, name, expiresAt])
        }
    }

    public func staffForSession(tokenHash: String, now: String) async throws -> StaffAccount? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT s.* FROM staff_session x JOIN staff s ON s.name = x.name
                    WHERE x.token_hash = ? AND x.expires_at > ? AND s.disabled = 0
                    """,
                arguments: [tokenHash, now]
            ).flatMap(Self.staff)
        }
    }

    public func closeSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM staff_session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func loginFailures(keys: [String]) async throws -> [String: LoginThrottle.Failures] {
        try await pool.read { db in try Self.loginFailures(db, keys) }
    }

    public func recordLoginFailure(keys: [String], at now: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM login_failure WHERE last_failure < ?",
                arguments: [CollectorSchema.preciseTimestamp(now.addingTimeInterval(-LoginThrottle.forgetAfter))])
            let before = try Self.loginFailures(db, keys)
            for key in keys {
                let counted = LoginThrottle.counted(after: before[key], at: now)
                try db.execute(
                    sql: """
                        INSERT INTO login_failure (key, failures, last_failure) VALUES (?, ?, ?)
                        ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure
                        """,
                    arguments: [key, counted.count, CollectorSchema.preciseTimestamp(counted.last)])
            }
        }
    }

    public func clearLoginFailures(key: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM login_failure WHERE key = ?", arguments: [key]) }
    }

    private static func loginFailures(_ db: Database, _ keys: [String]) throws -> [String: LoginThrottle.Failures] {
        var found: [String: LoginThrottle.Failures] = [:]
        for key in keys {
            guard let row = try Row.fetchOne(db, sql: "SELECT failures, last_failure FROM login_failure WHERE key = ?", arguments: [key]),
                let last = CollectorSchema.date(row["last_failure"])
            else { continue }
            found[key] = LoginThrottle.Failures(count: row["failures"], last: last)
        }
        return found
    }

    private static func staff(_ row: Row) -> StaffAccount? {
        StaffAccount.Role(rawValue: row["role"]).map {
            StaffAccount(name: row["name"], role: $0, district: row["district"], passwordHash: row["password_hash"], disabled: row["disabled"])
        }
    }

    private static func health(_ row: Row) -> KioskHealth {
        KioskHealth(
            kiosk: row["id"], officeCode: row["office_code"], officeName: row["office_name"], district: row["district"],
            province: row["province"], revoked: row["revoked"], lastDay: row["last_day"], gaps: row["gaps"], broken: row["broken"],
            restarts: row["restarts"], alarms: row["alarms"], printerFaults: row["printer_faults"], firstDay: row["first_day"],
            storedDays: row["stored_days"])
    }

    static func kiosk(_ row: Row) -> KioskRegistration {
        KioskRegistration(
            id: row["id"], officeCode: row["office_code"], officeName: row["office_name"], district: row["district"],
            province: row["province"], publicKey: row["public_key"], revoked: row["revoked"])
    }
}
