import Foundation
import KioskCore

/// Where the collector keeps its registry and the sealed days: an embedded SQLite file by default
/// (`SQLiteCollectorStore`), PostgreSQL at scale. Every method is one transaction: an ingest is
/// stored whole or not at all.
public protocol CollectorStore: Sendable {
    /// Adds a kiosk, or replaces an active kiosk's registration (a new key after re-enrolling, a
    /// corrected office), as `RegistryChange.decide` says; a revoked id or another kiosk's key is
    /// refused. `actor` goes in the audit trail.
    func register(_ kiosk: KioskRegistration, by actor: String) async throws -> RegistryChange
    func kiosk(id: String) async throws -> KioskRegistration?
    func kiosks() async throws -> [KioskRegistration]
    /// Returns false when no such active kiosk is registered.
    func revoke(kiosk id: String, by actor: String, reason: String) async throws -> Bool
    /// Lets a revoked kiosk push again; false when no such revoked kiosk is registered.
    func reinstate(kiosk id: String, by actor: String, reason: String) async throws -> Bool
    /// The audit trail, oldest first.
    func auditTrail() async throws -> [AuditEntry]

    func ingest(_ day: VerifiedDay) async throws -> IngestOutcome
    /// The stored days of a kiosk, oldest first: day, hash and chain link.
    func storedDays(kiosk: String) async throws -> [StoredDaySummary]
    func alarms() async throws -> [CollectorAlarm]

    func satisfaction(_ query: ReportQuery) async throws -> [SatisfactionRow]
    func queue(_ query: ReportQuery) async throws -> [QueueRow]
    /// Slips printed per procedure, most first.
    func slips(_ query: ReportQuery) async throws -> [(procedure: String, count: Int)]
    func health() async throws -> [KioskHealth]
    /// Recomputes the monthly rollups from the day rows (they are kept in step by every ingest;
    /// this is for after a repair by hand, and for benchmarks that generate day rows directly).
    func rebuildRollups() async throws

    /// Adds a dashboard account, or replaces it (a new password, another role or district); a new
    /// password ends the account's sessions. In the audit trail.
    func saveStaff(_ account: StaffAccount, by actor: String) async throws
    func staff(named name: String) async throws -> StaffAccount?
    func staffAccounts() async throws -> [StaffAccount]
    /// Disables an account (ending its sessions) or enables it again; false when there is no such
    /// account or it already was so. In the audit trail.
    func setStaff(named name: String, disabled: Bool, by actor: String) async throws -> Bool
    /// Sessions are kept as the SHA-256 of their token; times are ISO 8601 UTC text.
    func openSession(tokenHash: String, name: String, expiresAt: String) async throws
    func staffForSession(tokenHash: String, now: String) async throws -> StaffAccount?
    func closeSession(tokenHash: String) async throws

    /// Failed sign-ins counted under each key (`LoginThrottle.keys`), as every collector sharing
    /// the database sees them.
    func loginFailures(keys: [String]) async throws -> [String: LoginThrottle.Failures]
    /// One more failure under each key (`LoginThrottle.counted`), in one transaction; failures
    /// forgotten by then (`LoginThrottle.forgetAfter`) are deleted, so guessing at many names
    /// does not grow the table without end.
    func recordLoginFailure(keys: [String], at now: Date) async throws
    func clearLoginFailures(key: String) async throws
}

/// A stored day as `collectord days` lists it (`--json`: these fields).
public struct StoredDaySummary: Codable, Sendable, Equatable {
    public var day: String
    public var hash: String
    public var link: ChainLink

    public init(day: String, hash: String, link: ChainLink) {
        self.day = day
        self.hash = hash
        self.link = link
    }
}
