import Foundation
import KioskSeal
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
        #expect(key.publicKey.verifies(seal.signature, of: body))
        var tampered = body
        tampered[3] ^= 1
        #expect(!key.publicKey.verifies(seal.signature, of: tampered))
        #expect(!KioskSigningKey.generate().publicKey.verifies(seal.signature, of: body))
        #expect(!key.publicKey.verifies("not base64!", of: body))
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
