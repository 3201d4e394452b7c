import CollectorCore
import Foundation
import KioskCore
import Logging
import NIOCore
import PostgresNIO

/// The collector's store on PostgreSQL, for a province that outgrows one SQLite file: several
/// collectors may share it. Within one collector, pushes are written in batches, one batch at a
/// time (`IngestBatcher`, `PostgresIngest`); collectors sharing the database write at the same
/// time, and an advisory lock per kiosk, taken in order, serialises the ingests of one kiosk
/// across them (so links are decided on what is committed).
public final class PostgresCollectorStore: CollectorStore {
    let client: PostgresClient
    private let batcher: IngestBatcher
    private let runner: Task<Void, Never>
    let logger: Logger

    /// `url`: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE
    public init(url: String, logger: Logger = PostgresCollectorStore.defaultLogger) async throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, let user = components.user, components.path.count > 1
        else {
            throw CollectorStoreError("expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, found \"\(url)\"")
        }
        let configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: String(components.path.dropFirst()), tls: .disable)
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
        batcher = IngestBatcher { days in
            let receivedAt = CollectorSchema.timestamp()
            return try await client.withTransaction(logger: logger) { connection in
                try await withTaskExecutorPreference(EventLoopTaskExecutor(connection.eventLoop)) {
                    try await PostgresIngest(connection: connection, logger: logger).run(days, receivedAt: receivedAt)
                }
            }
        }
        try await migrate()
    }

    deinit {
        runner.cancel()
    }

    /// Errors only: the client warns when the first query comes a moment before `run()` has started, which is harmless.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "collectord.postgres")
        logger.logLevel = .error
        return logger
    }

    private func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7234001)", logger: logger)
            try await connection.query("CREATE TABLE IF NOT EXISTS collector_migration (id TEXT PRIMARY KEY)", logger: logger)
            var applied: Set<String> = []
            for try await id in try await connection.query("SELECT id FROM collector_migration", logger: logger).decode(String.self) {
                applied.insert(id)
            }
            for migration in CollectorSchema.migrations(.postgres) where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO collector_migration (id) VALUES (\(migration.id))", logger: logger)
            }
        }
    }

    private let registrySQL = RegistrySQL(dialect: .postgres)
    let auditSQL = AuditSQL(dialect: .postgres)
    private let daySQL = StoredDaySQL(dialect: .postgres)
    private let reportSQL = ReportSQL(dialect: .postgres)
    private let staffSQL = StaffSQL(dialect: .postgres)
    private let loginSQL = LoginFailureSQL(dialect: .postgres)

    public func register(_ kiosk: KioskRegistration, by actor: String) async throws -> RegistryChange {
        try await client.withTransaction(logger: logger) { [registrySQL, auditSQL, logger] connection in
            // Registrations are rare: one at a time across every collector, so two cannot take one key.
            try await connection.query("SELECT pg_advisory_xact_lock(7234002)", logger: logger)
            let existing = try await Self.rows(registrySQL.kiosk(id: kiosk.id), on: connection, logger).first.map(KioskRegistration.init(row:))
            let keyHolder = try await Self.rows(registrySQL.keyHolder(publicKey: kiosk.publicKey, besides: kiosk.id), on: connection, logger)
                .first?.text("id")
            let change = RegistryChange.decide(kiosk, existing: existing, keyHolder: keyHolder)
            guard change.writes else { return change }
            try await connection.query(registrySQL.save(kiosk).postgresQuery, logger: logger)
            try await connection.query(
                auditSQL.record(actor, change == .registered ? .kioskRegistered : .kioskReplaced, subject: kiosk.id, detail: AuditEntry.describing(kiosk))
                    .postgresQuery, logger: logger)
            return change
        }
    }

    public func kiosk(id: String) async throws -> KioskRegistration? {
        try await rows(registrySQL.kiosk(id: id)).first.map(KioskRegistration.init(row:))
    }

    public func kiosks() async throws -> [KioskRegistration] {
        try await rows(registrySQL.kiosks()).map(KioskRegistration.init(row:))
    }

    public func revoke(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await setRevoked(id, to: true, by: actor, action: .kioskRevoked, reason: reason)
    }

    public func reinstate(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await setRevoked(id, to: false, by: actor, action: .kioskReinstated, reason: reason)
    }

    private func setRevoked(_ id: String, to revoked: Bool, by actor: String, action: AuditEntry.Action, reason: String) async throws -> Bool {
        try await client.withTransaction(logger: logger) { [registrySQL, auditSQL, logger] connection in
            guard try await !Self.rows(registrySQL.setRevoked(id, to: revoked), on: connection, logger).isEmpty else { return false }
            try await connection.query(auditSQL.record(actor, action, subject: id, detail: reason).postgresQuery, logger: logger)
            return true
        }
    }

    public func auditTrail() async throws -> [AuditEntry] {
        try await rows(auditSQL.trail()).compactMap(AuditEntry.init(row:))
    }

    public func ingest(_ day: VerifiedDay) async throws -> IngestOutcome {
        try await batcher.submit(day)
    }

    public func storedDays(kiosk: String) async throws -> [StoredDaySummary] {
        try await rows(daySQL.storedDays(kiosk: kiosk)).map(StoredDaySummary.init(row:))
    }

    public func alarms() async throws -> [CollectorAlarm] {
        try await rows(daySQL.alarms()).map(CollectorAlarm.init(row:))
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

    /// The rows of a report's statements, all read in one repeatable-read transaction (one snapshot).
    private func rows(_ statements: [SQLStatement]) async throws -> [PostgresRandomAccessRow] {
        try await client.withTransaction(logger: logger) { [logger] connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            var rows: [PostgresRandomAccessRow] = []
            for statement in statements { rows += try await Self.rows(statement, on: connection, logger) }
            return rows
        }
    }

    public func rebuildRollups() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("LOCK TABLE month_vote, month_office_vote, month_ticket, month_slip, kiosk_days IN EXCLUSIVE MODE", logger: logger)
            for statement in RollupSchema.clear + RollupSchema.backfill(.postgres) + KioskDaysSchema.clear + KioskDaysSchema.backfill {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    public func health() async throws -> [KioskHealth] {
        try await rows(SQLStatement(sql: CollectorSchema.healthQuery, arguments: [])).map(KioskHealth.init(row:))
    }

    public func saveStaff(_ account: StaffAccount, by actor: String) async throws {
        try await client.withTransaction(logger: logger) { [staffSQL, auditSQL, logger] connection in
            let before = try await Self.rows(staffSQL.account(named: account.name, locking: true), on: connection, logger).first
                .flatMap(StaffAccount.init(row:))
            try await connection.query(staffSQL.save(account).postgresQuery, logger: logger)
            if before?.passwordHash != account.passwordHash {
                try await connection.query(staffSQL.endSessions(of: account.name).postgresQuery, logger: logger)
            }
            try await connection.query(
                auditSQL.record(actor, .userSaved, subject: account.name, detail: StaffChange.describing(account, before: before)).postgresQuery,
                logger: logger)
        }
    }

    public func staff(named name: String) async throws -> StaffAccount? {
        try await rows(staffSQL.account(named: name)).first.flatMap(StaffAccount.init(row:))
    }

    public func staffAccounts() async throws -> [StaffAccount] {
        try await rows(staffSQL.accounts()).compactMap(StaffAccount.init(row:))
    }

    public func setStaff(named name: String, disabled: Bool, by actor: String) async throws -> Bool {
        try await client.withTransaction(logger: logger) { [staffSQL, auditSQL, logger] connection in
            guard try await !Self.rows(staffSQL.setDisabled(name, to: disabled), on: connection, logger).isEmpty else { return false }
            if disabled { try await connection.query(staffSQL.endSessions(of: name).postgresQuery, logger: logger) }
            try await connection.query(
                auditSQL.record(actor, disabled ? .userDisabled : .userEnabled, subject: name, detail: "").postgresQuery, logger: logger)
            return true
        }
    }

    public func openSession(tokenHash: String, name: String, at now: Date, expiresAt: Date) async throws {
        try await client.query(staffSQL.forgetSessions(expiredBy: now).postgresQuery, logger: logger)
        try await client.query(staffSQL.openSession(tokenHash: tokenHash, name: name, expiresAt: expiresAt).postgresQuery, logger: logger)
    }

    public func staffForSession(tokenHash: String, now: Date) async throws -> StaffAccount? {
        try await rows(staffSQL.accountForSession(tokenHash: tokenHash, now: now)).first.flatMap(StaffAccount.init(row:))
    }

    public func closeSession(tokenHash: String) async throws {
        try await client.query(staffSQL.closeSession(tokenHash: tokenHash).postgresQuery, logger: logger)
    }

    public func loginFailures(keys: [String]) async throws -> [String: LoginThrottle.Failures] {
        try LoginFailureSQL.failures(try await rows(loginSQL.failures(keys: keys)))
    }

    public func recordLoginFailure(keys: [String], at now: Date) async throws {
        try await client.withTransaction(logger: logger) { [loginSQL, logger] connection in
            try await connection.query(loginSQL.forget(before: now.addingTimeInterval(-LoginThrottle.forgetAfter)).postgresQuery, logger: logger)
            // Locked in key order, so two collectors counting the same keys cannot deadlock.
            let before = try LoginFailureSQL.failures(try await Self.rows(loginSQL.failures(keys: keys, locking: true), on: connection, logger))
            for key in keys.sorted() {
                try await connection.query(loginSQL.record(key: key, LoginThrottle.counted(after: before[key], at: now)).postgresQuery, logger: logger)
            }
        }
    }

    public func clearLoginFailures(key: String) async throws {
        try await client.query(loginSQL.clear(key: key).postgresQuery, logger: logger)
    }

    /// One statement's rows, outside a transaction.
    func rows(_ statement: SQLStatement) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await client.query(statement.postgresQuery, logger: logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }

    static func rows(_ statement: SQLStatement, on connection: PostgresConnection, _ logger: Logger) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await connection.query(statement.postgresQuery, logger: logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }
}

public struct CollectorStoreError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
