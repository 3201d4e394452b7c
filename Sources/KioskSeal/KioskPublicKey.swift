import Crypto
import Foundation

/// A kiosk's public key as the district registers it: base64 of the 32 raw bytes, and a
/// fingerprint short enough to read out over the phone.
public struct KioskPublicKey: Sendable, Equatable {
    let key: Curve25519.Signing.PublicKey

    init(_ key: Curve25519.Signing.PublicKey) {
        self.key = key
    }

    /// Parses the base64 form; nil if it is not 32 bytes of a valid key.
    public init?(base64: String) {
        guard let raw = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { return nil }
        self.key = key
    }

    public static func == (lhs: KioskPublicKey, rhs: KioskPublicKey) -> Bool {
        lhs.key.rawRepresentation == rhs.key.rawRepresentation
    }

    public var base64: String { key.rawRepresentation.base64EncodedString() }

    /// The first 16 bytes of the key's SHA-256, in hex groups of four: "3f2a 9c1d …".
    public var fingerprint: String {
        let hex = SealHash.hex(of: [UInt8](key.rawRepresentation)).prefix(32)
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    /// The 32 bytes of the key, for the collector's signature check (`SealVerifier`).
    public var rawBytes: [UInt8] { [UInt8](key.rawRepresentation) }
}
