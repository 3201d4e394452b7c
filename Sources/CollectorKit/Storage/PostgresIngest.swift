import KioskCore
import Logging
import NIOCore
import PostgresNIO

/// One ingest inside a PostgreSQL transaction: lock the kiosk, read the neighbours, decide, and
/// write the day and its rows (one statement per table, with arrays).
struct PostgresIngest {
    let connection: PostgresConnection
    let logger: Logger

    func run(_ day: VerifiedDay, receivedAt: String) async throws -> IngestOutcome {
        let kiosk = day.kiosk.id
        let date = day.tallies.day
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(kiosk)))", logger: logger)
        let plan = IngestPlan.decide(
            day, existing: try await neighbour(kiosk, date), before: try await neighbour(kiosk, date.adding(days: -1)!),
            after: try await neighbour(kiosk, date.adding(days: 1)!))
        guard case .stored(let link) = plan.outcome else { return plan.outcome }
        let key = date.description
        try await connection.query(
            """
            INSERT INTO sealed_day (kiosk, day, office, district, province, hash, previous, link, signature, body, received_at)
            VALUES (\(kiosk), \(key), \(day.kiosk.officeCode), \(day.kiosk.district), \(day.kiosk.province), \(day.hash),
                    \(day.tallies.previous), \(link.rawValue), \(day.signature), \(ByteBuffer(bytes: day.body)), \(receivedAt))
            """, logger: logger)
        if let next = plan.nextDayLink {
            let after = date.adding(days: 1)!.description
            try await connection.query("UPDATE sealed_day SET link = \(next.rawValue) WHERE kiosk = \(kiosk) AND day = \(after)", logger: logger)
        }
        let tallies = day.tallies
        if !tallies.votes.isEmpty {
            try await connection.query(
                """
                INSERT INTO day_vote SELECT \(kiosk), \(key), * FROM UNNEST(
                    \(tallies.votes.map(\.counter))::text[], \(tallies.votes.map(\.service))::text[], \(tallies.votes.map(\.question))::text[],
                    \(tallies.votes.map(\.choice))::text[], \(tallies.votes.map(\.score))::int[], \(tallies.votes.map { $0.satisfied ? 1 : 0 })::int[],
                    \(tallies.votes.map(\.count))::int[])
                """, logger: logger)
        }
        if !tallies.presses.isEmpty {
            try await connection.query(
                """
                INSERT INTO day_press SELECT \(kiosk), \(key), * FROM UNNEST(
                    \(tallies.presses.map(\.terminal))::text[], \(tallies.presses.map(\.kind))::text[], \(tallies.presses.map(\.count))::int[])
                """, logger: logger)
        }
        if !tallies.tickets.isEmpty {
            let tickets = tallies.tickets
            try await connection.query(
                """
                INSERT INTO day_ticket SELECT \(kiosk), \(key), * FROM UNNEST(
                    \(tickets.map(\.service))::text[], \(tickets.map(\.issued))::int[], \(tickets.map(\.priority))::int[],
                    \(tickets.map(\.served))::int[], \(tickets.map(\.noShow))::int[],
                    \(tickets.map { SQLiteIngest.histogram($0.waiting) })::text[], \(tickets.map { SQLiteIngest.histogram($0.serviceTime) })::text[])
                """, logger: logger)
        }
        if !tallies.slips.isEmpty {
            try await connection.query(
                """
                INSERT INTO day_slip SELECT \(kiosk), \(key), * FROM UNNEST(\(tallies.slips.map(\.procedure))::text[], \(tallies.slips.map(\.count))::int[])
                """, logger: logger)
        }
        if !tallies.printerFaults.isEmpty {
            let faults = tallies.printerFaults
            try await connection.query(
                """
                INSERT INTO day_printer_fault SELECT \(kiosk), \(key), * FROM UNNEST(
                    \(faults.map(\.printer))::text[], \(faults.map(\.fault))::text[], \(faults.map(\.count))::int[])
                """, logger: logger)
        }
        for alarm in plan.alarms { try await insertAlarm(alarm, at: receivedAt) }
        return plan.outcome
    }

    func insertAlarm(_ alarm: CollectorAlarm, at time: String) async throws {
        try await connection.query(
            "INSERT INTO alarm (kiosk, day, kind, detail, raised_at) VALUES (\(alarm.kiosk), \(alarm.day), \(alarm.kind.rawValue), \(alarm.detail), \(time))",
            logger: logger)
    }

    private func neighbour(_ kiosk: String, _ day: LocalDay) async throws -> IngestPlan.Neighbour? {
        let rows = try await connection.query(
            "SELECT hash, previous, link FROM sealed_day WHERE kiosk = \(kiosk) AND day = \(day.description)", logger: logger)
        for try await (hash, previous, link) in rows.decode((String, String, String).self) {
            return IngestPlan.Neighbour(hash: hash, previous: previous, link: ChainLink(rawValue: link) ?? .gap)
        }
        return nil
    }
}
