/// One sealed day in the outbox, as `kioskctl days --json` lists it.
public struct OutboxEntry: Codable, Sendable, Equatable {
    /// YYYY-MM-DD.
    public var day: String
    /// SHA-256 of the sealed bytes.
    public var hash: String
    public var signature: String
    /// Whether the collector has acknowledged it.
    public var pushed: Bool
    /// The length of the sealed bytes.
    public var bytes: Int

    public init(day: String, hash: String, signature: String, pushed: Bool, bytes: Int) {
        self.day = day
        self.hash = hash
        self.signature = signature
        self.pushed = pushed
        self.bytes = bytes
    }
}
