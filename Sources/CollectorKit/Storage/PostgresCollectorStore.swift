import Foundation
import KioskCore
import Logging
import NIOCore
import PostgresNIO

/// The collector's store on PostgreSQL, for a province that outgrows one SQLite file: several
/// collectors may share it. Ingests of one kiosk are serialised by an advisory lock (so links
/// are decided on what is committed); different kiosks ingest in parallel.
public final class PostgresCollectorStore: CollectorStore {
    private let client: PostgresClient
    private let batcher: IngestBatcher
    private let runner: Task<Void, Never>
    private let logger: Logger

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

    public func register(_ kiosk: KioskRegistration, by actor: String) async throws -> RegistryChange {
        try await client.withTransaction(logger: logger) { connection in
            // Registrations are rare: one at a time across every collector, so two cannot take one key.
            try await connection.query("SELECT pg_advisory_xact_lock(7234002)", logger: logger)
            var existing: KioskRegistration?
            for try await row in try await connection.query("SELECT * FROM kiosk WHERE id = \(kiosk.id)", logger: logger) {
                existing = try Self.kiosk(row.makeRandomAccess())
            }
            var keyHolder: String?
            let holders = try await connection.query(
                "SELECT id FROM kiosk WHERE public_key = \(kiosk.publicKey) AND id <> \(kiosk.id) LIMIT 1", logger: logger)
            for try await id in holders.decode(String.self) { keyHolder = id }
            let change = RegistryChange.decide(kiosk, existing: existing, keyHolder: keyHolder)
            guard change.writes else { return change }
            try await connection.query(
                """
                INSERT INTO kiosk (id, office_code, office_name, district, province, public_key, revoked)
                VALUES (\(kiosk.id), \(kiosk.officeCode), \(kiosk.officeName), \(kiosk.district), \(kiosk.province), \(kiosk.publicKey), 0)
                ON CONFLICT (id) DO UPDATE SET office_code = excluded.office_code, office_name = excluded.office_name,
                    district = excluded.district, province = excluded.province, public_key = excluded.public_key
                """, logger: logger)
            try await Self.audit(
                connection, logger, actor, change == .registered ? .kioskRegistered : .kioskReplaced, subject: kiosk.id,
                detail: AuditEntry.describing(kiosk))
            return change
        }
    }

    public func kiosk(id: String) async throws -> KioskRegistration? {
        try await rows(PostgresQuery(unsafeSQL: "SELECT * FROM kiosk WHERE id = $1", binds: Self.binds([id]))).first.map(Self.kiosk)
    }

    public func kiosks() async throws -> [KioskRegistration] {
        try await rows("SELECT * FROM kiosk ORDER BY province, district, office_code, id").map(Self.kiosk)
    }

    public func revoke(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await setRevoked(id, to: true, by: actor, action: .kioskRevoked, reason: reason)
    }

    public func reinstate(kiosk id: String, by actor: String, reason: String) async throws -> Bool {
        try await setRevoked(id, to: false, by: actor, action: .kioskReinstated, reason: reason)
    }

    private func setRevoked(_ id: String, to revoked: Bool, by actor: String, action: AuditEntry.Action, reason: String) async throws -> Bool {
        try await client.withTransaction(logger: logger) { connection in
            var changed = false
            let updated = try await connection.query(
                "UPDATE kiosk SET revoked = \(revoked ? 1 : 0) WHERE id = \(id) AND revoked = \(revoked ? 0 : 1) RETURNING id", logger: logger)
            for try await _ in updated.decode(String.self) { changed = true }
            if changed { try await Self.audit(connection, logger, actor, action, subject: id, detail: reason) }
            return changed
        }
    }

    public func auditTrail() async throws -> [AuditEntry] {
        try await rows("SELECT at, actor, action, subject, detail FROM audit ORDER BY at, ctid").compactMap { row in
            guard let action = AuditEntry.Action(rawValue: try row["action"].decode(String.self)) else { return nil }
            return AuditEntry(
                at: try row["at"].decode(String.self), actor: try row["actor"].decode(String.self), action: action,
                subject: try row["subject"].decode(String.self), detail: try row["detail"].decode(String.self))
        }
    }

    static func audit(
        _ connection: PostgresConnection, _ logger: Logger, _ actor: String, _ action: AuditEntry.Action, subject: String, detail: String
    ) async throws {
        try await connection.query(
            """
            INSERT INTO audit (at, actor, action, subject, detail)
            VALUES (\(CollectorSchema.timestamp()), \(actor), \(action.rawValue), \(subject), \(detail))
            """, logger: logger)
    }

    public func ingest(_ day: VerifiedDay) async throws -> IngestOutcome {
        try await batcher.submit(day)
    }

    public func storedDays(kiosk: String) async throws -> [StoredDaySummary] {
        try await rows("SELECT day, hash, link FROM sealed_day WHERE kiosk = \(kiosk) ORDER BY day").map { row in
            StoredDaySummary(
                day: try row["day"].decode(String.self), hash: try row["hash"].decode(String.self),
                link: ChainLink(rawValue: try row["link"].decode(String.self)) ?? .gap)
        }
    }

