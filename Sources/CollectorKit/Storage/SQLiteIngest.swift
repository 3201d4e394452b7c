import Foundation
import GRDB
import KioskCore

/// One ingest inside a GRDB write transaction: read the neighbours, decide, write everything.
struct SQLiteIngest {
    let db: Database

    func run(_ day: VerifiedDay, receivedAt: String) throws -> IngestOutcome {
        let kiosk = day.kiosk.id
        let date = day.tallies.day
        let plan = IngestPlan.decide(
            day, existing: try neighbour(kiosk, date), before: try neighbour(kiosk, date.adding(days: -1)!),
            after: try neighbour(kiosk, date.adding(days: 1)!))
        guard case .stored(let link) = plan.outcome else { return plan.outcome }
        try db.execute(
            sql: """
                INSERT INTO sealed_day (kiosk, day, office, district, province, hash, previous, link, signature, body, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                kiosk, date.description, day.kiosk.officeCode, day.kiosk.district, day.kiosk.province, day.hash, day.tallies.previous,
                link.rawValue, day.signature, Data(day.body), receivedAt,
            ])
        if let next = plan.nextDayLink {
            try db.execute(
                sql: "UPDATE sealed_day SET link = ? WHERE kiosk = ? AND day = ?",
                arguments: [next.rawValue, kiosk, date.adding(days: 1)!.description])
        }
        try insertRows(day)
        for alarm in plan.alarms { try insertAlarm(alarm, at: receivedAt) }
        return plan.outcome
    }

    func insertAlarm(_ alarm: CollectorAlarm, at time: String) throws {
        try db.execute(
            sql: "INSERT INTO alarm (kiosk, day, kind, detail, raised_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [alarm.kiosk, alarm.day, alarm.kind.rawValue, alarm.detail, time])
    }

    private func neighbour(_ kiosk: String, _ day: LocalDay) throws -> IngestPlan.Neighbour? {
        try Row.fetchOne(
            db, sql: "SELECT hash, previous, link FROM sealed_day WHERE kiosk = ? AND day = ?", arguments: [kiosk, day.description]
        ).map { IngestPlan.Neighbour(hash: $0["hash"], previous: $0["previous"], link: ChainLink(rawValue: $0["link"]) ?? .gap) }
    }

    private func insertRows(_ day: VerifiedDay) throws {
        let key: [any DatabaseValueConvertible] = [day.kiosk.id, day.tallies.day.description]
        for vote in day.tallies.votes {
            try db.execute(
                sql: "INSERT INTO day_vote VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: StatementArguments(key + [vote.counter, vote.service, vote.question, vote.choice, vote.score, vote.satisfied, vote.count]))
        }
        for press in day.tallies.presses {
            try db.execute(sql: "INSERT INTO day_press VALUES (?, ?, ?, ?, ?)", arguments: StatementArguments(key + [press.terminal, press.kind, press.count]))
        }
        for ticket in day.tallies.tickets {
            try db.execute(
                sql: "INSERT INTO day_ticket VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: StatementArguments(key + [
                    ticket.service, ticket.issued, ticket.priority, ticket.served, ticket.noShow,
                    Self.histogram(ticket.waiting), Self.histogram(ticket.serviceTime),
                ]))
        }
        for slip in day.tallies.slips {
            try db.execute(sql: "INSERT INTO day_slip VALUES (?, ?, ?, ?)", arguments: StatementArguments(key + [slip.procedure, slip.count]))
        }
        for fault in day.tallies.printerFaults {
            try db.execute(
                sql: "INSERT INTO day_printer_fault VALUES (?, ?, ?, ?, ?)", arguments: StatementArguments(key + [fault.printer, fault.fault, fault.count]))
        }
    }

    /// "1,0,2,…": ten counts, comma-separated.
    static func histogram(_ histogram: WaitHistogram) -> String {
        histogram.counts.map(String.init).joined(separator: ",")
    }
}
