import CollectorCore
import Foundation
import GRDB
import KioskCore

/// The collector's default store: one SQLite file (GRDB, WAL, synchronous FULL, so an answered
/// push survives a power cut).
public final class SQLiteCollectorStore: CollectorStore {
    let pool: DatabasePool
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

    private let registrySQL = RegistrySQL(dialect: .sqlite)
    let auditSQL = AuditSQL(dialect: .sqlite)
    private let daySQL = StoredDaySQL(dialect: .sqlite)
    private let reportSQL = ReportSQL(dialect: .sqlite)
    private let staffSQL = StaffSQL(dialect: .sqlite)
    private let loginSQL = LoginFailureSQL(dialect: .sqlite)

    public func register(_ kiosk: KioskRegistration, by actor: String) async throws -> RegistryChange {
        try await pool.write { [registrySQL, auditSQL] db in
            let existing = try db.rows(registrySQL.kiosk(id: kiosk.id)).first.map(KioskRegistration.init(row:))
            let keyHolder = try db.rows(registrySQL.keyHolder(publicKey: kiosk.publicKey, besides: kiosk.id)).first?.text("id")
            let change = RegistryChange.decide(kiosk, existing: existing, keyHolder: keyHolder)
            guard change.writes else { return change }
            try db.execute(registrySQL.save(kiosk))
            try db.execute(
                auditSQL.record(actor, change == .registered ? .kioskRegistered : .kioskReplaced, subject: kiosk.id, detail: AuditEntry.describing(kiosk)))
            return change
        }
    }

