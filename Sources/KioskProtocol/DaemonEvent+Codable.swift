/// The wire form of an event: one flat JSON object whose `event` member names the kind, as the
/// screens' scripts, `kioskctl watch` and the tests read it. A field added to a case must be
/// added here too, and the compiler asks for it in both directions.
extension DaemonEvent: Codable {
    private enum Key: String, CodingKey {
        case event, terminal, question, questionIndex, completesRating, kind, windowSeconds, path, role, reason, number, service, priority,
            waitingAhead, printer, problem, message, numbers, dossierCode, day, hash, counter, counterNumber, calls, minutes, toService,
            toCounter
    }

    /// The `event` member of each kind.
    public var name: String {
        switch self {
        case .voteCounted: "vote-counted"
        case .pressRejected: "press-rejected"
        case .armed: "armed"
        case .deviceConnected: "device-connected"
        case .deviceDisconnected: "device-disconnected"
        case .ticketIssued: "ticket-issued"
        case .ticketPrinted: "ticket-printed"
        case .ticketNotPrinted: "ticket-not-printed"
        case .ticketsCancelled: "tickets-cancelled"
        case .printerFault: "printer-fault"
        case .printerReady: "printer-ready"
        case .storageFault: "storage-fault"
        case .storageReady: "storage-ready"
        case .slipPrinted: "slip-printed"
        case .slipNotPrinted: "slip-not-printed"
        case .daySealed: "day-sealed"
        case .ticketCalled: "ticket-called"
        case .ticketServing: "ticket-serving"
        case .ticketServed: "ticket-served"
        case .ticketNoShow: "ticket-no-show"
        case .ticketTransferred: "ticket-transferred"
        case .counterPaused: "counter-paused"
        case .counterResumed: "counter-resumed"
        case .queueKeyRefused: "queue-key-refused"
        case .announcementStarted: "announcement-started"
        case .announcementFailed: "announcement-failed"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(name, forKey: .event)
        switch self {
        case .voteCounted(let terminal, let question, let index, let completes):
            try c.encode(terminal, forKey: .terminal)
            try c.encode(question, forKey: .question)
            try c.encode(index, forKey: .questionIndex)
            try c.encode(completes, forKey: .completesRating)
        case .pressRejected(let terminal, let kind):
            try c.encode(terminal, forKey: .terminal)
            try c.encode(kind, forKey: .kind)
        case .armed(let terminal, let window):
            try c.encode(terminal, forKey: .terminal)
            try c.encode(window, forKey: .windowSeconds)
        case .deviceConnected(let path, let role):
            try c.encode(path, forKey: .path)
            try c.encode(role, forKey: .role)
        case .deviceDisconnected(let path, let role, let reason):
            try c.encode(path, forKey: .path)
            try c.encode(role, forKey: .role)
            try c.encode(reason, forKey: .reason)
        case .ticketIssued(let terminal, let number, let service, let priority, let waiting):
            try c.encode(terminal, forKey: .terminal)
            try c.encode(number, forKey: .number)
            try c.encode(service, forKey: .service)
            try c.encode(priority, forKey: .priority)
            try c.encode(waiting, forKey: .waitingAhead)
        case .ticketPrinted(let terminal, let number, let printer):
            try c.encode(terminal, forKey: .terminal)
            try c.encode(number, forKey: .number)
            try c.encode(printer, forKey: .printer)
        case .ticketNotPrinted(let terminal, let number, let printer, let problem, let message):
            try c.encode(terminal, forKey: .terminal)
            try c.encode(number, forKey: .number)
            try c.encode(printer, forKey: .printer)
            try c.encode(problem, forKey: .problem)
            try c.encode(message, forKey: .message)
        case .ticketsCancelled(let numbers):
            try c.encode(numbers, forKey: .numbers)
        case .printerFault(let printer, let problem, let message):
            try c.encode(printer, forKey: .printer)
            try c.encode(problem, forKey: .problem)
            try c.encode(message, forKey: .message)
        case .printerReady(let printer):
            try c.encode(printer, forKey: .printer)
        case .storageFault(let problem, let message):
            try c.encode(problem, forKey: .problem)
            try c.encode(message, forKey: .message)
        case .storageReady:
            break
        case .slipPrinted(let printer, let code):
            try c.encode(printer, forKey: .printer)
            try c.encode(code, forKey: .dossierCode)
        case .slipNotPrinted(let printer, let code, let problem, let message):
            try c.encode(printer, forKey: .printer)
            try c.encode(code, forKey: .dossierCode)
            try c.encode(problem, forKey: .problem)
            try c.encode(message, forKey: .message)
        case .daySealed(let day, let hash):
            try c.encode(day, forKey: .day)
            try c.encode(hash, forKey: .hash)
        case .ticketCalled(let counter, let counterNumber, let number, let service, let calls):
            try c.encode(counter, forKey: .counter)
            try c.encode(counterNumber, forKey: .counterNumber)
            try c.encode(number, forKey: .number)
            try c.encode(service, forKey: .service)
            try c.encode(calls, forKey: .calls)
        case .ticketServing(let counter, let number):
            try c.encode(counter, forKey: .counter)
            try c.encode(number, forKey: .number)
        case .ticketServed(let counter, let number, let service, let minutes):
            try c.encode(counter, forKey: .counter)
            try c.encode(number, forKey: .number)
            try c.encode(service, forKey: .service)
            try c.encode((minutes * 10).rounded() / 10, forKey: .minutes)
        case .ticketNoShow(let counter, let number):
            try c.encode(counter, forKey: .counter)
            try c.encode(number, forKey: .number)
        case .ticketTransferred(let number, let service, let counter):
            try c.encode(number, forKey: .number)
            try c.encode(service, forKey: .toService)
            // null, not absent: the screens read "no counter named" from it.
            try c.encode(counter, forKey: .toCounter)
        case .counterPaused(let counter), .counterResumed(let counter):
            try c.encode(counter, forKey: .counter)
        case .queueKeyRefused(let counter, let message):
            try c.encode(counter, forKey: .counter)
            try c.encode(message, forKey: .message)
        case .announcementStarted(let number, let counterNumber):
            try c.encode(number, forKey: .number)
            try c.encode(counterNumber, forKey: .counterNumber)
        case .announcementFailed(let number, let reason):
            try c.encode(number, forKey: .number)
            try c.encode(reason, forKey: .reason)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func string(_ key: Key) throws -> String { try c.decode(String.self, forKey: key) }
        func int(_ key: Key) throws -> Int { try c.decode(Int.self, forKey: key) }
        let name = try string(.event)
        switch name {
        case "vote-counted":
            self = .voteCounted(
                terminal: try string(.terminal), question: try string(.question), questionIndex: try int(.questionIndex),
                completesRating: try c.decode(Bool.self, forKey: .completesRating))
        case "press-rejected":
            self = .pressRejected(terminal: try string(.terminal), kind: try c.decode(PressRejection.self, forKey: .kind))
        case "armed":
            self = .armed(terminal: try string(.terminal), windowSeconds: try c.decode(Double.self, forKey: .windowSeconds))
        case "device-connected":
            self = .deviceConnected(path: try string(.path), role: try string(.role))
        case "device-disconnected":
            self = .deviceDisconnected(path: try string(.path), role: try string(.role), reason: try string(.reason))
        case "ticket-issued":
            self = .ticketIssued(
                terminal: try string(.terminal), number: try string(.number), service: try string(.service),
                priority: try c.decode(Bool.self, forKey: .priority), waitingAhead: try int(.waitingAhead))
        case "ticket-printed":
            self = .ticketPrinted(terminal: try string(.terminal), number: try string(.number), printer: try string(.printer))
        case "ticket-not-printed":
            self = .ticketNotPrinted(
                terminal: try string(.terminal), number: try string(.number), printer: try string(.printer), problem: try string(.problem),
                message: try string(.message))
        case "tickets-cancelled":
            self = .ticketsCancelled(numbers: try c.decode([String].self, forKey: .numbers))
        case "printer-fault":
            self = .printerFault(printer: try string(.printer), problem: try string(.problem), message: try string(.message))
        case "printer-ready":
            self = .printerReady(printer: try string(.printer))
        case "storage-fault":
            self = .storageFault(problem: try string(.problem), message: try string(.message))
        case "storage-ready":
            self = .storageReady
        case "slip-printed":
            self = .slipPrinted(printer: try string(.printer), dossierCode: try string(.dossierCode))
        case "slip-not-printed":
            self = .slipNotPrinted(
                printer: try string(.printer), dossierCode: try string(.dossierCode), problem: try string(.problem), message: try string(.message))
        case "day-sealed":
            self = .daySealed(day: try string(.day), hash: try string(.hash))
        case "ticket-called":
            self = .ticketCalled(
                counter: try string(.counter), counterNumber: try int(.counterNumber), number: try string(.number), service: try string(.service),
                calls: try int(.calls))
        case "ticket-serving":
            self = .ticketServing(counter: try string(.counter), number: try string(.number))
        case "ticket-served":
            self = .ticketServed(
                counter: try string(.counter), number: try string(.number), service: try string(.service),
                minutes: try c.decode(Double.self, forKey: .minutes))
        case "ticket-no-show":
            self = .ticketNoShow(counter: try string(.counter), number: try string(.number))
        case "ticket-transferred":
            self = .ticketTransferred(
                number: try string(.number), toService: try string(.toService), toCounter: try c.decodeIfPresent(String.self, forKey: .toCounter))
        case "counter-paused":
            self = .counterPaused(counter: try string(.counter))
        case "counter-resumed":
            self = .counterResumed(counter: try string(.counter))
        case "queue-key-refused":
            self = .queueKeyRefused(counter: try string(.counter), message: try string(.message))
        case "announcement-started":
            self = .announcementStarted(number: try string(.number), counterNumber: try int(.counterNumber))
        case "announcement-failed":
            self = .announcementFailed(number: try string(.number), reason: try string(.reason))
        default:
            throw DecodingError.dataCorruptedError(forKey: .event, in: c, debugDescription: "unknown event \"\(name)\"")
        }
    }
}
