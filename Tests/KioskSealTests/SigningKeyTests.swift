import Foundation
import KioskSeal
import SealVerification
import Testing

@Suite struct SigningKeyTests {
    @Test func theKeyFileIsTheOwnersOnlyAndReadsBackTheSameKey() throws {
        let scratch = try SealScratch()
        let path = scratch.path("kiosk-ed25519.key")
        let key = KioskSigningKey.generate()
        try key.write(to: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let again = try KioskSigningKey(contentsOf: path)
        #expect(again.publicKey == key.publicKey)
    }

    @Test func anExistingKeyIsNeverReplaced() throws {
        let scratch = try SealScratch()
        let path = scratch.path("kiosk-ed25519.key")
        let first = KioskSigningKey.generate()
        try first.write(to: path)
        #expect(throws: KeyFileError(path: path, problem: .exists)) { try KioskSigningKey.generate().write(to: path) }
        #expect(try KioskSigningKey(contentsOf: path).publicKey == first.publicKey)
    }

    @Test func aDamagedKeyFileIsNamed() throws {
        let scratch = try SealScratch()
        let path = scratch.path("kiosk-ed25519.key")
        try "not a key\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: KeyFileError(path: path, problem: .malformed)) { try KioskSigningKey(contentsOf: path) }
        let missing = scratch.path("absent.key")
        do {
            _ = try KioskSigningKey(contentsOf: missing)
            Issue.record("a missing key file was read")
        } catch {
            #expect(error.description.contains("kioskctl enroll"))
        }
    }

    @Test func aSealVerifiesOnlyForItsBytesAndItsKey() throws {
        let key = KioskSigningKey.generate()
        let body = Array(#"{"day":"2026-11-30"}"#.utf8)
        let seal = try key.seal(body)
        #expect(seal.hash == SealHash.hex(of: body))
        let verifier = SealVerifier(key.publicKey)
        #expect(verifier.verifies(seal.signature, of: body))
        var tampered = body
        tampered[3] ^= 1
        #expect(!verifier.verifies(seal.signature, of: tampered))
        #expect(!SealVerifier(KioskSigningKey.generate().publicKey).verifies(seal.signature, of: body))
        #expect(!verifier.verifies("not base64!", of: body))
        #expect(!verifier.verifies(String(seal.signature.dropLast(4)), of: body))
    }

    /// S + L is the same signature to a lax verifier (RFC 8032 requires S < L): the collector
    /// must not accept a second encoding of a kiosk's signature.
    @Test func aSignatureWithItsScalarNotReducedIsRefused() throws {
        let key = KioskSigningKey.generate()
        let body = Array(#"{"day":"2026-11-30"}"#.utf8)
        var raw = [UInt8](try #require(Data(base64Encoded: try key.seal(body).signature)))
        // L = 2^252 + 27742317777372353535851937790883648493, little-endian.
        let order: [UInt8] = [
            0xED, 0xD3, 0xF5, 0x5C, 0x1A, 0x63, 0x12, 0x58, 0xD6, 0x9C, 0xF7, 0xA2, 0xDE, 0xF9, 0xDE, 0x14,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
        ]
        var carry = 0
        for index in 0..<32 {
            let sum = Int(raw[32 + index]) + Int(order[index]) + carry
            raw[32 + index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
        #expect(carry == 0)
        #expect(!SealVerifier(key.publicKey).verifies(Data(raw).base64EncodedString(), of: body))
    }

    @Test func onlyAKeyOfThePrimeOrderGroupIsUsable() throws {
        #expect(SealVerifier(KioskSigningKey.generate().publicKey).isUsable)
        // The neutral element (y = 1) has order 1: every signature "by" it is forgeable.
        let identity = Data([1] + [UInt8](repeating: 0, count: 31)).base64EncodedString()
        #expect(!SealVerifier(try #require(KioskPublicKey(base64: identity))).isUsable)
        // y = 2 is not on the curve at all.
        let offCurve = Data([2] + [UInt8](repeating: 0, count: 31)).base64EncodedString()
        if let key = KioskPublicKey(base64: offCurve) { #expect(!SealVerifier(key).isUsable) }
    }

    @Test func thePublicKeyTravelsAsBase64WithAFingerprint() throws {
        let key = KioskSigningKey.generate().publicKey
        let parsed = try #require(KioskPublicKey(base64: key.base64))
        #expect(parsed == key)
        #expect(key.fingerprint.split(separator: " ").count == 8)
        #expect(key.fingerprint.split(separator: " ").allSatisfy { $0.count == 4 && $0.allSatisfy(\.isHexDigit) })
        #expect(KioskPublicKey(base64: "AAAA") == nil)
    }

    @Test func sha256IsTheStandardOne() {
        #expect(SealHash.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
