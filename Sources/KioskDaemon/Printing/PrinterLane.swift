import Foundation
import KioskCore
import KioskCups
import KioskPrint
import KioskProtocol
import KioskStore

/// One printer's thread: its tickets, slips and test pages one at a time, in order, each job
/// followed to its end. Every printer has its own lane, so a ticket printer that waits for paper
/// with a job in its backend holds up nobody else's slips.
///
/// While the printer has a problem the lane checks it every `retrySeconds`. After a job failed on
/// a queue that does not say it is stopped (CUPS aborted it, or held it to retry), or after
/// cupsd crashed on a job, the lane waits before the next job (`RetrySchedule.probe`,
/// `.crash`), and the next job is the probe: one ticket, not all of them. A ticket cupsd crashed
/// on twice is held until staff ask (`retryNow`).
final class PrinterLane: @unchecked Sendable {
    let printer: PrinterConfig
    let context: PrintContext
    let runner: CupsJobRunner
    /// Where every outcome is recorded and told.
    let ledger: PrintLedger
    private let threadName: String

    /// Shared with the threads that enqueue, cancel and retry.
    private let inbox = PrintInbox()
    private let finished = DispatchSemaphore(value: 0)

    // Confined to the lane's thread.
    /// No job before this (after a failed probe, or a crash).
    private var holdOffUntil: Date?
    private var probes = RetrySchedule.probe
    private var crashes = RetrySchedule.crash
    /// The printer may hold part of a job that ended early: the next raster job cuts it off.
    private var stubLeft = false
    /// Tickets already told "kept" during the current problem.
    private var toldKept: Set<TicketKey> = []

    init(printer: PrinterConfig, index: Int, context: PrintContext) {
        self.printer = printer
        self.context = context
        runner = CupsJobRunner(printer: printer)
        ledger = PrintLedger(printer: printer, context: context)
        threadName = "kiosk-print-\(index)"
    }

    func start() {
        let thread = Thread { [self] in
            enqueueKeptTickets()
            run()
            finished.signal()
        }
        thread.name = threadName
        thread.start()
    }

    /// Asks the lane to stop; `awaitStop` waits for it. A job in progress is left to CUPS: its
    /// ticket keeps the job id and is followed after the next start, never sent twice.
    func requestStop() {
        inbox.requestStop()
    }

    func awaitStop() {
        finished.wait()
    }

    func enqueue(_ work: PrintWork) {
        inbox.enqueue(work)
    }

    /// Staff cancelled these tickets (already marked in the store): out of the inbox, and a job in
    /// progress for one of them is cancelled in CUPS at the next look.
    func forget(_ keys: Set<TicketKey>) {
        inbox.forget(keys)
    }

    /// Staff ask to try the kept tickets now: waits after failures are over.
    func retryNow() {
        inbox.requestRetry()
    }

    private func run() {
        while let work = next() {
            switch work {
            case .ticket(let ticket):
                printTicket(ticket, again: false)
                inbox.finish(ticket)
            case .reprint(let ticket):
                printTicket(ticket, again: true)
                inbox.finish(ticket)
            case .slip(let slip, let copies, _, let reply):
                let result = printRequest(name: "slip \(slip.dossierCode)") { renderer, stub in try renderer.slip(slip, copies: copies, stubToCut: stub) }
                ledger.slip(slip, result)
                reply.send(result)
            case .testPage(_, let reply):
                let page = TestPagePrintout(
                    officeName: context.config.office.name, printerID: printer.id, queue: printer.queue, printedAt: context.clock.now(),
                    timeZone: context.clock.timeZone)
                reply.send(printRequest(name: "test page") { renderer, stub in try renderer.testPage(page, stubToCut: stub) })
            }
        }
    }

    /// The next work; while there is none and the printer has a problem, checks it again every
    /// `retrySeconds` (sooner when a hold-off ends).
    private func next() -> PrintWork? {
        inbox.next(
            idle: {
                if context.board.problem(of: printer.id) == nil && holdOffUntil == nil { return .sleep }
                var deadline = ThreadDeadline.after(context.retrySeconds)
                if let holdOffUntil, holdOffUntil < deadline { deadline = max(holdOffUntil, ThreadDeadline.now()) }
                return .wake(at: deadline)
            },
            onRetry: {
                holdOffUntil = nil
                probes.succeeded()
                recheck()
            },
            onWake: recheck)
    }

    private var isStopping: Bool { inbox.isStopping }

    private var inFlightCancelled: Bool { inbox.inFlightCancelled }

    private var heldOff: Bool {
        guard let holdOffUntil else { return false }
        return holdOffUntil > ThreadDeadline.now()
    }

    // MARK: - The printer's state

