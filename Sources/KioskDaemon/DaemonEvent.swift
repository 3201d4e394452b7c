import Foundation

/// What the daemon tells local listeners (screens, `kioskctl watch`) through the control socket.
///
/// A vote event says that an answer counted, never which answer: the screen only needs to say
/// thank you, and a stream of (time, choice) pairs is what anonymity forbids.
public enum DaemonEvent: Sendable, Equatable {
    case voteCounted(terminal: String, question: String, questionIndex: Int, completesRating: Bool)
    case pressRejected(terminal: String, kind: String)
    case armed(terminal: String, windowSeconds: Double)
    case deviceConnected(path: String, role: String)
    case deviceDisconnected(path: String, role: String, reason: String)
    /// A ticket was committed (its number is used from now on, printed or not).
    case ticketIssued(terminal: String, number: String, service: String, priority: Bool, waitingAhead: Int)
    case ticketPrinted(terminal: String, number: String, printer: String)
    /// The ticket is kept; `message` says why it is not printed, for the screen.
    case ticketNotPrinted(terminal: String, number: String, printer: String, problem: String, message: String)
    case ticketsCancelled(numbers: [String])
    case printerFault(printer: String, problem: String, message: String)
    case printerReady(printer: String)
    case slipPrinted(printer: String, dossierCode: String)
    case slipNotPrinted(printer: String, dossierCode: String, problem: String, message: String)
    /// A day was sealed into the outbox (`hash` is its SHA-256, the next day's `previous`).
    case daySealed(day: String, hash: String)

    public var json: String {
        let fields: [String: Any]
        switch self {
        case .voteCounted(let terminal, let question, let index, let completes):
            fields = ["event": "vote-counted", "terminal": terminal, "question": question, "questionIndex": index, "completesRating": completes]
        case .pressRejected(let terminal, let kind):
            fields = ["event": "press-rejected", "terminal": terminal, "kind": kind]
        case .armed(let terminal, let window):
            fields = ["event": "armed", "terminal": terminal, "windowSeconds": window]
        case .deviceConnected(let path, let role):
            fields = ["event": "device-connected", "path": path, "role": role]
        case .deviceDisconnected(let path, let role, let reason):
            fields = ["event": "device-disconnected", "path": path, "role": role, "reason": reason]
        case .ticketIssued(let terminal, let number, let service, let priority, let waiting):
            fields = [
                "event": "ticket-issued", "terminal": terminal, "number": number, "service": service, "priority": priority,
                "waitingAhead": waiting,
            ]
        case .ticketPrinted(let terminal, let number, let printer):
            fields = ["event": "ticket-printed", "terminal": terminal, "number": number, "printer": printer]
        case .ticketNotPrinted(let terminal, let number, let printer, let problem, let message):
            fields = [
                "event": "ticket-not-printed", "terminal": terminal, "number": number, "printer": printer, "problem": problem,
                "message": message,
            ]
        case .ticketsCancelled(let numbers):
            fields = ["event": "tickets-cancelled", "numbers": numbers]
        case .printerFault(let printer, let problem, let message):
            fields = ["event": "printer-fault", "printer": printer, "problem": problem, "message": message]
        case .printerReady(let printer):
            fields = ["event": "printer-ready", "printer": printer]
        case .slipPrinted(let printer, let code):
            fields = ["event": "slip-printed", "printer": printer, "dossierCode": code]
        case .slipNotPrinted(let printer, let code, let problem, let message):
            fields = ["event": "slip-not-printed", "printer": printer, "dossierCode": code, "problem": problem, "message": message]
        case .daySealed(let day, let hash):
            fields = ["event": "day-sealed", "day": day, "hash": hash]
        }
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
