import Foundation
import KioskCore
import KioskPrint
import KioskProtocol
import KioskStore

/// What a printer's lane writes down and tells about its printing: each ticket's print state in
/// the store, the printer's problem and job counts on the board (what `kioskctl status` shows),
/// the day's fault and slip tallies, and the events for the screens and `kioskctl watch`. The lane
/// decides what happened; the ledger is the one place that records it.
struct PrintLedger: Sendable {
    let printer: PrinterConfig
    let context: PrintContext

    // MARK: - The printer

    /// Sets the printer's problem; a new one is logged, counted for the day's tallies and
    /// announced. True when it is new.
    @discardableResult
    func fault(_ problem: PrintProblem) -> Bool {
        guard context.board.setProblem(printer: printer.id, problem) else { return false }
        context.logger.warning("printer \(printer.id): \(problem.message)")
        context.countFault(printer: printer.id, problem: problem)
        context.publish([.printerFault(printer: printer.id, problem: problem.code, message: problem.message)])
        return true
    }

    /// The printer prints: its problem, if it had one, is over and announced. True when it had one.
    func back() -> Bool {
        guard context.board.setProblem(printer: printer.id, nil) else { return false }
        context.logger.notice("printer \(printer.id) is back; printing the tickets that wait for it")
        context.publish([.printerReady(printer: printer.id)])
        return true
    }

    func countJob(printed: Bool, job: Int32?) {
        context.board.count(printer: printer.id, printed: printed, job: job)
    }

    // MARK: - Tickets

    /// CUPS took the ticket's job: its id is kept, so after a restart the job is followed, not sent again.
    func jobCreated(_ ticket: StoredTicket, job: Int32) {
        do {
            try context.store.setPrintState(.pending, day: ticket.day, service: ticket.service, number: ticket.number.number, job: job)
        } catch {
            context.logger.error("ticket \(ticket.number): job \(job) not recorded: \(error)")
        }
    }

    func printed(_ ticket: StoredTicket, job: Int32) {
        record(ticket, .printed, job: job)
        countJob(printed: true, job: job)
        context.publish([.ticketPrinted(terminal: ticket.terminal, number: ticket.number.description, printer: printer.id)])
    }

    /// The ticket is kept to print later; its terminal is told why (`recorded`: the store already says so).
    func kept(_ ticket: StoredTicket, _ problem: PrintProblem, recorded: Bool) {
        if !recorded { record(ticket, .failed, job: nil, message: problem.message) }
        let number = ticket.number.description
        context.publish([
            .ticketNotPrinted(
                terminal: ticket.terminal, number: number, printer: printer.id, problem: problem.code,
                message: DaemonTexts.ticketKept(number, problem: problem.words))
        ])
    }

    /// The job failed: the ticket is kept with the reason (the terminal is told by `kept`).
    func failed(_ ticket: StoredTicket, _ problem: PrintProblem, job: Int32?) {
        record(ticket, .failed, job: job, message: problem.message)
        context.logger.warning("ticket \(ticket.number) kept, not printed on \(printer.id): \(problem.message)")
    }

    /// Counts a crash of cupsd on the ticket's job; the count so far.
    func countCrash(_ ticket: StoredTicket) -> Int {
        (try? context.store.recordPrintCrash(day: ticket.day, service: ticket.service, number: ticket.number.number)) ?? 1
    }

    /// The ticket is held until staff ask (cupsd crashed on it twice), and its terminal told.
    func held(_ ticket: StoredTicket, job: Int32) {
        let number = ticket.number.description
        record(ticket, .held, job: job, message: PrintProblem.crashed.message)
        context.logger.error("ticket \(number): \(DaemonTexts.heldForStaff([number]).text)")
        context.publish([
            .ticketNotPrinted(
                terminal: ticket.terminal, number: number, printer: printer.id, problem: PrintProblem.crashed.code,
                message: DaemonTexts.ticketHeld(number))
        ])
    }

    private func record(_ ticket: StoredTicket, _ state: TicketPrintState, job: Int32?, message: String = "") {
        do {
            try context.store.setPrintState(state, day: ticket.day, service: ticket.service, number: ticket.number.number, job: job, message: message)
        } catch {
            context.logger.error("ticket \(ticket.number): cannot record print state \(state.rawValue): \(error)")
        }
    }

    // MARK: - Slips

    /// Slips are not stored (the case software owns the dossier): a printed one is counted for
    /// the day's tallies, and either outcome is an event.
    func slip(_ slip: SlipPrintout, _ result: PrintResult) {
        if let problem = result.problem {
            context.publish([.slipNotPrinted(printer: printer.id, dossierCode: slip.dossierCode, problem: problem.code, message: problem.message)])
            return
        }
        do {
            try context.store.record(slipPrinted: slip.procedure, day: context.clock.today)
        } catch {
            context.logger.error("slip \(slip.dossierCode) printed but not counted for the day's tallies: \(error)")
        }
        context.publish([.slipPrinted(printer: printer.id, dossierCode: slip.dossierCode)])
    }
}
