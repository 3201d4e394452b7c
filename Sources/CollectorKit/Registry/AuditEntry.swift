/// One administrative action in the collector's audit trail: who (`dashboard:NAME` or
/// `cli:UNIX-USER`), when (ISO 8601 UTC), what, on which kiosk or account, and the details (the
/// reason given, the new office, the role). Written in the same transaction as the change itself;
/// province admins read it on the dashboard and as CSV, and `collectord audit` prints it.
public struct AuditEntry: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        case kioskRegistered = "kiosk-registered"
        case kioskReplaced = "kiosk-replaced"
        case kioskRevoked = "kiosk-revoked"
        case kioskReinstated = "kiosk-reinstated"
        case userSaved = "user-saved"
        case userDisabled = "user-disabled"
        case userEnabled = "user-enabled"
    }

    public var at: String
    public var actor: String
    public var action: Action
    public var subject: String
    public var detail: String

    public init(at: String, actor: String, action: Action, subject: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }

    static func describing(_ kiosk: KioskRegistration) -> String {
        "\(kiosk.officeName) (\(kiosk.officeCode)), \(kiosk.district), \(kiosk.province); key \(kiosk.publicKey)"
    }
}
