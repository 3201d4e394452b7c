import Foundation
import KioskCore
import KioskInput
import KioskProtocol
import KioskStore

/// The entrance terminals: a tap on a service zone (or a ticket key) issues a ticket, committed
/// before anything else happens; the caller announces it, then hands it to the print thread.
///
/// Runs on the input thread and never waits for a printer: issuing is one SQLite transaction.
final class TicketDispenser {
    private let config: OfficeConfig
    private let store: KioskDatabase
    private let clock: OfficeClock
    /// When each terminal last issued a ticket (monotonic seconds), for its lockout.
    private var lastIssued: [String: Double] = [:]

    init(
        config: OfficeConfig, store: KioskDatabase, clock: OfficeClock
    ) {
        self.config = config
        self.store = store
        self.clock = clock
    }

    /// Whether a device belongs to a ticket terminal (its presses are this dispenser's).
    func handles(source: Int) -> Bool {
        config.devices[source].ticketTerminal != nil
    }

    struct Result {
        var events: [DaemonEvent] = []
        /// The ticket committed, to print.
        var issued: StoredTicket?
    }

    /// - Throws: when the ticket could not be committed; no number is then used or shown.
    func handle(_ action: InputAction) throws -> Result {
        guard let terminalID = actionSource(action).flatMap({ config.devices[$0].ticketTerminal }),
            let terminal = config.ticketTerminal(id: terminalID)
        else { return Result() }
        let choice: TicketChoice
        switch action {
        case .touch(_, let press):
            switch TouchVerdict(press, limits: terminal.pressLimits, zones: terminal.indexedZones) {
            case .choice(let index): choice = terminal.zones[index - 1].choice
            case .rejected(let kind): return Result(events: [.pressRejected(terminal: terminal.id, kind: PressRejection(kind))])
            }
        case .key(let source, let code):
            guard case .ticket(let keyChoice) = config.devices[source].keys[code] else { return Result() }
            choice = keyChoice
        default:
            return Result()
        }
        if let last = lastIssued[terminal.id], clock.monotonicNow() - last < terminal.lockoutSeconds {
            return Result(events: [.pressRejected(terminal: terminal.id, kind: .ticketLockout)])
        }
        return try issue(choice, terminal: terminal)
    }

    /// Speech mode's ticket, chosen from the menu it said: no lockout (a menu is no double tap).
    /// - Throws: when the ticket could not be committed.
    func issue(_ choice: TicketChoice, terminal id: String) throws -> Result {
        guard let terminal = config.ticketTerminal(id: id) else { return Result() }
        return try issue(choice, terminal: terminal)
    }

    private func issue(_ choice: TicketChoice, terminal: TicketTerminalConfig) throws -> Result {
        let now = clock.monotonicNow()
        guard let service = config.service(id: choice.service) else { return Result() }
        let issuedAt = clock.now()
        let ticket = try store.issueTicket(
            service: service.id, letter: service.letter, priority: choice.priority ?? "", terminal: terminal.id,
            issuedAt: issuedAt, day: clock.numberingDay(of: issuedAt), queue: config.queueLayout)
        lastIssued[terminal.id] = now
        return Result(
            events: [
                .ticketIssued(
                    terminal: terminal.id, number: ticket.number.description, service: service.id,
                    priority: choice.priority != nil, waitingAhead: ticket.forecast.ahead)
            ],
            issued: ticket)
    }

    private func actionSource(_ action: InputAction) -> Int? {
        switch action {
        case .touch(let source, _), .key(let source, _): source
        case .touchLost, .keyReleased, .connected, .refused, .disconnected, .warning, .libevdevMessage, .mail: nil
        }
    }
}
