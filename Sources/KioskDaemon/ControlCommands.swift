import Foundation
import KioskCore
import KioskProtocol
import KioskStore

/// The control socket's requests beyond `status` and `subscribe`, for `kioskctl` (see
/// `ControlRequest`). Each answers one JSON line: the request's reply type, or `ControlFailure`.
struct ControlCommands: Sendable {
    let config: OfficeConfig
    let store: KioskDatabase
    let spooler: PrintSpooler
    let slips: SlipDesk?
    let sealer: DaySealer
    /// How long a command waits for the printer before answering that it is still printing.
    var replyTimeout: Double = 60

    func run(_ request: ControlRequest) -> String {
        switch request {
        case .reprint(let terminal): Self.answer(reprint(terminal: terminal))
        case .printTest(let printer): Self.answer(printTest(printer: printer))
        case .printCancel(let numbers): ProtocolJSON.encode(CancelReply(cancelled: spooler.cancelTickets(numbers)))
        case .printRetry(let numbers): Self.answer(retry(numbers: numbers))
        case .printSlip(let body):
            if let slips {
                slips.handle(Array(body.utf8)).body
            } else {
                Self.answer(Result<SlipReply, ControlFailure>.failure(Self.failure("slips are not configured: the office file has no [slips] table")))
            }
        case .seal: Self.answer(seal())
        case .reloadCalendars: Self.answer(reloadCalendars())
        case .status, .subscribe:
            // The server answers these itself; they never reach here.
            ProtocolJSON.encode(Self.failure("\(request.command) is answered by the control server"))
        }
    }

    private func seal() -> Result<SealReply, ControlFailure> {
        switch sealer.sealNow() {
        case .success(let sealed):
            let waiting = (try? store.outbox().count) ?? -1
            return .success(SealReply(sealed: sealed.map { .init(day: $0.day.description, hash: $0.hash) }, outbox: waiting))
        case .failure(.notEnrolled(let reason)):
            return .failure(Self.failure("the kiosk has no signing key: \(reason)"))
        case .failure(.store(let reason)):
            return .failure(Self.failure("sealing failed: \(reason)"))
        }
    }

    /// The calendar files read again; on any problem the calendar in use stays.
    private func reloadCalendars() -> Result<StatusReport.Calendar, ControlFailure> {
        guard let slips, let book = slips.calendar else {
            return .failure(Self.failure("no working-day calendar to reload: the office file has no [slips] table"))
        }
        switch book.reload() {
        case .success(let calendar):
            slips.logger.notice("working-day calendar reloaded: \(CalendarStatus.summary(calendar))")
            return .success(CalendarStatus.report(calendar, today: slips.clock.today))
        case .failure(let errors):
            let count = errors.issues.count
            slips.logger.error("working-day calendar not reloaded, the one in use stays:\n\(errors)")
            return .failure(
                ControlFailure(
                    error: "calendar not reloaded, the one in use stays: \(count) problem\(count == 1 ? "" : "s")",
                    problems: errors.issues.map { .init(field: $0.key.isEmpty ? $0.file : "\($0.file): \($0.key)", reason: $0.message) }))
        }
    }

    private func reprint(terminal: String?) -> Result<ReprintReply, ControlFailure> {
        let terminals = config.ticketTerminals.map(\.id)
        guard let id = terminal ?? (terminals.count == 1 ? terminals[0] : nil) else {
            return .failure(
                Self.failure(terminals.isEmpty ? "no ticket terminal is configured" : "name the terminal: one of \(terminals.joined(separator: ", "))"))
        }
        guard terminals.contains(id) else {
            return .failure(Self.failure("unknown ticket terminal \"\(id)\"; expected one of: \(terminals.joined(separator: ", "))"))
        }
        do {
            guard let ticket = try store.lastTicket(terminal: id) else { return .failure(Self.failure("terminal \(id) has issued no ticket yet")) }
            spooler.enqueue(.reprint(ticket))
            return .success(ReprintReply(reprinting: ticket.number.description, terminal: id))
        } catch {
            return .failure(Self.failure("cannot read the last ticket: \(error)"))
        }
    }

    private func printTest(printer: String?) -> Result<TestPagesReply, ControlFailure> {
        let ids = printer.map { [$0] } ?? config.printers.map(\.id)
        guard !ids.isEmpty else { return .failure(Self.failure("no printer is configured")) }
        if let unknown = ids.first(where: { config.printer(id: $0) == nil }) {
            return .failure(Self.failure("unknown printer \"\(unknown)\"; expected one of: \(config.printers.map(\.id).joined(separator: ", "))"))
        }
        var results: [PrintOutcome] = []
        for id in ids {
            let reply = Reply<PrintResult>()
            spooler.enqueue(.testPage(printer: id, reply: reply))
            results.append(reply.wait(timeout: replyTimeout)?.outcome ?? PrintOutcome(printer: id, printed: false, problem: "still-printing"))
        }
        return .success(TestPagesReply(results: results))
    }

    private func retry(numbers: [String]?) -> Result<RetryReply, ControlFailure> {
        do {
            let answer = try spooler.retry(numbers)
            guard answer.unknown.isEmpty else {
                return .failure(
                    Self.failure("not awaiting print today: \(answer.unknown.joined(separator: ", ")); `kioskctl status` lists the kept tickets"))
            }
            return .success(RetryReply(released: answer.released))
        } catch {
            return .failure(Self.failure("cannot read the kept tickets: \(error)"))
        }
    }

    static func failure(_ message: String) -> ControlFailure { ControlFailure(error: message) }

    static func answer<Reply: Encodable>(_ result: Result<Reply, ControlFailure>) -> String {
        switch result {
        case .success(let reply): ProtocolJSON.encode(reply)
        case .failure(let failure): ProtocolJSON.encode(failure)
        }
    }
}
