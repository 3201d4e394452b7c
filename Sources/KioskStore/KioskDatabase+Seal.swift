import Foundation
import GRDB
import KioskCore

/// Sealing days: the tallies of a day gathered into `DayTallies`, sealed once, chained to the day
/// before, kept in the outbox until the collector has them.
extension KioskDatabase {
    /// Counts one printed slip for its procedure.
    public func record(slipPrinted procedure: String, day: LocalDay) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO slip_tally (day, procedure, count) VALUES (?, ?, 1)
                    ON CONFLICT (day, procedure) DO UPDATE SET count = count + 1
                    """,
                arguments: [day.description, procedure])
        }
    }

    /// Counts one time a printer went into a fault.
    public func record(printerFault fault: String, printer: String, day: LocalDay) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO printer_fault_tally (day, printer, fault, count) VALUES (?, ?, ?, 1)
                    ON CONFLICT (day, printer, fault) DO UPDATE SET count = count + 1
                    """,
                arguments: [day.description, printer, fault])
        }
    }

    /// What the kiosk counted on `day`, ready to seal (`previous` is left "").
    public func dayTallies(on day: LocalDay, kiosk: String, office: String) throws -> DayTallies {
        try database.read { db in try Self.dayTallies(db, day: day, kiosk: kiosk, office: office) }
    }

    /// The sealed days, oldest first.
    public func sealedDays() throws -> [SealedDayRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sealed_day ORDER BY day").map(Self.sealedDay)
        }
    }

    /// Sealed days the collector does not have yet, oldest first.
    public func outbox() throws -> [SealedDayRecord] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sealed_day WHERE pushed = 0 ORDER BY day").map(Self.sealedDay)
        }
    }

    public func markPushed(_ day: LocalDay) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE sealed_day SET pushed = 1 WHERE day = ?", arguments: [day.description])
        }
    }

    /// Seals every day `schedule` allows at `now` and that is not sealed yet, each in its own
    /// transaction: gather, encode with the previous day's hash, `sign`, store. The chain starts at
    /// the first day with anything counted, or today if nothing is (remembered, so that quiet days
    /// after it are sealed too). Returns the days sealed.
    @discardableResult
    public func sealDays(
        kiosk: String, office: String, schedule: SealSchedule, now: Date,
        sign: (_ body: [UInt8]) throws -> (hash: String, signature: String)
    ) throws -> [SealedDayRecord] {
        let start = try chainStart(today: LocalDay(now, in: schedule.timeZone))
        var sealed: [SealedDayRecord] = []
        while true {
            let next: SealedDayRecord? = try database.write { db in
                let last = try Row.fetchOne(db, sql: "SELECT * FROM sealed_day ORDER BY day DESC LIMIT 1").map(Self.sealedDay)
                guard let day = schedule.daysToSeal(lastSealed: last?.day, firstDay: start, at: now).first else { return nil }
                var tallies = try Self.dayTallies(db, day: day, kiosk: kiosk, office: office)
                tallies.previous = last?.hash ?? ""
                let body = tallies.canonicalBytes()
                let seal = try sign(body)
                let record = SealedDayRecord(day: day, body: body, hash: seal.hash, signature: seal.signature)
                try db.execute(
                    sql: "INSERT INTO sealed_day (day, body, hash, signature, pushed) VALUES (?, ?, ?, ?, 0)",
                    arguments: [day.description, Data(body), record.hash, record.signature])
                return record
            }
            guard let next else { return sealed }
            sealed.append(next)
        }
    }

    /// The first day of the hash chain, fixed the first time it is asked.
    private func chainStart(today: LocalDay) throws -> LocalDay {
        try database.write { db in
            if let stored = try String.fetchOne(db, sql: "SELECT day FROM chain_start WHERE id = 1").flatMap(LocalDay.init) {
                return stored
            }
            let firstActivity = try String.fetchOne(
                db,
                sql: """
                    SELECT MIN(day) FROM (
                        SELECT day FROM vote_tally UNION SELECT day FROM press_tally UNION SELECT day FROM ticket
                        UNION SELECT day FROM slip_tally UNION SELECT day FROM printer_fault_tally)
                    """
            ).flatMap(LocalDay.init)
            let start = min(firstActivity ?? today, today)
            try db.execute(sql: "INSERT INTO chain_start (id, day) VALUES (1, ?)", arguments: [start.description])
            return start
        }
    }

    private static func dayTallies(_ db: Database, day: LocalDay, kiosk: String, office: String) throws -> DayTallies {
        let key = day.description
        let votes = try Row.fetchAll(
            db,
            sql: """
                SELECT counter, service, question, choice, score, satisfied, SUM(count) AS total FROM vote_tally
                WHERE day = ? GROUP BY counter, service, question, choice, score, satisfied
                """,
            arguments: [key]
        ).map { row in
            DayTallies.Votes(
                counter: row["counter"], service: row["service"], question: row["question"], choice: row["choice"],
                score: row["score"], satisfied: row["satisfied"], count: row["total"])
        }
        let presses = try Row.fetchAll(db, sql: "SELECT terminal, kind, count FROM press_tally WHERE day = ?", arguments: [key]).map {
            DayTallies.Presses(terminal: $0["terminal"], kind: $0["kind"], count: $0["count"])
        }
        var tickets: [String: DayTallies.Tickets] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT service, priority, status, issued_at, first_called_at, state_since, finished_at FROM ticket WHERE day = ?",
            arguments: [key])
        {
            let service: String = row["service"]
            var tally = tickets[service] ?? DayTallies.Tickets(service: service, issued: 0)
            tally.issued += 1
            tally.priority += (row["priority"] as String).isEmpty ? 0 : 1
            let status: String = row["status"]
            tally.served += status == "served" ? 1 : 0
            tally.noShow += status == "no-show" ? 1 : 0
            if let called = row["first_called_at"] as String? {
                tally.waiting.add(minutes: max(0, Self.date(called).timeIntervalSince(Self.date(row["issued_at"]))) / 60)
            }
            if status == "served", let start = row["state_since"] as String?, let end = row["finished_at"] as String? {
                tally.serviceTime.add(minutes: max(0, Self.date(end).timeIntervalSince(Self.date(start))) / 60)
            }
            tickets[service] = tally
        }
        let slips = try Row.fetchAll(db, sql: "SELECT procedure, count FROM slip_tally WHERE day = ?", arguments: [key]).map {
            DayTallies.Slips(procedure: $0["procedure"], count: $0["count"])
        }
        let faults = try Row.fetchAll(db, sql: "SELECT printer, fault, count FROM printer_fault_tally WHERE day = ?", arguments: [key]).map {
            DayTallies.PrinterFaults(printer: $0["printer"], fault: $0["fault"], count: $0["count"])
        }
        return DayTallies(
            kiosk: kiosk, office: office, day: day, previous: "", votes: votes, presses: presses, tickets: tickets.keys.sorted().map { tickets[$0]! }, slips: slips,
            printerFaults: faults)
    }

    private static func sealedDay(_ row: Row) -> SealedDayRecord {
        SealedDayRecord(
            day: LocalDay(row["day"] as String)!, body: [UInt8](row["body"] as Data), hash: row["hash"], signature: row["signature"],
            pushed: row["pushed"])
    }
}
