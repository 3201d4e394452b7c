/// The collector's answer to a pushed day (`POST /api/v1/days`), written by `DayIngestor` and
/// read by `DayPusher`. 201 stored, 200 the same bytes again, 409 other figures for a stored day;
/// any other status is a refusal with `error` (and the `field` at fault, if one is).
public struct PushAnswer: Codable, Sendable, Equatable {
    /// The request headers that name and sign a push.
    public enum Header {
        public static let kioskID = "Kiosk-Id"
        /// Base64 Ed25519 signature of the body.
        public static let signature = "Kiosk-Signature"
    }

    public enum Status: String, Codable, Sendable {
        case stored
        case alreadyStored = "already-stored"
    }

    public var status: Status?
    public var day: String?
    /// SHA-256 of the day as pushed.
    public var hash: String?
    /// How the day joins the kiosk's chain (`first`, `linked`, `gap`, `broken`, `restart`).
    public var link: String?
    /// The hash of the day already stored, on a conflict.
    public var storedHash: String?
    public var error: String?
    public var field: String?

    public init(
        status: Status? = nil, day: String? = nil, hash: String? = nil, link: String? = nil, storedHash: String? = nil, error: String? = nil,
        field: String? = nil
    ) {
        self.status = status
        self.day = day
        self.hash = hash
        self.link = link
        self.storedHash = storedHash
        self.error = error
        self.field = field
    }

    /// A refusal's reason for people: "field: error", or the error alone.
    public var reason: String? {
        error.map { error in field.map { "\($0): \(error)" } ?? error }
    }
}
