import Foundation
import KioskCore
import KioskPrint
import KioskProtocol
import KioskStore
import Logging

/// Printing, for the rest of the daemon: one `PrinterLane` per printer and the render thread they
/// share. The input thread only enqueues; the control commands cancel and retry here.
///
/// A ticket that cannot be printed stays in the store as `failed` with the reason (and its CUPS
/// job id, which CUPS is asked about before the ticket is sent again); each lane prints the
/// day's awaiting tickets, oldest first, when its printer is back, unless staff cancelled them.
final class PrintSpooler: Sendable {
    private let context: PrintContext
    private let lanes: [String: PrinterLane]

    init(
        config: OfficeConfig, store: KioskDatabase, board: PrinterBoard, logger: Logger, retrySeconds: Double = 2,
        clock: OfficeClock, publish: @escaping @Sendable ([DaemonEvent]) -> Void
    ) {
        let context = PrintContext(
            config: config, store: store, board: board, renderer: RenderThread(), logger: logger, retrySeconds: retrySeconds,
            clock: clock, publish: publish)
        self.context = context
        lanes = Dictionary(
            uniqueKeysWithValues: config.printers.enumerated().map { index, printer in
                (printer.id, PrinterLane(printer: printer, index: index + 1, context: context))
            })
    }

    /// Starts the lanes; each first queues its printer's kept tickets (a ticket committed just
    /// before a kill is printed after the restart, or its job followed if CUPS still has it).
    func start() {
        context.renderer.start()
        for lane in lanes.values { lane.start() }
    }

    /// Lets the jobs in hand reach a point where they can be left (bounded by the CUPS timeouts),
    /// then stops. Queued tickets stay committed as awaiting and are printed after the next start.
    func stop() {
        for lane in lanes.values { lane.requestStop() }
        for lane in lanes.values { lane.awaitStop() }
        context.renderer.stop()
    }

    func enqueue(_ work: PrintWork) {
        let printer: String?
        switch work {
        case .ticket(let ticket), .reprint(let ticket): printer = context.config.ticketTerminal(id: ticket.terminal)?.printer
        case .slip(_, _, let id, _), .testPage(let id, _): printer = id
        }
        guard let printer, let lane = lanes[printer] else {
            if case .slip(_, _, let id, let reply) = work { reply.send(PrintResult(printer: id, job: nil, problem: .refused("no printer \(id)"))) }
            if case .testPage(let id, let reply) = work { reply.send(PrintResult(printer: id, job: nil, problem: .refused("no printer \(id)"))) }
            if case .ticket(let ticket) = work { context.logger.error("ticket \(ticket.number): terminal \(ticket.terminal) has no printer in the office file") }
            return
        }
        lane.enqueue(work)
    }

    /// Tickets waiting to be printed, and those held, by printer (for status).
    func keptTickets() -> KeptTickets {
        let day = context.numberingDay
        var kept = KeptTickets()
        for ticket in (try? context.store.ticketsAwaitingPrint()) ?? [] where ticket.day == day {
            if let printer = context.config.ticketTerminal(id: ticket.terminal)?.printer { kept.awaiting[printer, default: 0] += 1 }
        }
        for ticket in (try? context.store.ticketsHeldFromPrint()) ?? [] where ticket.day == day {
            if let printer = context.config.ticketTerminal(id: ticket.terminal)?.printer { kept.held[printer, default: []].append(ticket.number.description) }
        }
        return kept
    }

    /// Staff give up printing today's awaiting (or held) tickets: all, or those numbered. A job in
    /// progress for one of them is cancelled in CUPS. Returns the numbers cancelled.
    func cancelTickets(_ numbers: [String]?) -> [String] {
        do {
            let day = context.numberingDay
            let candidates = try context.store.ticketsAwaitingPrint() + context.store.ticketsHeldFromPrint()
            let chosen = candidates.filter { $0.day == day && (numbers.map(Set.init)?.contains($0.number.description) ?? true) }.map(\.number)
            let cancelled = try context.store.cancelAwaitingPrint(day: day, numbers: chosen)
            let keys = Set(cancelled.map(TicketKey.init))
            for lane in lanes.values { lane.forget(keys) }
            let names = cancelled.map(\.number.description)
            if !names.isEmpty {
                context.logger.notice("staff cancelled the printing of \(names.joined(separator: ", "))")
                context.publish([.ticketsCancelled(numbers: names)])
            }
            return names
        } catch {
            context.logger.error("cannot cancel tickets: \(error)")
            return []
        }
    }

    /// Staff ask to print the kept tickets now: held ones (all of today's, or those numbered) are
    /// sent again, and every lane tries at once instead of waiting out its hold-off. Returns the
    /// numbers released from hold, and the numbers given that are neither held nor awaiting.
    func retry(_ numbers: [String]?) throws -> (released: [String], unknown: [String]) {
        let day = context.numberingDay
        let held = try context.store.ticketsHeldFromPrint().filter { $0.day == day }
        let awaiting = try context.store.ticketsAwaitingPrint().filter { $0.day == day }.map(\.number.description)
        let chosen = held.filter { numbers.map(Set.init)?.contains($0.number.description) ?? true }.map(\.number)
        let released = chosen.isEmpty ? [] : try context.store.releaseHeldPrint(day: day, numbers: chosen).map(\.number.description)
        let unknown = (numbers ?? []).filter { !released.contains($0) && !awaiting.contains($0) }
        context.logger.notice(released.isEmpty ? "staff asked to print the kept tickets now" : "staff asked to print \(released.joined(separator: ", ")) again")
        for lane in lanes.values { lane.retryNow() }
        return (released, unknown)
    }
}

/// Today's tickets not printed yet, by printer id.
struct KeptTickets: Sendable, Equatable {
    var awaiting: [String: Int] = [:]
    /// Numbers kioskd stopped sending (cupsd crashed on them twice).
    var held: [String: [String]] = [:]
}
