import KioskCore

/// A sealed day as the outbox keeps it: the canonical bytes, their SHA-256 (hex) and the kiosk's
/// Ed25519 signature of them (base64).
public struct SealedDayRecord: Sendable, Equatable {
    public var day: LocalDay
    public var body: [UInt8]
    public var hash: String
    public var signature: String
    /// Whether the collector has acknowledged it.
    public var pushed: Bool

    public init(day: LocalDay, body: [UInt8], hash: String, signature: String, pushed: Bool = false) {
        self.day = day
        self.body = body
        self.hash = hash
        self.signature = signature
        self.pushed = pushed
    }
}