    public func kiosk(id: String) async throws -> KioskRegistration? {
        let statement = registrySQL.kiosk(id: id)
        return try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: statement.sql), arguments: statement.sqliteArguments).map(KioskRegistration.init(row:))
        }
    }

    public func kiosks() async throws -> [KioskRegistration] {
        try await pool.read { [registrySQL] db in try db.rows(registrySQL.kiosks()).map(KioskRegistration.init(row:)) }
    }

    public func revoke(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await setRevoked(id, to: true, by: actor, action: .kioskRevoked, reason: reason)
    }

    public func reinstate(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await setRevoked(id, to: false, by: actor, action: .kioskReinstated, reason: reason)
    }

    private func setRevoked(_ id: String, to revoked: Bool, by actor: String, action: AuditEntry.Action, reason: String) async throws -> Bool {
        try await pool.write { [registrySQL, auditSQL] db in
            try db.execute(registrySQL.setRevoked(id, to: revoked))
            guard db.changesCount > 0 else { return false }
            try db.execute(auditSQL.record(actor, action, subject: id, detail: reason))
            return true
        }
    }

    public func auditTrail() async throws -> [AuditEntry] {
        try await pool.read { [auditSQL] db in try db.rows(auditSQL.trail()).compactMap(AuditEntry.init(row:)) }
    }

    public func ingest(_ day: VerifiedDay) async throws -> IngestOutcome {
        try await batcher.submit(day)
    }

    public func storedDays(kiosk: String) async throws -> [StoredDaySummary] {
        try await pool.read { [daySQL] db in try db.rows(daySQL.storedDays(kiosk: kiosk)).map(StoredDaySummary.init(row:)) }
    }

    public func alarms() async throws -> [CollectorAlarm] {
        try await pool.read { [daySQL] db in try db.rows(daySQL.alarms()).map(CollectorAlarm.init(row:)) }
    }

    public func satisfaction(_ query: ReportQuery) async throws -> [SatisfactionRow] {
        SatisfactionRow.merged(try await rows(reportSQL.satisfaction(query)).map(SatisfactionRow.init(row:)))
    }

    public func queue(_ query: ReportQuery) async throws -> [QueueRow] {
        QueueRow.merged(try await rows(reportSQL.queue(query)).map(QueueRow.init(row:)))
    }

    public func slips(_ query: ReportQuery) async throws -> [(procedure: String, count: Int)] {
        SlipCounts.merged(try await rows(reportSQL.slips(query)).map(SlipCounts.slip(row:)))
    }

    /// The rows of a report's statements, all read in one transaction (one snapshot).
    private func rows(_ statements: [SQLStatement]) async throws -> [Row] {
        try await pool.read { db in try statements.flatMap(db.rows) }
    }

    public func rebuildRollups() async throws {
        try await pool.write { db in
            for statement in RollupSchema.clear + RollupSchema.backfill(.sqlite) + KioskDaysSchema.clear + KioskDaysSchema.backfill {
                try db.execute(sql: statement)
            }
        }
    }

    public func health() async throws -> [KioskHealth] {
        try await pool.read { db in try Row.fetchAll(db, sql: CollectorSchema.healthQuery).map(KioskHealth.init(row:)) }
    }

    public func saveStaff(_ account: StaffAccount, by actor: String) async throws {
        try await pool.write { [staffSQL, auditSQL] db in
            let before = try db.rows(staffSQL.account(named: account.name)).first.flatMap(StaffAccount.init(row:))
            try db.execute(staffSQL.save(account))
            if before?.passwordHash != account.passwordHash { try db.execute(staffSQL.endSessions(of: account.name)) }
            try db.execute(auditSQL.record(actor, .userSaved, subject: account.name, detail: StaffChange.describing(account, before: before)))
        }
    }

    public func staff(named name: String) async throws -> StaffAccount? {
        try await pool.read { [staffSQL] db in try db.rows(staffSQL.account(named: name)).first.flatMap(StaffAccount.init(row:)) }
    }

    public func staffAccounts() async throws -> [StaffAccount] {
        try await pool.read { [staffSQL] db in try db.rows(staffSQL.accounts()).compactMap(StaffAccount.init(row:)) }
    }

    public func setStaff(named name: String, disabled: Bool, by actor: String) async throws -> Bool {
        try await pool.write { [staffSQL, auditSQL] db in
            try db.execute(staffSQL.setDisabled(name, to: disabled))
            guard db.changesCount > 0 else { return false }
            if disabled { try db.execute(staffSQL.endSessions(of: name)) }
            try db.execute(auditSQL.record(actor, disabled ? .userDisabled : .userEnabled, subject: name, detail: ""))
            return true
        }
    }

    public func openSession(tokenHash: String, name: String, at now: Date, expiresAt: Date) async throws {
        try await pool.write { [staffSQL] db in
            try db.execute(staffSQL.forgetSessions(expiredBy: now))
            try db.execute(staffSQL.openSession(tokenHash: tokenHash, name: name, expiresAt: expiresAt))
        }
    }

    public func staffForSession(tokenHash: String, now: Date) async throws -> StaffAccount? {
        try await pool.read { [staffSQL] db in
            try db.rows(staffSQL.accountForSession(tokenHash: tokenHash, now: now)).first.flatMap(StaffAccount.init(row:))
        }
    }

    public func closeSession(tokenHash: String) async throws {
        try await pool.write { [staffSQL] db in try db.execute(staffSQL.closeSession(tokenHash: tokenHash)) }
    }

    public func loginFailures(keys: [String]) async throws -> [String: LoginThrottle.Failures] {
        try await pool.read { [loginSQL] db in try LoginFailureSQL.failures(db.rows(loginSQL.failures(keys: keys))) }
    }

    public func recordLoginFailure(keys: [String], at now: Date) async throws {
        try await pool.write { [loginSQL] db in
            try db.execute(loginSQL.forget(before: now.addingTimeInterval(-LoginThrottle.forgetAfter)))
            let before = try LoginFailureSQL.failures(db.rows(loginSQL.failures(keys: keys)))
            for key in keys { try db.execute(loginSQL.record(key: key, LoginThrottle.counted(after: before[key], at: now))) }
        }
    }

    public func clearLoginFailures(key: String) async throws {
        try await pool.write { [loginSQL] db in try db.execute(loginSQL.clear(key: key)) }
    }
}