    /// A periodic check of a printer with a problem: when its queue can print again (and no
    /// hold-off runs), the kept tickets are queued; the first one is the probe.
    private func recheck() {
        guard !heldOff else { return }
        holdOffUntil = nil
        switch runner.check() {
        case .failure(let problem):
            report(problem)
        case .success(let status) where CupsJobRunner.blocks(status):
            report(.printer(status.conditions))
        case .success(let status):
            cancelJobsOfHeldTickets()
            let kept = (try? context.keptTickets(printer: printer.id)) ?? []
            if kept.isEmpty {
                // Nothing to probe with: trust the reasons; a stale one is cleared by the next job.
                let reported = PrinterCondition.reported(by: status.reasons)
                if reported.isEmpty { printerIsBack() } else { report(.printer(reported)) }
            } else {
                for ticket in kept { enqueue(.ticket(ticket)) }
            }
        }
    }

    /// Notes the printer's problem; a new one is announced, logged and counted, and the tickets
    /// are told about it afresh.
    func report(_ problem: PrintProblem) {
        if ledger.fault(problem) { toldKept = [] }
    }

    /// A job printed: whatever was wrong is over.
    private func printerIsBack() {
        probes.succeeded()
        crashes.succeeded()
        holdOffUntil = nil
        toldKept = []
        if ledger.back() { enqueueKeptTickets() }
    }

    private func enqueueKeptTickets() {
        do {
            for ticket in try context.keptTickets(printer: printer.id) { enqueue(.ticket(ticket)) }
        } catch {
            context.logger.error("cannot read the tickets awaiting print: \(error)")
        }
    }

    /// After a job failed: how long to wait before the next one.
    private func holdOff(after problem: PrintProblem, queueStopped: Bool) {
        switch problem {
        case .crashed:
            holdOffUntil = ThreadDeadline.after(crashes.failed())
        case .printer, .aborted, .timedOut:
            // A stopped queue says itself when it can print again.
            if !queueStopped { holdOffUntil = ThreadDeadline.after(probes.failed()) }
        case .unreachable, .refused, .render:
            break
        }
    }

    // MARK: - Tickets

    private func printTicket(_ ticket: StoredTicket, again: Bool) {
        if heldOff, let problem = context.board.problem(of: printer.id) {
            tellKept(ticket, problem)
            return
        }
        let title = PrinterRenderer.ticketTitle(ticket.number.description)
        if !again, let job = ticket.printJob {
            switch runner.earlier(job, title: title) {
            case .printed:
                context.logger.notice("ticket \(ticket.number): CUPS printed job \(job) already")
                conclude(ticket, .printed(job: job))
                return
            case .inCups(let status):
                context.logger.notice("ticket \(ticket.number): following its job \(job), still in CUPS (\(status.state))")
                let printerStatus = (try? runner.check().get()) ?? PrinterStatus(state: .processing)
                conclude(ticket, runner.follow(job, printer: printerStatus, whileInProgress: { watchTicket(ticket, faults: $0) }))
                return
            case .gone(let cutShort):
                stubLeft = stubLeft || cutShort
            case .unknown(let problem):
                conclude(ticket, .notPrinted(problem, job: nil, cutShort: false))
                return
            }
        }
        let documents: [PrintDocument]
        do {
            documents = try render(ticket)
        } catch {
            conclude(ticket, .notPrinted(.render("\(error)"), job: nil, cutShort: false))
            return
        }
        let outcome = runner.print(
            documents,
            created: { job in ledger.jobCreated(ticket, job: job) },
            whileInProgress: { watchTicket(ticket, faults: $0) })
        conclude(ticket, outcome)
    }

    private func render(_ ticket: StoredTicket) throws -> [PrintDocument] {
        let printout = TicketPrintoutBuilder(config: context.config, timeZone: context.clock.timeZone).printout(for: ticket)
        let renderer = PrinterRenderer(printer: printer)
        let stub = stubLeft
        return try context.renderer.render { try renderer.ticket(printout, stubToCut: stub) }
    }

    /// At each look at a ticket's job in progress: a fault is reported at once (the ticket is
    /// kept, and whatever else waits for this printer is answered), the job is left alone.
    private func watchTicket(_ ticket: StoredTicket, faults: [PrinterCondition]) -> CupsJobRunner.Follow {
        if inFlightCancelled { return .cancel(.aborted) }
        if isStopping { return .leave }
        guard !faults.isEmpty else { return .wait }
        let problem = PrintProblem.printer(faults)
        report(problem)
        tellKept(ticket, problem)
        answerWaitingWork(problem)
        return .wait
    }

    private func conclude(_ ticket: StoredTicket, _ outcome: CupsJobRunner.Outcome) {
        let number = ticket.number.description
        switch outcome {
        case .printed(let job):
            stubLeft = false
            ledger.printed(ticket, job: job)
            printerIsBack()
        case .leftInCups(let job):
            context.logger.notice("ticket \(number): job \(job) left to CUPS; followed after the next start")
        case .notPrinted(let problem, let job, let cutShort):
            stubLeft = stubLeft || cutShort
            if inFlightCancelled {
                context.logger.notice("ticket \(number): job \(job.map(String.init) ?? "-") cancelled by staff")
                return
            }
            ledger.countJob(printed: false, job: job)
            if job != nil { holdOff(after: problem, queueStopped: problem != .crashed && queueStopped) }
            if problem == .crashed, let job, crashed(ticket, job: job) { return }
            ledger.failed(ticket, problem, job: job)
            report(problem)
            tellKept(ticket, problem, recorded: true)
        }
    }

