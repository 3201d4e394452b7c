import Foundation
import KioskCore
import KioskProtocol
import KioskStore
import Logging

/// What every printer's lane shares: the office, the store, the board the status reads, where
/// events go, the render thread and the clock.
struct PrintContext: Sendable {
    let config: OfficeConfig
    let store: KioskDatabase
    let board: PrinterBoard
    let renderer: RenderThread
    let logger: Logger
    /// How often a printer with a problem is checked again.
    let retrySeconds: Double
    let clock: OfficeClock
    let publish: @Sendable ([DaemonEvent]) -> Void

    var numberingDay: LocalDay { clock.numberingDay }

    /// Today's tickets whose printing has not succeeded (not cancelled, not held) on `printer`, oldest first.
    func keptTickets(printer: String) throws -> [StoredTicket] {
        let day = numberingDay
        return try store.ticketsAwaitingPrint().filter { $0.day == day && config.ticketTerminal(id: $0.terminal)?.printer == printer }
    }

    /// Counts a printer going into a fault, for the day's sealed tallies.
    func countFault(printer: String, problem: PrintProblem) {
        do {
            try store.record(printerFault: problem.code, printer: printer, day: clock.today)
        } catch {
            logger.error("printer \(printer): fault \(problem.code) not counted for the day's tallies: \(error)")
        }
    }
}
