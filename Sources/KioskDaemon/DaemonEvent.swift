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
    /// Commits fail (a full disk): presses and tickets are not stored.
    case storageFault(problem: String, message: String)
    /// A commit succeeded after `storageFault`.
    case storageReady
    case slipPrinted(printer: String, dossierCode: String)
    case slipNotPrinted(printer: String, dossierCode: String, problem: String, message: String)
    /// A day was sealed into the outbox (`hash` is its SHA-256, the next day's `previous`).
    case daySealed(day: String, hash: String)
    /// A ticket called to a counter (`calls`: 1 for the first call, then each recall).
    case ticketCalled(counter: String, counterNumber: Int, number: String, service: String, calls: Int)
    case ticketServing(counter: String, number: String)
    case ticketServed(counter: String, number: String, service: String, minutes: Double)
    case ticketNoShow(counter: String, number: String)
    case ticketTransferred(number: String, toService: String, toCounter: String?)
    case counterPaused(counter: String)
    case counterResumed(counter: String)
    /// A staff key that could not apply now; `message` says why (Vietnamese first).
    case queueKeyRefused(counter: String, message: String)
    /// The hall's speaker begins a call (its words are synthesized; the chime plays, then the words).
    case announcementStarted(number: String, counterNumber: Int)
    /// A call could not be spoken (no audio device, no espeak-ng); it was shown all the same.
    case announcementFailed(number: String, reason: String)

    /// Whether the screens' event stream (which needs no token) carries it: what the hall and the
    /// counters' screens show, never dossier codes or device paths.
    public var isForScreens: Bool {
        switch self {
        case .voteCounted, .pressRejected, .armed, .ticketIssued, .ticketPrinted, .ticketNotPrinted, .ticketsCancelled, .printerFault,
            .printerReady, .ticketCalled, .ticketServing, .ticketServed, .ticketNoShow, .ticketTransferred, .counterPaused, .counterResumed,
            .queueKeyRefused, .announcementStarted, .storageFault, .storageReady:
            true
        case .deviceConnected, .deviceDisconnected, .slipPrinted, .slipNotPrinted, .daySealed, .announcementFailed:
            false
        }
    }

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
        case .storageFault(let problem, let message):
            fields = ["event": "storage-fault", "problem": problem, "message": message]
        case .storageReady:
            fields = ["event": "storage-ready"]
        case .slipPrinted(let printer, let code):
            fields = ["event": "slip-printed", "printer": printer, "dossierCode": code]
        case .slipNotPrinted(let printer, let code, let problem, let message):
            fields = ["event": "slip-not-printed", "printer": printer, "dossierCode": code, "problem": problem, "message": message]
        case .daySealed(let day, let hash):
            fields = ["event": "day-sealed", "day": day, "hash": hash]
        case .ticketCalled(let counter, let counterNumber, let number, let service, let calls):
            fields = ["event": "ticket-called", "counter": counter, "counterNumber": counterNumber, "number": number, "service": service, "calls": calls]
        case .ticketServing(let counter, let number):
            fields = ["event": "ticket-serving", "counter": counter, "number": number]
        case .ticketServed(let counter, let number, let service, let minutes):
            fields = ["event": "ticket-served", "counter": counter, "number": number, "service": service, "minutes": (minutes * 10).rounded() / 10]
        case .ticketNoShow(let counter, let number):
            fields = ["event": "ticket-no-show", "counter": counter, "number": number]
        case .ticketTransferred(let number, let service, let counter):
            fields = ["event": "ticket-transferred", "number": number, "toService": service, "toCounter": counter ?? NSNull()]
        case .counterPaused(let counter):
            fields = ["event": "counter-paused", "counter": counter]
        case .counterResumed(let counter):
            fields = ["event": "counter-resumed", "counter": counter]
        case .queueKeyRefused(let counter, let message):
            fields = ["event": "queue-key-refused", "counter": counter, "message": message]
        case .announcementStarted(let number, let counterNumber):
            fields = ["event": "announcement-started", "number": number, "counterNumber": counterNumber]
        case .announcementFailed(let number, let reason):
            fields = ["event": "announcement-failed", "number": number, "reason": reason]
        }
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
