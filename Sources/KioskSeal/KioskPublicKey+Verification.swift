import Crypto
import Foundation

extension KioskPublicKey {
    /// Whether `signature` (base64 of 64 bytes) is this key's Ed25519 signature of `message`,
    /// with swift-crypto: for the kiosk, which checks the collector's signed calendars and does not
    /// load libsodium (`SealVerifier` is the collector's check of pushed days).
    public func isSignature(_ signature: String, of message: [UInt8]) -> Bool {
        guard let raw = Data(base64Encoded: signature), raw.count == 64 else { return false }
        return key.isValidSignature(raw, for: Data(message))
    }
}
