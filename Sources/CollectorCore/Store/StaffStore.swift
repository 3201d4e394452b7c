import Foundation

/// The dashboard's accounts, their sessions, failed sign-ins, and the audit trail the province
/// admins read.
public protocol StaffStore: Sendable {
    /// Adds a dashboard account, or replaces it (a new password, another role or district); a new
    /// password ends the account's sessions. In the audit trail.
    func saveStaff(_ account: StaffAccount, by actor: String) async throws
    func staff(named name: String) async throws -> StaffAccount?
    func staffAccounts() async throws -> [StaffAccount]
    /// Disables an account (ending its sessions) or enables it again; false when there is no such
    /// account or it already was so. In the audit trail.
    func setStaff(named name: String, disabled: Bool, by actor: String) async throws -> Bool
    /// Sessions are kept as the SHA-256 of their token, until `expiresAt`; opening one at `now`
    /// forgets the sessions expired by then.
    func openSession(tokenHash: String, name: String, at now: Date, expiresAt: Date) async throws
    /// The enabled account whose session has this token hash and has not expired by `now`.
    func staffForSession(tokenHash: String, now: Date) async throws -> StaffAccount?
    func closeSession(tokenHash: String) async throws

    /// Failed sign-ins counted under each key (`LoginThrottle.keys`), as every collector sharing
    /// the database sees them.
    func loginFailures(keys: [String]) async throws -> [String: LoginThrottle.Failures]
    /// One more failure under each key (`LoginThrottle.counted`), in one transaction; failures
    /// forgotten by then (`LoginThrottle.forgetAfter`) are deleted, so guessing at many names
    /// does not grow the table without end.
    func recordLoginFailure(keys: [String], at now: Date) async throws
    func clearLoginFailures(key: String) async throws

    /// The audit trail of kiosk and account changes, oldest first.
    func auditTrail() async throws -> [AuditEntry]
}
