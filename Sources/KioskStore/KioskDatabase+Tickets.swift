import Foundation
import GRDB
import KioskCore

/// Queue tickets: stored (committed) before they are printed, so a number is never reused and
/// never silently skipped, and a ticket whose printing failed still exists and can be reprinted.
///
/// Tickets are not votes: nothing here refers to a rating, and the tally tables nothing here.
extension KioskDatabase {
    /// Gives the next number of `service` on `day`, forecasts its wait on the day's queue laid out
    /// as `queue`, and stores the ticket with its forecast, in one transaction.
    public func issueTicket(
        service: String, letter: String, priority: String = "", terminal: String, issuedAt: Date, day: LocalDay, queue: QueueLayout
    ) throws -> StoredTicket {
        try database.write { db in
            let next =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM ticket WHERE day = ? AND service = ?",
                    arguments: [day.description, service]) ?? 1
            let ticket = QueueTicket(
                id: .init(service: service, number: next), number: TicketNumber(letter: letter, number: next), issuedAt: issuedAt,
                priorityClass: priority.isEmpty ? nil : priority)
            var floor = try Self.queueFloor(db, day: day, layout: queue, includingFinished: false, waitingIn: service)
            floor.add(ticket)
            var estimator = WaitEstimator(fallbackMinutes: queue.fallbackMinutes)
            for served in try Self.serviceMinutes(db, day: day, queue: service) { estimator.record(service: served.service, minutes: served.minutes) }
            let forecast = WaitForecast(for: ticket, on: floor, estimator: estimator)
            try db.execute(
                sql: """
                    INSERT INTO ticket (day, service, number, letter, priority, terminal, issued_at, forecast_ahead, forecast_minutes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [day.description, service, next, letter, priority, terminal, Self.timestamp(issuedAt), forecast.ahead, forecast.minutes])
            return StoredTicket(
                day: day, service: service, number: ticket.number, priority: priority, terminal: terminal, issuedAt: issuedAt,
                forecast: forecast, printState: .pending, printJob: nil, printMessage: "", printCrashes: 0)
        }
    }

    /// Records what became of a ticket's printing.
    public func setPrintState(
        _ state: TicketPrintState, day: LocalDay, service: String, number: Int, job: Int32? = nil, message: String = ""
    ) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE ticket SET print_state = ?, print_job = COALESCE(?, print_job), print_message = ?
                    WHERE day = ? AND service = ? AND number = ?
                    """,
                arguments: [state.rawValue, job, message, day.description, service, number])
            guard db.changesCount == 1 else {
                throw DatabaseError(message: "no ticket \(service) #\(number) on \(day)")
            }
        }
    }

    public func tickets(on day: LocalDay) throws -> [StoredTicket] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ticket WHERE day = ? ORDER BY issued_at, service, number", arguments: [day.description])
                .map(Self.ticket)
        }
    }

    /// The newest ticket a terminal issued, for `kioskctl reprint`.
    public func lastTicket(terminal: String) throws -> StoredTicket? {
        try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM ticket WHERE terminal = ? ORDER BY day DESC, issued_at DESC, number DESC LIMIT 1",
                arguments: [terminal]
            ).map(Self.ticket)
        }
    }

    /// Tickets whose printing has not succeeded yet and was not cancelled, oldest first.
    public func ticketsAwaitingPrint() throws -> [StoredTicket] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM ticket WHERE print_state IN ('pending', 'failed') ORDER BY day, issued_at, number"
            ).map(Self.ticket)
        }
    }

    /// Counts a crash of cupsd on the ticket's print job; returns how many there were. The job
    /// id stays, so the next attempt asks CUPS about it first.
    public func recordPrintCrash(day: LocalDay, service: String, number: Int) throws -> Int {
        try database.write { db in
            try db.execute(
                sql: "UPDATE ticket SET print_crashes = print_crashes + 1 WHERE day = ? AND service = ? AND number = ?",
                arguments: [day.description, service, number])
            return try Int.fetchOne(
                db, sql: "SELECT print_crashes FROM ticket WHERE day = ? AND service = ? AND number = ?",
                arguments: [day.description, service, number]) ?? 0
        }
    }

    /// Tickets kioskd stopped resubmitting (cupsd crashed on them twice), oldest first.
    public func ticketsHeldFromPrint() throws -> [StoredTicket] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ticket WHERE print_state = 'held' ORDER BY day, issued_at, number").map(Self.ticket)
        }
    }

    /// Staff ask for held tickets (of `day`; all when `numbers` is nil) to be printed again: they
    /// await printing once more. Their crash count stays, so one more crash holds them again at
    /// once. Returns the tickets released.
    public func releaseHeldPrint(day: LocalDay, numbers: [TicketNumber]? = nil) throws -> [StoredTicket] {
        try movePrintState(from: ["held"], to: .failed, day: day, numbers: numbers)
    }

    /// Staff gave up printing these tickets (of `day`; all awaiting or held ones when `numbers` is
    /// nil): they are marked cancelled, their numbers stay used. Returns the tickets cancelled.
    public func cancelAwaitingPrint(day: LocalDay, numbers: [TicketNumber]? = nil) throws -> [StoredTicket] {
        try movePrintState(from: ["pending", "failed", "held"], to: .cancelled, day: day, numbers: numbers)
    }

    /// Tickets of `day` in one of `states` (those numbered, or all) go to `state`, in one
    /// transaction; returns them as they were, oldest first.
    private func movePrintState(from states: [String], to state: TicketPrintState, day: LocalDay, numbers: [TicketNumber]?) throws -> [StoredTicket] {
        try database.write { db in
            let placeholders = states.map { _ in "?" }.joined(separator: ", ")
            let found = try Row.fetchAll(
                db, sql: "SELECT * FROM ticket WHERE day = ? AND print_state IN (\(placeholders)) ORDER BY issued_at, number",
                arguments: StatementArguments([day.description] + states)
            ).map(Self.ticket)
            let chosen = found.filter { ticket in numbers.map { $0.contains(ticket.number) } ?? true }
            for ticket in chosen {
                try db.execute(
                    sql: "UPDATE ticket SET print_state = ? WHERE day = ? AND service = ? AND number = ?",
                    arguments: [state.rawValue, day.description, ticket.service, ticket.number.number])
            }
            return chosen
        }
    }

    private static func ticket(_ row: Row) -> StoredTicket {
        StoredTicket(
            day: LocalDay(row["day"] as String)!, service: row["service"],
            number: TicketNumber(letter: row["letter"], number: row["number"]), priority: row["priority"],
            terminal: row["terminal"], issuedAt: date(row["issued_at"]),
            forecast: WaitForecast(ahead: row["forecast_ahead"], minutes: row["forecast_minutes"]),
            printState: TicketPrintState(rawValue: row["print_state"]) ?? .pending, printJob: row["print_job"],
            printMessage: row["print_message"], printCrashes: row["print_crashes"])
    }

    static func timestamp(_ date: Date) -> String {
        String(format: "%.6f", date.timeIntervalSince1970)
    }

    static func date(_ text: String) -> Date {
        Date(timeIntervalSince1970: Double(text) ?? 0)
    }
}

public struct StoredTicket: Sendable, Equatable {
    /// The numbering day (see `NumberingDay`).
    public var day: LocalDay
    public var service: String
    public var number: TicketNumber
    /// The priority class chosen at the screen, or "".
    public var priority: String
    public var terminal: String
    public var issuedAt: Date
    /// The wait forecast when the ticket was issued.
    public var forecast: WaitForecast
    public var printState: TicketPrintState
    /// The CUPS job of the latest attempt: CUPS is asked about it before the ticket is sent again.
    public var printJob: Int32?
    public var printMessage: String
    /// How often cupsd crashed on the ticket's print jobs.
    public var printCrashes: Int
}

public enum TicketPrintState: String, Sendable {
    /// Committed, not yet printed (or waiting for the printer to come back).
    case pending
    case printed
    /// The printer refused or failed; the ticket is kept and printed again when it is back.
    case failed
    /// Staff cancelled the printing; the number stays used.
    case cancelled
    /// cupsd crashed twice on the ticket's job: kioskd does not send it again until staff ask.
    case held
}
