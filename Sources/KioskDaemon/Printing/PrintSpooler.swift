import Foundation
import KioskCore
import KioskPrint
import KioskStore
import Logging

/// The print thread: renders and prints tickets, slips and test pages one at a time, in order,
/// on one long-lived thread (Pango's font map is per thread), so that a slow or hung CUPS never
/// holds up the input thread, which only enqueues.
///
/// A ticket that cannot be printed stays in the store as `failed` with the reason; while any
/// printer has a problem the thread checks it every `retrySeconds`, and when it is back prints
/// the day's awaiting tickets, oldest first — unless staff cancelled them.
final class PrintSpooler: @unchecked Sendable {
    private let config: OfficeConfig
    private let store: KioskDatabase
    private let board: PrinterBoard
    private let publish: @Sendable ([DaemonEvent]) -> Void
    private let logger: Logger
    private let wallClock: @Sendable () -> Date
    private let retrySeconds: Double
    private let timeZone: TimeZone

    private let condition = NSCondition()
    private var queue: [PrintWork] = []
    /// Tickets in `queue`, so a retry does not queue one twice.
    private var queuedTickets: Set<String> = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    init(
        config: OfficeConfig, store: KioskDatabase, board: PrinterBoard, logger: Logger, retrySeconds: Double = 2,
        wallClock: @escaping @Sendable () -> Date = { Date() }, publish: @escaping @Sendable ([DaemonEvent]) -> Void
    ) {
        self.config = config
        self.store = store
        self.board = board
        self.logger = logger
        self.retrySeconds = retrySeconds
        self.wallClock = wallClock
        self.publish = publish
        timeZone = TimeZone(identifier: config.office.timeZone)!
    }

    func start() {
        enqueueAwaitingTickets(printer: nil)
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "kiosk-print"
        thread.start()
    }

