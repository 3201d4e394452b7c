import Foundation
import KioskCore
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

    /// Records an outcome; returns true when the printer's problem changed (to announce it).
    func note(printer: String, problem: PrintProblem?, printed: Bool, job: Int32?) -> Bool {
        health.withLock { all in
            var entry = all[printer] ?? Health()
            let changed = entry.problem != problem
            entry.problem = problem
            if printed { entry.printed += 1 } else if problem != nil { entry.notPrinted += 1 }
            if let job { entry.lastJob = job }
            all[printer] = entry
            return changed
        }
    }

    /// Sets the problem without counting a job (a periodic check); true when it changed.
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
        health.withLock { all in
            printers.compactMap { printer in
                all[printer.id]?.problem.map { .printerFault(printer: printer.id, problem: $0.code, message: $0.message) }
            }
        }
    }

    func json(awaiting: [String: Int]) -> [[String: Any]] {
        health.withLock { all in
            printers.map { printer in
                let entry = all[printer.id] ?? Health()
                var object: [String: Any] = [
                    "id": printer.id, "queue": printer.queue, "server": printer.server, "mode": printer.mode.rawValue,
                    "ok": entry.problem == nil, "printed": entry.printed, "notPrinted": entry.notPrinted,
                    "ticketsAwaiting": awaiting[printer.id] ?? 0,
                ]
                if let problem = entry.problem {
                    object["problem"] = problem.code
                    object["message"] = problem.message
                }
                if let job = entry.lastJob { object["lastJob"] = Int(job) }
                return object
            }
        }
    }
}
