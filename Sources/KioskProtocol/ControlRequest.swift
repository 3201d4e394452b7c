/// One request on kioskd's control socket: a JSON line such as `{"command":"reprint","terminal":"ve-1"}`.
/// What each answers is `ControlCall`'s reply type.
public enum ControlRequest: Sendable, Equatable {
    /// Devices, terminals, printers and storage (`StatusReport`).
    case status
    /// Keeps the connection and sends one `DaemonEvent` per line, after a `SubscriptionConfirmation` line.
    case subscribe
    /// Prints a ticket terminal's last ticket again (the only ticket terminal if nil).
    case reprint(terminal: String?)
    /// A test page on one printer, or on every printer.
    case printTest(printer: String?)
    /// Staff give up printing the awaiting tickets: the numbers named, or all of today's.
    case printCancel(numbers: [String]?)
    /// Prints the kept tickets now, held ones included: the numbers named, or all of today's.
    case printRetry(numbers: [String]?)
    /// A slip request, the JSON text as the HTTP API takes it (checked by kioskd, which names
    /// every wrong field).
    case printSlip(request: String)
    /// Seals the finished days now.
    case seal
    /// Read the working-day calendar files again (shipped and installed from the collector);
    /// answered with the calendar then in use, or the files' problems with the old one kept.
    case reloadCalendars
}

extension ControlRequest: Codable {
    private enum Key: String, CodingKey {
        case command, terminal, printer, numbers, request
    }

    public var command: String {
        switch self {
        case .status: "status"
        case .subscribe: "subscribe"
        case .reprint: "reprint"
        case .printTest: "print-test"
        case .printCancel: "print-cancel"
        case .printRetry: "print-retry"
        case .printSlip: "print-slip"
        case .seal: "seal"
        case .reloadCalendars: "reload-calendars"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(command, forKey: .command)
        switch self {
        case .status, .subscribe, .seal, .reloadCalendars: break
        case .reprint(let terminal): try c.encodeIfPresent(terminal, forKey: .terminal)
        case .printTest(let printer): try c.encodeIfPresent(printer, forKey: .printer)
        case .printCancel(let numbers), .printRetry(let numbers): try c.encodeIfPresent(numbers, forKey: .numbers)
        case .printSlip(let request): try c.encode(request, forKey: .request)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let command = try c.decode(String.self, forKey: .command)
        switch command {
        case "status": self = .status
        case "subscribe": self = .subscribe
        case "reprint": self = .reprint(terminal: try c.decodeIfPresent(String.self, forKey: .terminal))
        case "print-test": self = .printTest(printer: try c.decodeIfPresent(String.self, forKey: .printer))
        case "print-cancel": self = .printCancel(numbers: try c.decodeIfPresent([String].self, forKey: .numbers))
        case "print-retry": self = .printRetry(numbers: try c.decodeIfPresent([String].self, forKey: .numbers))
        case "print-slip": self = .printSlip(request: try c.decode(String.self, forKey: .request))
        case "seal": self = .seal
        case "reload-calendars": self = .reloadCalendars
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .command, in: c,
                debugDescription:
                    "unknown command \"\(command)\"; expected status, subscribe, reprint, print-test, print-cancel, print-retry, print-slip, seal or reload-calendars")
        }
    }
}
