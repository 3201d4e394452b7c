import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import GRDB
import Testing

/// Where a test's collector keeps its data: a SQLite file, or a database of its own on the private
/// PostgreSQL that scripts/test starts ($KIOSK_TEST_POSTGRES). The collector tests run on both.
enum CollectorBackend: String, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    static var available: [CollectorBackend] {
        ProcessInfo.processInfo.environment["KIOSK_TEST_POSTGRES"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var description: String { rawValue }
}

/// A collectord with its own database and a registered kiosk whose days the test signs itself.
final class CollectorRig: @unchecked Sendable {
    let directory: URL
    let backend: CollectorBackend
    /// The SQLite file, or the PostgreSQL URL.
    let database: String
    private(set) var collector: CollectordProcess
    let key = KioskSigningKey.generate()
    let kiosk = "HN-HK-01"
    let office = "HN-HK"

    init(_ name: String, backend: CollectorBackend = .sqlite, environment: [String: String] = [:], serveArguments: [String] = []) throws {
        directory = try RepositoryPaths.temporaryDirectory("collector-\(name)")
        self.backend = backend
        switch backend {
        case .sqlite:
            database = directory.appendingPathComponent("collector.sqlite").path
        case .postgres:
            let server = try #require(ProcessInfo.processInfo.environment["KIOSK_TEST_POSTGRES"], "scripts/test starts PostgreSQL")
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

    func register(_ id: String, office: String, key: KioskSigningKey, district: String = "Hoàn Kiếm", province: String = "Hà Nội") throws {
        _ = try collectord([
            "kiosk", "add", "--id", id, "--office-code", office, "--office-name", "Bộ phận Một cửa \(office)",
            "--district", district, "--province", province, "--public-key", key.publicKey.base64,
        ])
    }

    func collectord(_ arguments: [String]) throws -> String {
        try CollectordProcess.run(arguments, database: database)
    }

    func restart() throws {
        collector = try CollectordProcess(database: database, port: collector.port)
    }

    /// Rows of an SQL query on the collector's database, as text (bytea as hex).
    func sql(_ query: String) throws -> [[String]] {
        switch backend {
        case .sqlite:
            let database = try DatabaseQueue(path: self.database)
            defer { try? database.close() }
            return try database.read { db in
                try Row.fetchAll(db, sql: query).map { row in
                    row.databaseValues.map { value in
                        if let data = Data.fromDatabaseValue(value), case .blob = value.storage { return data.map { String(format: "%02x", $0) }.joined() }
                        return String.fromDatabaseValue(value) ?? Int64.fromDatabaseValue(value).map(String.init) ?? ""
                    }
                }
            }
        case .postgres:
            let output = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/psql"), [database, "-AtF", "\t", "-c", query])
            return output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
    }

    /// Every stored day as its sealed bytes decode (the bytes read back through `sql`, as hex
    /// with PostgreSQL's `\\x` in front or plain hex from SQLite).
    func storedTallies() throws -> [(kiosk: String, day: String, tallies: DayTallies)] {
        try sql("SELECT kiosk, day, body FROM sealed_day").map { row in
            let hex = row[2].hasPrefix("\\x") ? String(row[2].dropFirst(2)) : row[2]
            let bytes = stride(from: 0, to: hex.count, by: 2).compactMap { offset -> UInt8? in
                let start = hex.index(hex.startIndex, offsetBy: offset)
                return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)
            }
            return (row[0], row[1], try DayTallies(canonicalBytes: bytes))
        }
    }

    /// Changes the collector's database behind its back (to show what a report reads).
    func execute(_ statement: String) throws {
        switch backend {
        case .sqlite:
            let database = try DatabaseQueue(path: self.database)
            defer { try? database.close() }
            try database.write { try $0.execute(sql: statement) }
        case .postgres:
            _ = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/psql"), [database, "-v", "ON_ERROR_STOP=1", "-qc", statement])
        }
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try collectord(arguments + ["--json"]).utf8)) as! [[String: Any]]
    }

    /// A day of `kiosk` with `votes` satisfied answers, chained to `previous`.
    static func day(
        _ day: LocalDay, kiosk: String = "HN-HK-01", office: String = "HN-HK", previous: String = "", votes: Int = 3
    ) -> DayTallies {
        DayTallies(
            kiosk: kiosk, office: office, day: day, previous: previous,
            votes: votes > 0
                ? [.init(counter: "quay-1", service: "", question: "hai-long", choice: "rat-hai-long", score: 100, satisfied: true, count: votes)]
                : [])
    }

    /// Days `first`, `first + 1`, … chained from "", with 1, 2, 3, … votes.
    static func chain(from first: LocalDay, count: Int, kiosk: String = "HN-HK-01", office: String = "HN-HK") -> [[UInt8]] {
        var previous = ""
        return (0..<count).map { index in
            let bytes = day(first.adding(days: index)!, kiosk: kiosk, office: office, previous: previous, votes: index + 1).canonicalBytes()
            previous = SealHash.hex(of: bytes)
            return bytes
        }
    }

    func push(_ body: [UInt8], kiosk: String? = nil, signedBy signer: KioskSigningKey? = nil, signature: String? = nil) throws -> HTTPCall.Answer {
        let seal = try (signer ?? key).seal(body)
        var headers = ["Kiosk-Id": kiosk ?? self.kiosk]
        headers["Kiosk-Signature"] = signature ?? seal.signature
        return try HTTPCall.send("POST", "\(collector.base)/api/v1/days", body: Data(body), headers: headers)
    }
}
