import Crypto
import Foundation

/// The kiosk's Ed25519 key: it signs every sealed day; the district registers its public key.
///
/// The key file holds the 32-byte private key in base64 on one line, mode 0600, in the state
/// directory (`kioskctl enroll` writes it).
public struct KioskSigningKey: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    public static func generate() -> KioskSigningKey {
        KioskSigningKey(key: Curve25519.Signing.PrivateKey())
    }

    private init(key: Curve25519.Signing.PrivateKey) {
        self.key = key
    }

    /// Reads a key file; the error says what is wrong with it.
    public init(contentsOf path: String) throws(KeyFileError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KeyFileError(path: path, problem: .unreadable(String(describing: error)))
        }
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw KeyFileError(path: path, problem: .malformed) }
        self.key = key
    }

    /// Writes the key to a new file, readable by its owner only; never replaces an existing file.
    public func write(to path: String) throws(KeyFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw KeyFileError(path: path, problem: errno == EEXIST ? .exists : .unwritable(String(cString: strerror(errno))))
        }
        let line = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == line.count, synced else {
            unlink(path)
            throw KeyFileError(path: path, problem: .unwritable("short write"))
        }
    }

    public var publicKey: KioskPublicKey {
        KioskPublicKey(key.publicKey)
    }

    /// Seals canonical bytes: their SHA-256 in hex and the Ed25519 signature in base64.
    public func seal(_ body: [UInt8]) throws -> (hash: String, signature: String) {
        (SealHash.hex(of: body), try key.signature(for: body).base64EncodedString())
    }
}

public struct KeyFileError: Error, Equatable, CustomStringConvertible {
    public enum Problem: Equatable {
        case unreadable(String)
        case malformed
        case exists
        case unwritable(String)
    }

    public let path: String
    public let problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .unreadable(let reason): "cannot read the kiosk key \(path): \(reason) (run `kioskctl enroll` to create one)"
        case .malformed: "the kiosk key \(path) is not a base64 Ed25519 private key of 32 bytes"
        case .exists: "the kiosk key \(path) already exists"
        case .unwritable(let reason): "cannot write the kiosk key \(path): \(reason)"
        }
    }
}
