import Foundation
import KioskProtocol
import KioskSeal

/// The collector's own Ed25519 key: it signs the calendar files the kiosks fetch, and the kiosks'
/// office files name its public key (`[sync] collector_key`). Kept in the collector's data
/// directory as one base64 line, mode 0600 (KioskSeal's key file), created on first use.
public struct CollectorSigningKey: Sendable {
    public static let fileName = "collector-ed25519.key"

    let key: KioskSigningKey

    init(key: KioskSigningKey) {
        self.key = key
    }

    /// The key file by default: beside a SQLite database, else in /var/lib/collectord.
    public static func defaultPath(database: String) -> String {
        let isPostgres = database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
        let directory = isPostgres ? "/var/lib/collectord" : URL(fileURLWithPath: database).deletingLastPathComponent().path
        return URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
    }

    /// Reads the key file, or creates it (0600) when there is none. A key file others may read is
    /// refused rather than used: whoever reads it can sign calendars every kiosk accepts.
    public static func loadOrCreate(path: String) throws(CollectorKeyError) -> CollectorSigningKey {
        if !FileManager.default.fileExists(atPath: path) {
            do throws(KeyFileError) {
                try KioskSigningKey.generate().write(to: path)
            } catch {
                // Another collector process created it first: read theirs.
                guard error.problem == .exists else { throw CollectorKeyError(path: path, reason: error.description) }
            }
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw CollectorKeyError(path: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & 0o077 == 0 else {
            throw CollectorKeyError(path: path, reason: "readable by others (mode \(String(status.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        do throws(KeyFileError) {
            return CollectorSigningKey(key: try KioskSigningKey(contentsOf: path))
        } catch {
            throw CollectorKeyError(path: path, reason: error.description)
        }
    }

    public var publicKey: KioskPublicKey { key.publicKey }

    /// The base64 signature of a calendar's `SignedCalendar.message`.
    public func signCalendar(year: Int, version: Int, sha256: String) throws -> String {
        try key.seal(SignedCalendar.message(year: year, version: version, sha256: sha256)).signature
    }
}

public struct CollectorKeyError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "the collector's signing key \(path): \(reason)" }
}