    public func alarms() async throws -> [CollectorAlarm] {
        try await rows("SELECT kiosk, day, kind, detail, seen, first_seen, last_seen FROM alarm ORDER BY first_seen, kiosk, day, kind, detail").map { row in
            CollectorAlarm(
                kiosk: try row["kiosk"].decode(String.self), day: try row["day"].decode(String.self),
                kind: CollectorAlarm.Kind(rawValue: try row["kind"].decode(String.self)) ?? .tamper, detail: try row["detail"].decode(String.self),
                seen: try row["seen"].decode(Int.self), firstSeen: try row["first_seen"].decode(String.self),
                lastSeen: try row["last_seen"].decode(String.self))
        }
    }

    public func satisfaction(_ query: ReportQuery) async throws -> [SatisfactionRow] {
        SatisfactionRow.merged(
            try await rows(ReportSQL(dialect: .postgres).satisfaction(query)).map { row in
                let key = try row["key"].decode(String.self)
                return SatisfactionRow(
                    key: key, label: try row["label"].decode(String?.self) ?? key, answers: try row["answers"].decode(Int.self),
                    satisfied: try row["satisfied"].decode(Int.self), scoreSum: try row["score_sum"].decode(Int.self))
            })
    }

    public func queue(_ query: ReportQuery) async throws -> [QueueRow] {
        QueueRow.merged(
            try await rows(ReportSQL(dialect: .postgres).queue(query)).map { row in
                let key = try row["key"].decode(String.self)
                return QueueRow(
                    key: key, label: try row["label"].decode(String?.self) ?? key, issued: try row["issued"].decode(Int.self),
                    priority: try row["priority"].decode(Int.self), served: try row["served"].decode(Int.self),
                    noShow: try row["no_show"].decode(Int.self),
                    waiting: CollectorSchema.histogramCounts(try row["waiting_minutes"].decode(String.self)))
            })
    }

    public func slips(_ query: ReportQuery) async throws -> [(procedure: String, count: Int)] {
        SlipCounts.merged(
            try await rows(ReportSQL(dialect: .postgres).slips(query)).map { row in
                (try row["procedure"].decode(String.self), try row["count"].decode(Int.self))
            })
    }

