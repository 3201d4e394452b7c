import CollectorCore
import CollectorStorage
import Foundation
import KioskProtocol
import Testing

/// Calendar files for the tests (valid, as kioskd reads them, unless named otherwise), and the
/// collector's stores on both engines: SQLite always, PostgreSQL when $KIOSK_TEST_POSTGRES names a server.
enum CalendarFixture {
    static func file(_ year: Int, note: String = "Tết Dương lịch") -> String {
        """
        year = \(year)

        [[days_off]]
        date = "\(year)-01-01"
        kind = "holiday"
        note = "\(note)"
        source = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a"

        """
    }

    static func upload(_ year: Int, note: String = "Tết Dương lịch") throws -> CalendarUpload {
        try CalendarUpload.check(fileName: "\(year).toml", text: file(year, note: note)).get()
    }

    enum Engine: String, CustomStringConvertible, Sendable {
        case sqlite, postgres
        var description: String { rawValue }

        static var available: [Engine] {
            ProcessInfo.processInfo.environment["KIOSK_TEST_POSTGRES"] == nil ? [.sqlite] : [.sqlite, .postgres]
        }
    }

    /// A new, empty store on `engine`.
    static func store(_ engine: Engine, _ name: String) async throws -> any CollectorStore {
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(name)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try SQLiteCollectorStore(path: directory.appendingPathComponent("collector.sqlite").path)
        case .postgres:
            let server = try #require(ProcessInfo.processInfo.environment["KIOSK_TEST_POSTGRES"])
            let database = "calendar_\(name.replacingOccurrences(of: "-", with: "_"))_\(UUID().uuidString.prefix(8).lowercased())"
            let psql = Process()
            psql.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            psql.arguments = ["\(server)/postgres", "-qc", "CREATE DATABASE \(database)"]
            try psql.run()
            psql.waitUntilExit()
            guard psql.terminationStatus == 0 else { throw CollectorStoreError("psql could not create \(database)") }
            return try await PostgresCollectorStore(url: "\(server)/\(database)")
        }
    }
}

extension Collection {
    /// The one element, or nil for none or several.
    var single: Element? { count == 1 ? first : nil }
}
