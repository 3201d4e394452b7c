import CollectorCore
import Foundation
import KioskProtocol
import PostgresNIO

extension PostgresCollectorStore {
    private var calendarSQL: CalendarSQL { CalendarSQL(dialect: .postgres) }

    public func addCalendar(
        _ upload: CalendarUpload, sign: @Sendable (Int, Int, String) throws -> String, by actor: String
    ) async throws -> CalendarAddition {
        try await client.withTransaction(logger: logger) { [calendarSQL, auditSQL, logger] connection in
            // One upload at a time across every collector sharing the database: the year's next
            // version is decided on what is committed (the row lock alone misses a first version).
            try await connection.query("SELECT pg_advisory_xact_lock(7234003)", logger: logger)
            let latest = try await Self.rows(calendarSQL.latest(year: upload.year), on: connection, logger).first.map(SignedCalendar.init(row:))
            switch CalendarVersioning.decide(upload, latest: latest) {
            case .identical(let calendar):
                return .identical(calendar)
            case .new(let version):
                let calendar = SignedCalendar(
                    year: upload.year, version: version, sha256: upload.sha256, signature: try sign(upload.year, version, upload.sha256),
                    toml: upload.toml)
                let now = Date()
                try await connection.query(calendarSQL.insert(calendar, at: now, by: actor).postgresQuery, logger: logger)
                try await connection.query(
                    auditSQL.record(actor, .calendarAdded, subject: String(upload.year), detail: CalendarSQL.auditDetail(calendar), at: now).postgresQuery,
                    logger: logger)
                return .added(calendar)
            }
        }
    }

    public func calendarRecords() async throws -> [CalendarRecord] {
        try await rows(calendarSQL.records()).map(CalendarRecord.init(row:))
    }

    public func latestCalendars() async throws -> [SignedCalendar] {
        try await rows(calendarSQL.latestOfEveryYear()).map(SignedCalendar.init(row:))
    }

    public func recordCalendarHoldings(kiosk: String, _ holdings: [CalendarHolding], at date: Date) async throws {
        try await client.withTransaction(logger: logger) { [calendarSQL, logger] connection in
            try await connection.query(calendarSQL.forgetHoldings(kiosk: kiosk).postgresQuery, logger: logger)
            for holding in holdings {
                try await connection.query(calendarSQL.hold(kiosk: kiosk, holding, at: date).postgresQuery, logger: logger)
            }
        }
    }

    public func calendarHoldings() async throws -> [KioskCalendarHolding] {
        try await rows(calendarSQL.holdings()).map(KioskCalendarHolding.init(row:))
    }
}
