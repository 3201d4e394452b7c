import Foundation
import KioskCore

/// Where the daemon keeps its files: relative paths in the office file are inside the state
/// directory, which is `--state-dir`, else systemd's $STATE_DIRECTORY, else /var/lib/kioskd.
public struct StatePaths: Sendable, Equatable {
    public let directory: String
    public let database: String
    public let controlSocket: String
    /// The kiosk's Ed25519 private key (`kioskctl enroll`).
    public let signingKey: String

    public init(
        storage: StorageConfig, stateDirectory: String?, keyFile: String = SyncConfig.defaultKeyFile,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let directory =
            stateDirectory
            ?? environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
            ?? "/var/lib/kioskd"
        self.directory = directory
        database = Self.resolve(storage.database, in: directory)
        controlSocket = Self.resolve(storage.controlSocket, in: directory)
        signingKey = Self.resolve(keyFile, in: directory)
    }

    package static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}