    /// Lets the job in hand finish (bounded by the CUPS timeouts), then stops. Queued tickets stay
    /// committed as awaiting and are printed after the next start.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    func enqueue(_ work: PrintWork) {
        condition.lock()
        if case .ticket(let ticket) = work {
            guard queuedTickets.insert(Self.key(ticket)).inserted else {
                condition.unlock()
                return
            }
        }
        queue.append(work)
        condition.signal()
        condition.unlock()
    }

    /// Tickets waiting in memory now, by printer (for status).
    func awaitingCounts() -> [String: Int] {
        let day = numberingDay()
        let awaiting = (try? store.ticketsAwaitingPrint().filter { $0.day == day }) ?? []
        var counts: [String: Int] = [:]
        for ticket in awaiting {
            if let printer = config.ticketTerminal(id: ticket.terminal)?.printer { counts[printer, default: 0] += 1 }
        }
        return counts
    }

    private func run() {
        while let work = next() {
            switch work {
            case .ticket(let ticket):
                printTicket(ticket)
                condition.lock()
                queuedTickets.remove(Self.key(ticket))
                condition.unlock()
            case .slip(let slip, let copies, let printer, let reply):
                reply.send(printSlip(slip, copies: copies, printerID: printer))
            case .testPage(let printer, let reply):
                reply.send(printTestPage(printerID: printer))
            case .cancelTickets(let numbers, let reply):
                reply.send(cancelTickets(numbers))
            }
        }
    }

    /// The next work item; while waiting, rechecks faulty printers every `retrySeconds`.
    private func next() -> PrintWork? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopping { return nil }
            if !queue.isEmpty { return queue.removeFirst() }
            if board.faultyPrinters.isEmpty {
                condition.wait()
            } else if !condition.wait(until: Date().addingTimeInterval(retrySeconds)) {
                condition.unlock()
                recheckFaultyPrinters()
                condition.lock()
            }
        }
    }

    private func recheckFaultyPrinters() {
        for id in board.faultyPrinters {
            guard let printer = config.printer(id: id) else { continue }
            switch CupsJobRunner(printer: printer).check() {
            case .success(let status) where !CupsJobRunner.blocks(status):
                if board.setProblem(printer: id, nil) {
                    logger.notice("printer \(id) is back; printing the tickets that wait for it")
                    publish([.printerReady(printer: id)])
                }
                enqueueAwaitingTickets(printer: id)
            case .success(let status):
                announce(printer: id, problem: board.setProblem(printer: id, .printer(status.conditions)) ? .printer(status.conditions) : nil)
            case .failure(let problem):
                announce(printer: id, problem: board.setProblem(printer: id, problem) ? problem : nil)
            }
        }
    }

    /// Queues today's tickets whose printing has not succeeded (for one printer, or all).
    private func enqueueAwaitingTickets(printer: String?) {
        let day = numberingDay()
        do {
            for ticket in try store.ticketsAwaitingPrint() where ticket.day == day {
                guard printer == nil || config.ticketTerminal(id: ticket.terminal)?.printer == printer else { continue }
                enqueue(.ticket(ticket))
            }
        } catch {
            logger.error("cannot read the tickets awaiting print: \(error)")
        }
    }

    private func printTicket(_ ticket: StoredTicket) {
        let number = ticket.number.description
        guard let terminal = config.ticketTerminal(id: ticket.terminal), let printer = config.printer(id: terminal.printer) else {
            logger.error("ticket \(number): terminal \(ticket.terminal) has no printer in the office file")
            return
        }
        let forecast = (try? QueueDesk(config: config, store: store, wallClock: { Date() }).forecast(for: ticket)) ?? (ahead: ticket.waitingAhead, minutes: nil)
        let printout = TicketPrintoutBuilder(config: config).printout(for: ticket, waitingAhead: forecast.ahead, estimatedWaitMinutes: forecast.minutes)
        let outcome: CupsJobRunner.Outcome
        do {
            let documents = try PrinterRenderer(printer: printer).ticket(printout)
            outcome = CupsJobRunner(printer: printer).print(documents) { job in
                try? store.setPrintState(.pending, day: ticket.day, service: ticket.service, number: ticket.number.number, job: job)
            }
        } catch {
            outcome = .notPrinted(.render("\(error)"), job: nil)
        }
        switch outcome {
        case .printed(let job):
            record(ticket, .printed, job: job, message: "")
            _ = board.note(printer: printer.id, problem: nil, printed: true, job: job)
            publish([.ticketPrinted(terminal: ticket.terminal, number: number, printer: printer.id)])
        case .notPrinted(let problem, let job):
            record(ticket, .failed, job: job, message: problem.message)
            logger.warning("ticket \(number) kept, not printed on \(printer.id): \(problem.message)")
            let changed = board.note(printer: printer.id, problem: problem, printed: false, job: job)
            var events: [DaemonEvent] = [
                .ticketNotPrinted(
                    terminal: ticket.terminal, number: number, printer: printer.id, problem: problem.code,
                    message: DaemonTexts.ticketKept(number, problem: problem.words))
            ]
            if changed {
                events.append(.printerFault(printer: printer.id, problem: problem.code, message: problem.message))
                countFault(printer: printer.id, problem: problem)
            }
            publish(events)
        }
    }

    private func record(_ ticket: StoredTicket, _ state: TicketPrintState, job: Int32?, message: String) {
        do {
            try store.setPrintState(state, day: ticket.day, service: ticket.service, number: ticket.number.number, job: job, message: message)
        } catch {
            logger.error("ticket \(ticket.number): cannot record print state \(state.rawValue): \(error)")
        }
    }

    private func printSlip(_ slip: SlipPrintout, copies: Int, printerID: String) -> PrintResult {
        guard let printer = config.printer(id: printerID) else {
            return PrintResult(printer: printerID, job: nil, problem: .refused("no printer \(printerID)"))
        }
        let outcome: CupsJobRunner.Outcome
        do {
            outcome = CupsJobRunner(printer: printer).print(try PrinterRenderer(printer: printer).slip(slip, copies: copies))
        } catch {
            outcome = .notPrinted(.render("\(error)"), job: nil)
        }
        let result = conclude(outcome, printer: printer)
        if let problem = result.problem {
            logger.warning("slip \(slip.dossierCode) not printed on \(printer.id): \(problem.message)")
            publish([.slipNotPrinted(printer: printer.id, dossierCode: slip.dossierCode, problem: problem.code, message: problem.message)])
        } else {
            do {
                try store.record(slipPrinted: slip.procedure, day: LocalDay(wallClock(), in: timeZone))
            } catch {
                logger.error("slip \(slip.dossierCode) printed but not counted for the day's tallies: \(error)")
            }
            publish([.slipPrinted(printer: printer.id, dossierCode: slip.dossierCode)])
        }
        return result
    }

    private func printTestPage(printerID: String) -> PrintResult {
        guard let printer = config.printer(id: printerID) else {
            return PrintResult(printer: printerID, job: nil, problem: .refused("no printer \(printerID)"))
        }
        let page = TestPagePrintout(
            officeName: config.office.name, printerID: printer.id, queue: printer.queue, printedAt: wallClock(), timeZone: timeZone)
        let outcome: CupsJobRunner.Outcome
        do {
            outcome = CupsJobRunner(printer: printer).print(try PrinterRenderer(printer: printer).testPage(page))
        } catch {
            outcome = .notPrinted(.render("\(error)"), job: nil)
        }
        return conclude(outcome, printer: printer)
    }

    /// Notes a slip's or test page's outcome on the board and announces a new printer problem.
    private func conclude(_ outcome: CupsJobRunner.Outcome, printer: PrinterConfig) -> PrintResult {
        switch outcome {
        case .printed(let job):
            if board.note(printer: printer.id, problem: nil, printed: true, job: job) {
                publish([.printerReady(printer: printer.id)])
            }
            return PrintResult(printer: printer.id, job: job, problem: nil)
        case .notPrinted(let problem, let job):
            announce(printer: printer.id, problem: board.note(printer: printer.id, problem: problem, printed: false, job: job) ? problem : nil)
            return PrintResult(printer: printer.id, job: job, problem: problem)
        }
    }

    private func announce(printer: String, problem: PrintProblem?) {
        guard let problem else { return }
        logger.warning("printer \(printer): \(problem.message)")
        countFault(printer: printer, problem: problem)
        publish([.printerFault(printer: printer, problem: problem.code, message: problem.message)])
    }

    /// Counts a printer going into a fault, for the day's sealed tallies.
    private func countFault(printer: String, problem: PrintProblem) {
        do {
            try store.record(printerFault: problem.code, printer: printer, day: LocalDay(wallClock(), in: timeZone))
        } catch {
            logger.error("printer \(printer): fault \(problem.code) not counted for the day's tallies: \(error)")
        }
    }

    private func cancelTickets(_ numbers: [String]?) -> [String] {
        let wanted = numbers.map { Set($0) }
        do {
            let day = numberingDay()
            let awaiting = try store.ticketsAwaitingPrint().filter { $0.day == day }
            let chosen = awaiting.filter { wanted?.contains($0.number.description) ?? true }.map(\.number)
            let cancelled = try store.cancelAwaitingPrint(day: day, numbers: chosen).map(\.number.description)
            condition.lock()
            queue.removeAll { work in
                if case .ticket(let ticket) = work, cancelled.contains(ticket.number.description), ticket.day == day {
                    queuedTickets.remove(Self.key(ticket))
                    return true
                }
                return false
            }
            condition.unlock()
            if !cancelled.isEmpty {
                logger.notice("staff cancelled the printing of \(cancelled.joined(separator: ", "))")
                publish([.ticketsCancelled(numbers: cancelled)])
            }
            return cancelled
        } catch {
            logger.error("cannot cancel tickets: \(error)")
            return []
        }
    }

    private func numberingDay() -> LocalDay {
        NumberingDay.of(wallClock(), timeZone: timeZone, resetHour: config.ticketing.resetHour)
    }

    private static func key(_ ticket: StoredTicket) -> String {
        "\(ticket.day) \(ticket.service) \(ticket.number.number)"
    }
}
