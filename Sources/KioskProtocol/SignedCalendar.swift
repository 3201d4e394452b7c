/// A working-day calendar file as the collector publishes it to the kiosks: the file's exact text,
/// its year and version (1, 2, … per year), the SHA-256 of the text, and the collector's Ed25519
/// signature of `message`. A kiosk recomputes the hash from `toml`, rebuilds the message and checks
/// the signature with the collector key of its office file, so a forged, altered or re-versioned
/// file fails; it refuses a version older than the one it has.
public struct SignedCalendar: Codable, Sendable, Equatable {
    public var year: Int
    public var version: Int
    /// SHA-256 of `toml`'s UTF-8 bytes, lower-case hex.
    public var sha256: String
    /// Base64 Ed25519 signature of `message` by the collector's key.
    public var signature: String
    public var toml: String

    public init(year: Int, version: Int, sha256: String, signature: String, toml: String) {
        self.year = year
        self.version = version
        self.sha256 = sha256
        self.signature = signature
        self.toml = toml
    }

    /// What the collector signs, in this one place:
    /// `"kiosk-calendar\n" + year + "\n" + version + "\n" + sha256 hex + "\n"` in UTF-8. The
    /// prefix keeps the signature from being taken for any other message the key might sign.
    public static func message(year: Int, version: Int, sha256: String) -> [UInt8] {
        Array("kiosk-calendar\n\(year)\n\(version)\n\(sha256)\n".utf8)
    }

    public var message: [UInt8] { Self.message(year: year, version: version, sha256: sha256) }

    /// What a kiosk keeps beside the installed file (`YYYY.sig.json`): everything but the text.
    public var stamp: CalendarStamp { CalendarStamp(year: year, version: version, sha256: sha256, signature: signature) }
}

/// A signed calendar without its text: what a kiosk keeps beside an installed `YYYY.toml`, as
/// `YYYY.sig.json`, so that it can tell which version it has and refuse an older one.
public struct CalendarStamp: Codable, Sendable, Equatable {
    public var year: Int
    public var version: Int
    public var sha256: String
    public var signature: String

    public init(year: Int, version: Int, sha256: String, signature: String) {
        self.year = year
        self.version = version
        self.sha256 = sha256
        self.signature = signature
    }

    public var holding: CalendarHolding { CalendarHolding(year: year, version: version) }
}
