/// How the kiosk seals its days and sends them to the district's collector (`[sync]`).
public struct SyncConfig: Sendable, Equatable {
    /// The kiosk's id as registered at the collector; defaults to the office code.
    public var kioskID: String
    /// Local time at which the previous day is sealed: at or after the ticket reset hour, so the
    /// day's numbering is over.
    public var sealAt: OfficeHours.ClockTime
    /// The collector's base URL (`https://…`); nil: days are sealed and kept, not sent.
    public var collector: String?
    /// The kiosk's Ed25519 private key (`kioskctl enroll` writes it); relative to the state directory.
    public var keyFile: String
    /// The collector's Ed25519 public key, base64 (`collectord key` prints it): calendar files
    /// fetched from the collector are installed only with its signature. Nil: none are fetched.
    public var collectorKey: String?

    public init(
        kioskID: String, sealAt: OfficeHours.ClockTime, collector: String? = nil, keyFile: String = SyncConfig.defaultKeyFile,
        collectorKey: String? = nil
    ) {
        self.kioskID = kioskID
        self.sealAt = sealAt
        self.collector = collector
        self.keyFile = keyFile
        self.collectorKey = collectorKey
    }

    public static let defaultKeyFile = "kiosk-ed25519.key"

    /// Sealing half an hour after the ticket reset hour.
    public static func defaults(officeCode: String, resetHour: Int) -> SyncConfig {
        SyncConfig(kioskID: officeCode, sealAt: OfficeHours.ClockTime(hour: resetHour, minute: 30)!)
    }
}