    private var queueStopped: Bool {
        if case .success(let status) = runner.check() { return CupsJobRunner.blocks(status) }
        return false
    }

    /// cupsd went away right after taking the ticket's job. Counted; the second time the ticket
    /// is held (true) until staff ask, so that a job that kills cupsd is not sent forever.
    private func crashed(_ ticket: StoredTicket, job: Int32) -> Bool {
        let count = ledger.countCrash(ticket)
        report(.crashed)
        guard count >= 2 else {
            context.logger.error("ticket \(ticket.number): CUPS stopped right after taking job \(job); sending it again in a while")
            return false
        }
        // Held in the store first: if kioskd stops before the cancel, the restart cancels the job
        // (`cancelJobsOfHeldTickets`) instead of sending the ticket once more.
        ledger.held(ticket, job: job)
        try? CupsClient(server: printer.server, timeoutSeconds: printer.timeoutSeconds).cancel(job, queue: printer.queue)
        toldKept.insert(TicketKey(ticket))
        return true
    }

    /// A held ticket's job may still be in CUPS (reloaded after a restart): cancel it, so that
    /// cupsd does not crash on it again by itself.
    private func cancelJobsOfHeldTickets() {
        let day = context.numberingDay
        guard let held = try? context.store.ticketsHeldFromPrint() else { return }
        for ticket in held where ticket.day == day && context.config.ticketTerminal(id: ticket.terminal)?.printer == printer.id {
            guard let job = ticket.printJob else { continue }
            if case .inCups = runner.earlier(job, title: PrinterRenderer.ticketTitle(ticket.number.description)) {
                try? CupsClient(server: printer.server, timeoutSeconds: printer.timeoutSeconds).cancel(job, queue: printer.queue)
            }
        }
    }

    /// Tells the ticket's terminal that its ticket is kept, once per problem.
    private func tellKept(_ ticket: StoredTicket, _ problem: PrintProblem, recorded: Bool = false) {
        guard toldKept.insert(TicketKey(ticket)).inserted else { return }
        ledger.kept(ticket, problem, recorded: recorded)
    }

    /// While a job waits in the backend for the printer: tickets behind it are told they are
    /// kept (they are queued again when the printer is back), slips and test pages are answered
    /// with the problem instead of waiting.
    private func answerWaitingWork(_ problem: PrintProblem) {
        for work in inbox.takeAll() {
            switch work {
            case .ticket(let ticket), .reprint(let ticket): tellKept(ticket, problem)
            case .slip(_, _, let id, let reply), .testPage(let id, let reply): reply.send(PrintResult(printer: id, job: nil, problem: problem))
            }
        }
    }

    // MARK: - Slips and test pages

    /// A slip or test page someone waits for: not sent while cupsd may crash on it again; a
    /// printer fault ends the job at once (the answer says why; nothing is kept).
    private func printRequest(name: String, _ make: @escaping @Sendable (PrinterRenderer, Bool) throws -> [PrintDocument]) -> PrintResult {
        if heldOff, let problem = context.board.problem(of: printer.id), problem == .crashed {
            return PrintResult(printer: printer.id, job: nil, problem: problem)
        }
        let renderer = PrinterRenderer(printer: printer)
        let stub = stubLeft
        let outcome: CupsJobRunner.Outcome
        do {
            let documents = try context.renderer.render { try make(renderer, stub) }
            outcome = runner.print(documents) { [self] faults in
                if isStopping { return .leave }
                return faults.isEmpty ? .wait : .cancel(.printer(faults))
            }
        } catch {
            outcome = .notPrinted(.render("\(error)"), job: nil, cutShort: false)
        }
        switch outcome {
        case .printed(let job):
            stubLeft = false
            ledger.countJob(printed: true, job: job)
            printerIsBack()
            return PrintResult(printer: printer.id, job: job, problem: nil)
        case .leftInCups(let job):
            return PrintResult(printer: printer.id, job: job, problem: .timedOut)
        case .notPrinted(let problem, let job, let cutShort):
            stubLeft = stubLeft || cutShort
            ledger.countJob(printed: false, job: job)
            context.logger.warning("\(name) not printed on \(printer.id): \(problem.message)")
            report(problem)
            if problem == .crashed { holdOff(after: problem, queueStopped: false) }
            return PrintResult(printer: printer.id, job: job, problem: problem)
        }
    }
}

/// A ticket's identity in the store.
struct TicketKey: Hashable, Sendable {
    var day: LocalDay
    var service: String
    var number: Int

    init(_ ticket: StoredTicket) {
        day = ticket.day
        service = ticket.service
        number = ticket.number.number
    }
}
