import Foundation
import KioskSeal

/// Where a test's collector keeps its data: a SQLite file, or a database of its own on the private
/// PostgreSQL that scripts/test starts ($KIOSK_TEST_POSTGRES). The collector tests run on both.
public enum CollectorBackend: String, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    public static var available: [CollectorBackend] {
        ProcessInfo.processInfo.environment["KIOSK_TEST_POSTGRES"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { rawValue }
}

/// A collectord with its own database and a registered kiosk whose days the test signs itself.
/// The collector's end-to-end tests add what reads and writes its database, and the days they push.
public final class CollectorRig: @unchecked Sendable {
    public let directory: URL
    public let backend: CollectorBackend
    /// The SQLite file, or the PostgreSQL URL.
    public let database: String
    public private(set) var collector: CollectordProcess
    public let key = KioskSigningKey.generate()
    public let kiosk = "HN-HK-01"
    public let office = "HN-HK"

    public init(
        _ name: String, backend: CollectorBackend = .sqlite, environment: [String: String] = [:], serveArguments: [String] = []
    ) throws {
        directory = try RepositoryPaths.temporaryDirectory("collector-\(name)")
        self.backend = backend
        switch backend {
        case .sqlite:
            database = directory.appendingPathComponent("collector.sqlite").path
        case .postgres:
            guard let server = ProcessInfo.processInfo.environment["KIOSK_TEST_POSTGRES"] else {
                throw HarnessError("no KIOSK_TEST_POSTGRES: scripts/test starts PostgreSQL")
            }
            let name = "kiosk_" + directory.lastPathComponent.replacingOccurrences(of: "-", with: "_").lowercased()
            _ = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/psql"), ["\(server)/postgres", "-qc", "CREATE DATABASE \(name)"])
            database = "\(server)/\(name)"
        }
        collector = try CollectordProcess(database: database, arguments: serveArguments, environment: environment)
        try register(kiosk, office: office, key: key)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    public func register(
        _ id: String, office: String, key: KioskSigningKey, district: String = "Hoàn Kiếm", province: String = "Hà Nội"
    ) throws {
        _ = try collectord([
            "kiosk", "add", "--id", id, "--office-code", office, "--office-name", "Bộ phận Một cửa \(office)",
            "--district", district, "--province", province, "--public-key", key.publicKey.base64,
        ])
    }

    public func collectord(_ arguments: [String]) throws -> String {
        try CollectordProcess.run(arguments, database: database)
    }

    public func restart() throws {
        collector = try CollectordProcess(database: database, port: collector.port)
    }

    public func json(_ arguments: [String]) throws -> [[String: Any]] {
        try LooseJSON.objects(try collectord(arguments + ["--json"]))
    }
}