    /// The rows of a report's statements, all read in one repeatable-read transaction (one snapshot).
    private func rows(_ statements: [ReportSQL.Statement]) async throws -> [PostgresRandomAccessRow] {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            var rows: [PostgresRandomAccessRow] = []
            for statement in statements {
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: statement.sql, binds: Self.binds(statement.arguments)), logger: logger) {
                    rows.append(row.makeRandomAccess())
                }
            }
            return rows
        }
    }

    public func rebuildRollups() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("LOCK TABLE month_vote, month_office_vote, month_ticket, month_slip IN EXCLUSIVE MODE", logger: logger)
            for statement in RollupSchema.clear + RollupSchema.backfill(.postgres) {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    public func health() async throws -> [KioskHealth] {
        try await rows(PostgresQuery(unsafeSQL: CollectorSchema.healthQuery)).map { row in
            KioskHealth(
                kiosk: try row["id"].decode(String.self), officeCode: try row["office_code"].decode(String.self),
                officeName: try row["office_name"].decode(String.self), district: try row["district"].decode(String.self),
                province: try row["province"].decode(String.self), revoked: try row["revoked"].decode(Int.self) != 0,
                lastDay: try row["last_day"].decode(String?.self), gaps: try row["gaps"].decode(Int.self),
                broken: try row["broken"].decode(Int.self), restarts: try row["restarts"].decode(Int.self),
                alarms: try row["alarms"].decode(Int.self), printerFaults: try row["printer_faults"].decode(Int.self),
                firstDay: try row["first_day"].decode(String?.self), storedDays: try row["stored_days"].decode(Int.self))
        }
    }

    public func saveStaff(_ account: StaffAccount, by actor: String) async throws {
        try await client.withTransaction(logger: logger) { connection in
            var before: StaffAccount?
            for try await row in try await connection.query("SELECT * FROM staff WHERE name = \(account.name) FOR UPDATE", logger: logger) {
                before = try Self.staff(row.makeRandomAccess())
            }
            try await connection.query(
                """
                INSERT INTO staff (name, role, district, password_hash) VALUES (\(account.name), \(account.role.rawValue), \(account.district), \(account.passwordHash))
                ON CONFLICT (name) DO UPDATE SET role = excluded.role, district = excluded.district, password_hash = excluded.password_hash
                """, logger: logger)
            if before?.passwordHash != account.passwordHash {
                try await connection.query("DELETE FROM staff_session WHERE name = \(account.name)", logger: logger)
            }
            try await Self.audit(connection, logger, actor, .userSaved, subject: account.name, detail: StaffChange.describing(account, before: before))
        }
    }

    public func staff(named name: String) async throws -> StaffAccount? {
        try await rows("SELECT * FROM staff WHERE name = \(name)").first.flatMap(Self.staff)
    }

    public func staffAccounts() async throws -> [StaffAccount] {
        try await rows("SELECT * FROM staff ORDER BY name").compactMap(Self.staff)
    }

    public func setStaff(named name: String, disabled: Bool, by actor: String) async throws -> Bool {
        try await client.withTransaction(logger: logger) { connection in
            var changed = false
            let updated = try await connection.query(
                "UPDATE staff SET disabled = \(disabled ? 1 : 0) WHERE name = \(name) AND disabled = \(disabled ? 0 : 1) RETURNING name",
                logger: logger)
            for try await _ in updated.decode(String.self) { changed = true }
            guard changed else { return false }
            if disabled { try await connection.query("DELETE FROM staff_session WHERE name = \(name)", logger: logger) }
            try await Self.audit(connection, logger, actor, disabled ? .userDisabled : .userEnabled, subject: name, detail: "")
            return true
        }
    }

    public func openSession(tokenHash: String, name: String, expiresAt: String) async throws {
        let now = CollectorSchema.timestamp()
        try await client.query("DELETE FROM staff_session WHERE expires_at <= \(now)", logger: logger)
        try await client.query(
            "INSERT INTO staff_session (token_hash, name, expires_at) VALUES (\(tokenHash), \(name), \(expiresAt))", logger: logger)
    }

    public func staffForSession(tokenHash: String, now: String) async throws -> StaffAccount? {
        try await rows(
            """
            SELECT s.* FROM staff_session x JOIN staff s ON s.name = x.name
            WHERE x.token_hash = \(tokenHash) AND x.expires_at > \(now) AND s.disabled = 0
            """
        ).first.flatMap(Self.staff)
    }

    public func closeSession(tokenHash: String) async throws {
        try await client.query("DELETE FROM staff_session WHERE token_hash = \(tokenHash)", logger: logger)
    }

    public func loginFailures(keys: [String]) async throws -> [String: LoginThrottle.Failures] {
        var found: [String: LoginThrottle.Failures] = [:]
        for row in try await rows("SELECT key, failures, last_failure FROM login_failure WHERE key = ANY(\(keys)::text[])") {
            guard let last = CollectorSchema.date(try row["last_failure"].decode(String.self)) else { continue }
            found[try row["key"].decode(String.self)] = LoginThrottle.Failures(count: try row["failures"].decode(Int.self), last: last)
        }
        return found
    }

    public func recordLoginFailure(keys: [String], at now: Date) async throws {
        try await client.withTransaction(logger: logger) { connection in
            let forgotten = CollectorSchema.preciseTimestamp(now.addingTimeInterval(-LoginThrottle.forgetAfter))
            try await connection.query("DELETE FROM login_failure WHERE last_failure < \(forgotten)", logger: logger)
            var before: [String: LoginThrottle.Failures] = [:]
            let rows = try await connection.query(
                "SELECT key, failures, last_failure FROM login_failure WHERE key = ANY(\(keys)::text[]) ORDER BY key FOR UPDATE", logger: logger)
            for try await (key, failures, last) in rows.decode((String, Int, String).self) {
                if let date = CollectorSchema.date(last) { before[key] = LoginThrottle.Failures(count: failures, last: date) }
            }
            for key in keys.sorted() {
                let counted = LoginThrottle.counted(after: before[key], at: now)
                try await connection.query(
                    """
                    INSERT INTO login_failure (key, failures, last_failure) VALUES (\(key), \(counted.count), \(CollectorSchema.preciseTimestamp(counted.last)))
                    ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure
                    """, logger: logger)
            }
        }
    }

    public func clearLoginFailures(key: String) async throws {
        try await client.query("DELETE FROM login_failure WHERE key = \(key)", logger: logger)
    }

    private static func staff(_ row: PostgresRandomAccessRow) throws -> StaffAccount? {
        StaffAccount.Role(rawValue: try row["role"].decode(String.self)).map { role in
            StaffAccount(
                name: (try? row["name"].decode(String.self)) ?? "", role: role, district: (try? row["district"].decode(String.self)) ?? "",
                passwordHash: (try? row["password_hash"].decode(String.self)) ?? "", disabled: ((try? row["disabled"].decode(Int.self)) ?? 0) != 0)
        }
    }

    private func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await client.query(query, logger: logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }

    static func binds(_ values: [String]) -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return binds
    }

    static func kiosk(_ row: PostgresRandomAccessRow) throws -> KioskRegistration {
        KioskRegistration(
            id: try row["id"].decode(String.self), officeCode: try row["office_code"].decode(String.self),
            officeName: try row["office_name"].decode(String.self), district: try row["district"].decode(String.self),
            province: try row["province"].decode(String.self), publicKey: try row["public_key"].decode(String.self),
            revoked: try row["revoked"].decode(Int.self) != 0)
    }
}

public struct CollectorStoreError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
