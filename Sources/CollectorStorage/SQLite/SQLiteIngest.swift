import CollectorCore
import Foundation
import GRDB
import KioskCore

/// A batch of ingests inside one GRDB write transaction: read the neighbours, decide, write.
/// (One cached statement per row; `PostgresIngest` says why the two writers keep their own SQL.)
struct SQLiteIngest {
    let db: Database

    func run(_ days: [VerifiedDay], receivedAt: String) throws -> [IngestOutcome] {
        var stored: [BatchPlan.Key: IngestPlan.Neighbour] = [:]
        for key in BatchPlan.neighbourKeys(days) {
            if let neighbour = try neighbour(key.kiosk, key.day) { stored[key] = neighbour }
        }
        var registered: [String: KioskRegistration] = [:]
        var earliest: [String: IngestPlan.Earliest] = [:]
        for kiosk in BatchPlan.kiosks(days) {
            if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM kiosk WHERE id = ?"), arguments: [kiosk]) {
                registered[kiosk] = try KioskRegistration(row: row)
            }
            if let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT day, link FROM sealed_day WHERE kiosk = ? ORDER BY day LIMIT 1"), arguments: [kiosk]),
                let day = LocalDay(row["day"] as String)
            {
                earliest[kiosk] = IngestPlan.Earliest(day: day, link: ChainLink(rawValue: row["link"]) ?? .gap)
            }
        }
        let plan = BatchPlan(days, stored: stored, earliest: earliest, registered: registered)
        for (day, link) in plan.inserts {
            try execute(
                """
                INSERT INTO sealed_day (kiosk, day, office, district, province, hash, previous, link, signature, body, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    day.kiosk.id, day.tallies.day.description, day.kiosk.officeCode, day.kiosk.district, day.kiosk.province, day.hash,
                    day.tallies.previous, link.rawValue, day.signature, Data(day.body), receivedAt,
                ])
            try insertRows(day)
        }
        try addToRollups(RollupDelta(plan.inserts.map(\.day)))
        for row in KioskDaysDelta(plan.inserts.map(\.day)).rows {
            try execute(
                """
                INSERT INTO kiosk_days (kiosk, stored, first_day, last_day) VALUES (?, ?, ?, ?)
                ON CONFLICT (kiosk) DO UPDATE SET
                    stored = stored + excluded.stored, first_day = MIN(first_day, excluded.first_day), last_day = MAX(last_day, excluded.last_day)
                """,
                [row.kiosk, row.stored, row.first.description, row.last.description])
        }
        for (key, link) in plan.linkUpdates {
            try execute("UPDATE sealed_day SET link = ? WHERE kiosk = ? AND day = ?", [link.rawValue, key.kiosk, key.day.description])
        }
        for alarm in CollectorAlarm.counted(plan.alarms) { try insertAlarm(alarm, at: receivedAt) }
        return plan.outcomes
    }

    func insertAlarm(_ alarm: CollectorAlarm, at time: String) throws {
        try execute(
            """
            INSERT INTO alarm (kiosk, day, kind, detail, first_seen, last_seen, seen) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (kiosk, day, kind, detail) DO UPDATE SET last_seen = excluded.last_seen, seen = alarm.seen + excluded.seen
            """,
            [alarm.kiosk, alarm.day, alarm.kind.rawValue, alarm.detail, time, time, alarm.seen])
    }

    /// Runs a statement compiled once per connection (an ingest runs the same few statements again and again).
    private func execute(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    private func neighbour(_ kiosk: String, _ day: LocalDay) throws -> IngestPlan.Neighbour? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT hash, previous, link FROM sealed_day WHERE kiosk = ? AND day = ?"), arguments: [kiosk, day.description]
        ).map { IngestPlan.Neighbour(hash: $0["hash"], previous: $0["previous"], link: ChainLink(rawValue: $0["link"]) ?? .gap) }
    }

    private func addToRollups(_ delta: RollupDelta) throws {
        for (key, sums) in delta.votes {
            try execute(
                """
                INSERT INTO month_vote (month, province, district, office, counter, service, question, answers, satisfied, score_sum)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (province, month, district, office, counter, service, question) DO UPDATE SET
                    answers = answers + excluded.answers, satisfied = satisfied + excluded.satisfied, score_sum = score_sum + excluded.score_sum
                """,
                StatementArguments(key.place.columns + [key.counter, key.service, key.question]) + [sums.answers, sums.satisfied, sums.scoreSum])
        }
        for (place, sums) in delta.officeVotes {
            try execute(
                """
                INSERT INTO month_office_vote (month, province, district, office, answers, satisfied, score_sum) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (province, month, district, office) DO UPDATE SET
                    answers = answers + excluded.answers, satisfied = satisfied + excluded.satisfied, score_sum = score_sum + excluded.score_sum
                """,
                StatementArguments(place.columns) + [sums.answers, sums.satisfied, sums.scoreSum])
        }
        let buckets = RollupSchema.waitingBuckets
        for (key, sums) in delta.tickets {
            try execute(
                """
                INSERT INTO month_ticket (month, province, district, office, service, issued, priority, served, no_show, \(buckets.joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: 9 + buckets.count).joined(separator: ", ")))
                ON CONFLICT (province, month, district, office, service) DO UPDATE SET
                    issued = issued + excluded.issued, priority = priority + excluded.priority, served = served + excluded.served,
                    no_show = no_show + excluded.no_show, \(buckets.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "))
                """,
                StatementArguments(key.place.columns + [key.name]) + StatementArguments([sums.issued, sums.priority, sums.served, sums.noShow] + sums.waiting.counts))
        }
        for (key, count) in delta.slips {
            try execute(
                """
                INSERT INTO month_slip (month, province, district, office, procedure, count) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (province, month, district, office, procedure) DO UPDATE SET count = count + excluded.count
                """,
                StatementArguments(key.place.columns + [key.name]) + [count])
        }
    }

    private func insertRows(_ day: VerifiedDay) throws {
        let key: [any DatabaseValueConvertible] = [day.kiosk.id, day.tallies.day.description]
        for answer in day.answers {
            try execute(
                "INSERT INTO day_answer VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                StatementArguments(key + [answer.counter, answer.service, answer.question, answer.sums.answers, answer.sums.satisfied, answer.sums.scoreSum]))
        }
        for press in day.tallies.presses {
            try execute("INSERT INTO day_press VALUES (?, ?, ?, ?, ?)", StatementArguments(key + [press.terminal, press.kind, press.count]))
        }
        for ticket in day.tallies.tickets {
            try execute("INSERT INTO day_ticket VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", StatementArguments(key + [
                    ticket.service, ticket.issued, ticket.priority, ticket.served, ticket.noShow,
                    CollectorSchema.histogramText(ticket.waiting), CollectorSchema.histogramText(ticket.serviceTime),
                ]))
        }
        for slip in day.tallies.slips {
            try execute("INSERT INTO day_slip VALUES (?, ?, ?, ?)", StatementArguments(key + [slip.procedure, slip.count]))
        }
        for fault in day.tallies.printerFaults {
            try execute("INSERT INTO day_printer_fault VALUES (?, ?, ?, ?, ?)", StatementArguments(key + [fault.printer, fault.fault, fault.count]))
        }
    }
}
