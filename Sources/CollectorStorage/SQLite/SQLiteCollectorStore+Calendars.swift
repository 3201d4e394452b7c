import CollectorCore
import Foundation
import GRDB
import KioskProtocol

extension SQLiteCollectorStore {
    private var calendarSQL: CalendarSQL { CalendarSQL(dialect: .sqlite) }

    public func addCalendar(
        _ upload: CalendarUpload, sign: @Sendable (Int, Int, String) throws -> String, by actor: String
    ) async throws -> CalendarAddition {
        try await pool.write { [calendarSQL, auditSQL] db in
            let latest = try db.rows(calendarSQL.latest(year: upload.year)).first.map(SignedCalendar.init(row:))
            switch CalendarVersioning.decide(upload, latest: latest) {
            case .identical(let calendar):
                return .identical(calendar)
            case .new(let version):
                let calendar = SignedCalendar(
                    year: upload.year, version: version, sha256: upload.sha256, signature: try sign(upload.year, version, upload.sha256),
                    toml: upload.toml)
                let now = Date()
                try db.execute(calendarSQL.insert(calendar, at: now, by: actor))
                try db.execute(auditSQL.record(actor, .calendarAdded, subject: String(upload.year), detail: CalendarSQL.auditDetail(calendar), at: now))
                return .added(calendar)
            }
        }
    }

    public func calendarRecords() async throws -> [CalendarRecord] {
        try await pool.read { [calendarSQL] db in try db.rows(calendarSQL.records()).map(CalendarRecord.init(row:)) }
    }

    public func latestCalendars() async throws -> [SignedCalendar] {
        try await pool.read { [calendarSQL] db in try db.rows(calendarSQL.latestOfEveryYear()).map(SignedCalendar.init(row:)) }
    }

    public func recordCalendarHoldings(kiosk: String, _ holdings: [CalendarHolding], at date: Date) async throws {
        try await pool.write { [calendarSQL] db in
            try db.execute(calendarSQL.forgetHoldings(kiosk: kiosk))
            for holding in holdings { try db.execute(calendarSQL.hold(kiosk: kiosk, holding, at: date)) }
        }
    }

    public func calendarHoldings() async throws -> [KioskCalendarHolding] {
        try await pool.read { [calendarSQL] db in try db.rows(calendarSQL.holdings()).map(KioskCalendarHolding.init(row:)) }
    }
}
