/// The wire form of an event: one flat JSON object whose `event` member names the kind
/// (`EventKind`), as the screens' scripts, `kioskctl watch` and the tests read it. A case or a
/// field added to `DaemonEvent` must be added here too, and the compiler asks for it in both
/// directions (both switches are exhaustive).
extension DaemonEvent: Codable {
    private enum Key: String, CodingKey {
        case event, terminal, question, questionIndex, completesRating, kind, windowSeconds, path, role, reason, number, service, priority,
            waitingAhead, printer, problem, message, numbers, dossierCode, day, hash, counter, counterNumber, calls, minutes, toService,
            toCounter
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: .event)
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
        case .speechStarted(let terminal):
            try c.encode(terminal, forKey: .terminal)
        case .speechEnded(let terminal, let reason), .speechFailed(let terminal, let reason):
            try c.encode(terminal, forKey: .terminal)
            try c.encode(reason, forKey: .reason)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func string(_ key: Key) throws -> String { try c.decode(String.self, forKey: key) }
        func int(_ key: Key) throws -> Int { try c.decode(Int.self, forKey: key) }
        switch try c.decode(EventKind.self, forKey: .event) {
        case .voteCounted:
            self = .voteCounted(
                terminal: try string(.terminal), question: try string(.question), questionIndex: try int(.questionIndex),
                completesRating: try c.decode(Bool.self, forKey: .completesRating))
        case .pressRejected:
            self = .pressRejected(terminal: try string(.terminal), kind: try c.decode(PressRejection.self, forKey: .kind))
        case .armed:
            self = .armed(terminal: try string(.terminal), windowSeconds: try c.decode(Double.self, forKey: .windowSeconds))
        case .deviceConnected:
            self = .deviceConnected(path: try string(.path), role: try string(.role))
        case .deviceDisconnected:
            self = .deviceDisconnected(path: try string(.path), role: try string(.role), reason: try string(.reason))
        case .ticketIssued:
            self = .ticketIssued(
                terminal: try string(.terminal), number: try string(.number), service: try string(.service),
                priority: try c.decode(Bool.self, forKey: .priority), waitingAhead: try int(.waitingAhead))
        case .ticketPrinted:
            self = .ticketPrinted(terminal: try string(.terminal), number: try string(.number), printer: try string(.printer))
        case .ticketNotPrinted:
            self = .ticketNotPrinted(
                terminal: try string(.terminal), number: try string(.number), printer: try string(.printer), problem: try string(.problem),
                message: try string(.message))
        case .ticketsCancelled:
            self = .ticketsCancelled(numbers: try c.decode([String].self, forKey: .numbers))
        case .printerFault:
            self = .printerFault(printer: try string(.printer), problem: try string(.problem), message: try string(.message))
        case .printerReady:
            self = .printerReady(printer: try string(.printer))
        case .storageFault:
            self = .storageFault(problem: try string(.problem), message: try string(.message))
        case .storageReady:
            self = .storageReady
        case .slipPrinted:
            self = .slipPrinted(printer: try string(.printer), dossierCode: try string(.dossierCode))
        case .slipNotPrinted:
            self = .slipNotPrinted(
                printer: try string(.printer), dossierCode: try string(.dossierCode), problem: try string(.problem), message: try string(.message))
        case .daySealed:
            self = .daySealed(day: try string(.day), hash: try string(.hash))
        case .ticketCalled:
            self = .ticketCalled(
                counter: try string(.counter), counterNumber: try int(.counterNumber), number: try string(.number), service: try string(.service),
                calls: try int(.calls))
        case .ticketServing:
            self = .ticketServing(counter: try string(.counter), number: try string(.number))
        case .ticketServed:
            self = .ticketServed(
                counter: try string(.counter), number: try string(.number), service: try string(.service),
                minutes: try c.decode(Double.self, forKey: .minutes))
        case .ticketNoShow:
            self = .ticketNoShow(counter: try string(.counter), number: try string(.number))
        case .ticketTransferred:
            self = .ticketTransferred(
                number: try string(.number), toService: try string(.toService), toCounter: try c.decodeIfPresent(String.self, forKey: .toCounter))
        case .counterPaused:
            self = .counterPaused(counter: try string(.counter))
        case .counterResumed:
            self = .counterResumed(counter: try string(.counter))
        case .queueKeyRefused:
            self = .queueKeyRefused(counter: try string(.counter), message: try string(.message))
        case .announcementStarted:
            self = .announcementStarted(number: try string(.number), counterNumber: try int(.counterNumber))
        case .announcementFailed:
            self = .announcementFailed(number: try string(.number), reason: try string(.reason))
        case .speechStarted:
            self = .speechStarted(terminal: try string(.terminal))
        case .speechEnded:
            self = .speechEnded(terminal: try string(.terminal), reason: try string(.reason))
        case .speechFailed:
            self = .speechFailed(terminal: try string(.terminal), reason: try string(.reason))
        }
    }
}
