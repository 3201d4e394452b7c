import Foundation
import KioskCore
import KioskStore

/// The control socket's commands beyond `status` and `subscribe`, for `kioskctl`. Each answers
/// one JSON line; a failure has an "error" key.
///
/// - `reprint [TERMINAL]`: prints the terminal's last ticket again (the only ticket terminal if omitted).
/// - `print-test [PRINTER]`: a test page (every printer if omitted).
/// - `print-cancel [NUMBER …]`: staff give up printing the awaiting tickets (all of today's if none named).
/// - `print-retry [NUMBER …]`: print the kept tickets now, held ones included (all of today's if none named).
/// - `print-slip JSON`: a slip request (see `SlipDesk`).
/// - `seal`: seals the finished days now (after `kioskctl enroll`), rather than at the next check.
struct ControlCommands: Sendable {
    let config: OfficeConfig
    let store: KioskDatabase
    let spooler: PrintSpooler
    let slips: SlipDesk?
    let sealer: DaySealer
    /// How long a command waits for the printer before answering that it is still printing.
    var replyTimeout: Double = 60

    func run(_ line: String) -> String {
        let (command, argument) = Self.split(line)
        switch command {
        case "reprint": return reprint(terminal: argument)
        case "print-test": return printTest(printer: argument)
        case "print-cancel": return cancel(numbers: argument.map { $0.split(separator: " ").map(String.init) })
        case "print-retry": return retry(numbers: argument.map { $0.split(separator: " ").map(String.init) })
        case "print-slip":
            guard let slips else { return Self.error("slips are not configured: the office file has no [slips] table") }
            return slips.handle(Array((argument ?? "").utf8)).body
        case "seal": return seal()
        default:
            return Self.error(
                "unknown command \"\(command)\"; expected status, subscribe, reprint, print-test, print-cancel, print-retry, print-slip or seal")
        }
    }

    private func seal() -> String {
        switch sealer.sealNow() {
        case .success(let sealed):
            let waiting = (try? store.outbox().count) ?? -1
            return Self.json(["sealed": sealed.map { ["day": $0.day.description, "hash": $0.hash] }, "outbox": waiting])
        case .failure(.notEnrolled(let reason)):
            return Self.error("the kiosk has no signing key: \(reason)")
        case .failure(.store(let reason)):
            return Self.error("sealing failed: \(reason)")
        }
    }

    private func reprint(terminal: String?) -> String {
        let terminals = config.ticketTerminals.map(\.id)
        guard let id = terminal ?? (terminals.count == 1 ? terminals[0] : nil) else {
            return Self.error(terminals.isEmpty ? "no ticket terminal is configured" : "name the terminal: one of \(terminals.joined(separator: ", "))")
        }
        guard terminals.contains(id) else { return Self.error("unknown ticket terminal \"\(id)\"; expected one of: \(terminals.joined(separator: ", "))") }
        do {
            guard let ticket = try store.lastTicket(terminal: id) else { return Self.error("terminal \(id) has issued no ticket yet") }
            spooler.enqueue(.reprint(ticket))
            return Self.json(["reprinting": ticket.number.description, "terminal": id])
        } catch {
            return Self.error("cannot read the last ticket: \(error)")
        }
    }

    private func printTest(printer: String?) -> String {
        let ids = printer.map { [$0] } ?? config.printers.map(\.id)
        guard !ids.isEmpty else { return Self.error("no printer is configured") }
        if let unknown = ids.first(where: { config.printer(id: $0) == nil }) {
            return Self.error("unknown printer \"\(unknown)\"; expected one of: \(config.printers.map(\.id).joined(separator: ", "))")
        }
        var results: [[String: Any]] = []
        for id in ids {
            let reply = Reply<PrintResult>()
            spooler.enqueue(.testPage(printer: id, reply: reply))
            results.append(reply.wait(timeout: replyTimeout)?.json ?? ["printer": id, "printed": false, "problem": "still-printing"])
        }
        return Self.json(["results": results])
    }

    private func cancel(numbers: [String]?) -> String {
        Self.json(["cancelled": spooler.cancelTickets(numbers)])
    }

    private func retry(numbers: [String]?) -> String {
        do {
            let answer = try spooler.retry(numbers)
            guard answer.unknown.isEmpty else {
                return Self.error("not awaiting print today: \(answer.unknown.joined(separator: ", ")); `kioskctl status` lists the kept tickets")
            }
            return Self.json(["released": answer.released])
        } catch {
            return Self.error("cannot read the kept tickets: \(error)")
        }
    }

    private static func split(_ line: String) -> (String, String?) {
        guard let space = line.firstIndex(of: " ") else { return (line, nil) }
        let rest = line[line.index(after: space)...].trimmingCharacters(in: .whitespaces)
        return (String(line[..<space]), rest.isEmpty ? nil : rest)
    }

    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func error(_ message: String) -> String { json(["error": message]) }
}
