import Foundation
import KioskCore
import KioskProtocol
import Synchronization

/// What each printer is doing, for `kioskctl status` and new subscribers: written by the print
/// thread, read by the control thread.
final class PrinterBoard: Sendable {
    struct Health: Sendable, Equatable {
        var problem: PrintProblem?
        var printed = 0
        var notPrinted = 0
        var lastJob: Int32?
    }

    private let printers: [PrinterConfig]
    private let health: Mutex<[String: Health]>

    init(printers: [PrinterConfig]) {
        self.printers = printers
        health = Mutex(Dictionary(uniqueKeysWithValues: printers.map { ($0.id, Health()) }))
    }

    /// Counts a job's outcome (the problem is set apart, by `setProblem`).
    func count(printer: String, printed: Bool, job: Int32?) {
        health.withLock { all in
            var entry = all[printer] ?? Health()
            if printed { entry.printed += 1 } else { entry.notPrinted += 1 }
            if let job { entry.lastJob = job }
            all[printer] = entry
        }
    }

    func problem(of printer: String) -> PrintProblem? {
        health.withLock { $0[printer]?.problem }
    }

    /// Sets the printer's problem (nil: none); true when it changed.
    func setProblem(printer: String, _ problem: PrintProblem?) -> Bool {
        health.withLock { all in
            let changed = all[printer]?.problem != problem
            all[printer, default: Health()].problem = problem
            return changed
        }
    }

    var faultyPrinters: [String] {
        health.withLock { all in printers.map(\.id).filter { all[$0]?.problem != nil } }
    }

    /// A `printer-fault` event for each printer with a problem, for a new subscriber.
    func faultEvents() -> [DaemonEvent] {
        stateEvents().filter { if case .printerFault = $0 { true } else { false } }
    }

    /// Each printer's state as an event (`printer-fault` or `printer-ready`), for a new screen.
    func stateEvents() -> [DaemonEvent] {
        health.withLock { all in
            printers.map { printer in
                all[printer.id]?.problem.map { .printerFault(printer: printer.id, problem: $0.code, message: $0.message) }
                    ?? .printerReady(printer: printer.id)
            }
        }
    }

    /// Each printer's state for the screens: what a citizen may see (no queue or server).
    func screenStates() -> [ScreenPrinter] {
        health.withLock { all in
            printers.map { printer in
                let problem = all[printer.id]?.problem
                return ScreenPrinter(id: printer.id, ok: problem == nil, problem: problem?.code, message: problem?.message)
            }
        }
    }

    /// With the tickets that wait for each printer, and those kioskd stopped sending to it.
    func status(kept: KeptTickets) -> [StatusReport.Printer] {
        health.withLock { all in
            printers.map { printer in
                let entry = all[printer.id] ?? Health()
                return StatusReport.Printer(
                    id: printer.id, queue: printer.queue, server: printer.server, mode: printer.mode.rawValue, ok: entry.problem == nil,
                    printed: entry.printed, notPrinted: entry.notPrinted, ticketsAwaiting: kept.awaiting[printer.id] ?? 0,
                    ticketsHeld: kept.held[printer.id] ?? [], problem: entry.problem?.code, message: entry.problem?.message,
                    lastJob: entry.lastJob.map(Int.init))
            }
        }
    }
}
