import Foundation
import GRDB
import KioskCore
import KioskTestSupport

/// What the tests read from and write to a collector's database behind its back, on either engine.
extension CollectorRig {
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
}
