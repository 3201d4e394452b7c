import Foundation

/// One administrative action in the collector's audit trail: who (`dashboard:NAME` or
/// `cli:UNIX-USER`), when (as JSON, `CollectorTime`'s text), what, on which kiosk or account, and the details (the
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
        case calendarAdded = "calendar-added"
    }

    public var at: Date
    public var actor: String
    public var action: Action
    public var subject: String
    public var detail: String

    public init(at: Date, actor: String, action: Action, subject: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case at, actor, action, subject, detail
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let at = try container.decode(String.self, forKey: .at)
        guard let date = CollectorTime.date(at) else {
            throw DecodingError.dataCorruptedError(forKey: .at, in: container, debugDescription: "not an ISO 8601 time: \(at)")
        }
        self.init(
            at: date, actor: try container.decode(String.self, forKey: .actor), action: try container.decode(Action.self, forKey: .action),
            subject: try container.decode(String.self, forKey: .subject), detail: try container.decode(String.self, forKey: .detail))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CollectorTime.text(at), forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encode(action, forKey: .action)
        try container.encode(subject, forKey: .subject)
        try container.encode(detail, forKey: .detail)
    }

    package static func describing(_ kiosk: KioskRegistration) -> String {
        "\(kiosk.officeName) (\(kiosk.officeCode)), \(kiosk.district), \(kiosk.province); key \(kiosk.publicKey)"
    }
}
