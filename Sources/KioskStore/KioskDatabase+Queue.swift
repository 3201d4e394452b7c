import Foundation
import GRDB
import KioskCore

/// The queue as stored: every ticket of the numbering day where it stands, and the paused
/// counters. This is the queue's only copy: kioskd loads the floor from here for each staff key,
/// applies the key and commits the changes before it shows them, so after kill -9 the floor is
/// as it was: no ticket lost, called twice or skipped.
extension KioskDatabase {
    /// - Parameter includingFinished: also the served and no-show tickets (for reading the day);
    ///   a staff key needs only the tickets still in the queue or at a counter.
    public func queueFloor(day: LocalDay, layout: QueueLayout, includingFinished: Bool = false) throws -> QueueFloor {
        try database.read { db in try Self.queueFloor(db, day: day, layout: layout, includingFinished: includingFinished) }
    }

    /// - Parameter waitingIn: only the tickets waiting in this service's queue (all a wait forecast
    ///   reads), rather than every active ticket.
    static func queueFloor(
        _ db: Database, day: LocalDay, layout: QueueLayout, includingFinished: Bool, waitingIn queue: String? = nil
    ) throws -> QueueFloor {
        let paused = Set(try String.fetchAll(db, sql: "SELECT counter FROM counter_state WHERE paused = 1"))
        var floor = QueueFloor(
            counters: layout.counters.map { counter in
                var counter = counter
                counter.paused = paused.contains(counter.id)
                return counter
            }, services: layout.services, maximumCalls: layout.maximumCalls)
        var sql = "SELECT * FROM ticket WHERE day = ?"
        var arguments: StatementArguments = [day.description]
        if let queue {
            sql += " AND status = 'waiting' AND only_counter = '' AND (CASE waiting_for WHEN '' THEN service ELSE waiting_for END) = ?"
            arguments += [queue]
        } else if !includingFinished {
            sql += " AND status IN ('waiting', 'called', 'serving')"
        }
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            floor.add(Self.queueTicket(row))
        }
        return floor
    }

    /// Stores every ticket and counter that differs between the floor before a staff key and after
    /// it, in one transaction.
    public func commitQueueChange(day: LocalDay, from before: QueueFloor, to after: QueueFloor, now: Date) throws {
        try database.write { db in
            for (id, ticket) in after.tickets where before.tickets[id] != ticket {
                let (status, counter, calls, since): (String, String, Int, Date?) =
                    switch ticket.state {
                    case .waiting: ("waiting", "", 0, nil)
                    case .called(let counter, let calls, let since): ("called", counter, calls, since)
                    case .serving(let counter, let since): ("serving", counter, 0, since)
                    case .served(let counter): ("served", counter, 0, nil)
                    case .noShow(let counter): ("no-show", counter, 0, nil)
                    }
                let finished = ["served", "no-show"].contains(status)
                try db.execute(
                    sql: """
                        UPDATE ticket SET status = ?, waiting_for = ?, only_counter = ?, counter = ?,
                            calls = CASE WHEN ? = 'serving' OR ? THEN calls ELSE ? END,
                            first_called_at = CASE WHEN ? = 'called' THEN COALESCE(first_called_at, ?) ELSE first_called_at END,
                            state_since = CASE WHEN ? THEN state_since ELSE ? END,
                            finished_at = CASE WHEN ? THEN ? ELSE NULL END
                        WHERE day = ? AND service = ? AND number = ?
                        """,
                    arguments: [
                        status, ticket.waitingFor == id.service ? "" : ticket.waitingFor, ticket.onlyCounter ?? "", counter,
                        status, finished, calls,
                        status, since.map(Self.timestamp),
                        finished, since.map(Self.timestamp),
                        finished, Self.timestamp(now),
                        day.description, id.service, id.number,
                    ])
                guard db.changesCount == 1 else { throw DatabaseError(message: "no ticket \(id) on \(day)") }
            }
            for (id, counter) in after.counters where before.counters[id]?.paused != counter.paused {
                try db.execute(
                    sql: "INSERT INTO counter_state (counter, paused) VALUES (?, ?) ON CONFLICT (counter) DO UPDATE SET paused = excluded.paused",
                    arguments: [id, counter.paused])
            }
        }
    }

    /// The day's service times in minutes per service, in the order they ended (for `WaitEstimator` after a restart).
    public func serviceMinutes(day: LocalDay) throws -> [(service: String, minutes: Double)] {
        try database.read { db in try Self.serviceMinutes(db, day: day) }
    }

    /// - Parameter queue: only the times of tickets served from this service's queue.
    static func serviceMinutes(_ db: Database, day: LocalDay, queue: String? = nil) throws -> [(service: String, minutes: Double)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM (
                    SELECT CASE waiting_for WHEN '' THEN service ELSE waiting_for END AS queue, state_since, finished_at FROM ticket
                    WHERE day = ? AND status = 'served' AND state_since IS NOT NULL
                ) WHERE ? IS NULL OR queue = ? ORDER BY finished_at
                """,
            arguments: [day.description, queue, queue]
        ).map { row in
            (row["queue"], max(0, (Double(row["finished_at"] as String) ?? 0) - (Double(row["state_since"] as String) ?? 0)) / 60)
        }
    }

    static func queueTicket(_ row: Row) -> QueueTicket {
        let service: String = row["service"]
        let priority: String = row["priority"]
        var ticket = QueueTicket(
            id: .init(service: service, number: row["number"]), number: TicketNumber(letter: row["letter"], number: row["number"]),
            issuedAt: Self.date(row["issued_at"]), priorityClass: priority.isEmpty ? nil : priority)
        let waitingFor: String = row["waiting_for"]
        let onlyCounter: String = row["only_counter"]
        ticket.waitingFor = waitingFor.isEmpty ? service : waitingFor
        ticket.onlyCounter = onlyCounter.isEmpty ? nil : onlyCounter
        let counter: String = row["counter"]
        let since = (row["state_since"] as String?).map(Self.date) ?? Self.date(row["issued_at"])
        switch row["status"] as String {
        case "called": ticket.state = .called(counter: counter, calls: max(1, row["calls"]), since: since)
        case "serving": ticket.state = .serving(counter: counter, since: since)
        case "served": ticket.state = .served(counter: counter)
        case "no-show": ticket.state = .noShow(counter: counter)
        default: ticket.state = .waiting
        }
        return ticket
    }
}
