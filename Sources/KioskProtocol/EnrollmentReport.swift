/// What `kioskctl enroll --json` prints: the kiosk's key, as the district registers it at the collector.
public struct EnrollmentReport: Codable, Sendable, Equatable {
    public var kiosk: String
    public var office: String
    /// The Ed25519 public key, base64.
    public var publicKey: String
    public var fingerprint: String
    /// Where the private key is (mode 0600).
    public var keyFile: String
    /// Whether this run created the key (false: it existed and was kept).
    public var created: Bool

    public init(kiosk: String, office: String, publicKey: String, fingerprint: String, keyFile: String, created: Bool) {
        self.kiosk = kiosk
        self.office = office
        self.publicKey = publicKey
        self.fingerprint = fingerprint
        self.keyFile = keyFile
        self.created = created
    }
}
