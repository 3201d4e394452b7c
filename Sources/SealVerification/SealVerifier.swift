import CSodium
import Foundation
import KioskSeal

/// Checks a kiosk's signatures on the collector, with libsodium's Ed25519.
///
/// The kiosk signs with swift-crypto; any RFC 8032 verifier accepts those signatures. libsodium
/// verifies a pushed day in about 50 µs where swift-crypto's BoringSSL code takes about 68 µs
/// (`kiosk-bench seal-check`), and verification is the largest single cost of an ingest. It is
/// also stricter: it refuses a non-canonical S, small-order points and keys off the curve.
public struct SealVerifier: Sendable {
    private let key: [UInt8]

    public init(_ publicKey: KioskPublicKey) {
        key = publicKey.rawBytes
    }

    /// Whether a kiosk can sign with this key at all: a canonical point of the prime-order
    /// subgroup. Registration refuses other keys; checking costs a scalar multiplication, so it
    /// is not repeated for every push.
    public var isUsable: Bool {
        Self.libraryReady && crypto_core_ed25519_is_valid_point(key) == 1
    }

    /// Whether `signature` (base64 of 64 bytes) is this key's signature of `body`.
    public func verifies(_ signature: String, of body: [UInt8]) -> Bool {
        guard Self.libraryReady, let raw = Data(base64Encoded: signature), raw.count == Int(crypto_sign_bytes()) else { return false }
        return raw.withUnsafeBytes { signatureBytes in
            body.withUnsafeBufferPointer { message in
                crypto_sign_verify_detached(
                    signatureBytes.bindMemory(to: UInt8.self).baseAddress!, message.baseAddress, UInt64(message.count), key) == 0
            }
        }
    }

    // sodium_init is idempotent and thread-safe; a global runs it once, on first use.
    private static let libraryReady = sodium_init() >= 0
}
