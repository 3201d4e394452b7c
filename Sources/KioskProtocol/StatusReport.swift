/// What `status` answers and `kioskctl status` shows: the devices, terminals, printers, storage
/// and the working-day calendar.
public struct StatusReport: Codable, Sendable, Equatable {
    public var office: String
    public var pid: Int
    public var uptimeSeconds: Int
    public var devices: [Device]
    public var terminals: [Terminal]
    public var printers: [Printer]
    public var storage: Storage
    /// Nil when the office prints no slips (kioskd then loads no calendar).
    public var calendar: Calendar?
    /// The terminals with speech mode.
    public var speech: [Speech]

    public init(
        office: String, pid: Int, uptimeSeconds: Int, devices: [Device], terminals: [Terminal], printers: [Printer], storage: Storage,
        calendar: Calendar? = nil, speech: [Speech] = []
    ) {
        self.speech = speech
        self.office = office
        self.pid = pid
        self.uptimeSeconds = uptimeSeconds
        self.devices = devices
        self.terminals = terminals
        self.printers = printers
        self.storage = storage
        self.calendar = calendar
    }

    /// Which years of the working-day calendar are official (a file) and which provisional.
    public struct Calendar: Codable, Sendable, Equatable {
        public var officialYears: [Int]
        /// The provisional years are every year from `provisionalFrom` to `provisionalTo` that is
        /// not official; both nil when kioskd computes none.
        public var provisionalFrom: Int?
        public var provisionalTo: Int?
        /// This year, or from 1 October next year, when it has no official file.
        public var missingOfficialYear: Int?
        /// What to do about `missingOfficialYear`, Vietnamese first, then English.
        public var warning: String?

        public init(officialYears: [Int], provisionalFrom: Int? = nil, provisionalTo: Int? = nil, missingOfficialYear: Int? = nil, warning: String? = nil) {
            self.officialYears = officialYears
            self.provisionalFrom = provisionalFrom
            self.provisionalTo = provisionalTo
            self.missingOfficialYear = missingOfficialYear
            self.warning = warning
        }
    }

    /// One device of the office file, as last seen.
    public struct Device: Codable, Sendable, Equatable {
        /// The path or glob in the office file.
        public var pattern: String
        public var role: String
        public var connected: Bool
        /// The node it was last opened at.
        public var path: String?
        /// The name the device gives itself.
        public var name: String?
        /// Why it is not read, or what is wrong with it.
        public var problem: String?
        /// The terminal it belongs to.
        public var terminal: String?

        public init(
            pattern: String, role: String, connected: Bool, path: String? = nil, name: String? = nil, problem: String? = nil,
            terminal: String? = nil
        ) {
            self.pattern = pattern
            self.role = role
            self.connected = connected
            self.path = path
            self.name = name
            self.problem = problem
            self.terminal = terminal
        }
    }

    public struct Terminal: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case rating, ticket
        }

        public var id: String
        public var kind: Kind
        /// A rating terminal's counter.
        public var counter: String?
        /// A ticket terminal's printer.
        public var printer: String?

        public init(id: String, kind: Kind, counter: String? = nil, printer: String? = nil) {
            self.id = id
            self.kind = kind
            self.counter = counter
            self.printer = printer
        }
    }

    public struct Printer: Codable, Sendable, Equatable {
        public var id: String
        public var queue: String
        public var server: String
        public var mode: String
        public var ok: Bool
        public var printed: Int
        public var notPrinted: Int
        public var ticketsAwaiting: Int
        /// Tickets kioskd stopped sending to the printer (CUPS crashed on them twice).
        public var ticketsHeld: [String]
        public var problem: String?
        public var message: String?
        public var lastJob: Int?

        public init(
            id: String, queue: String, server: String, mode: String, ok: Bool, printed: Int, notPrinted: Int, ticketsAwaiting: Int,
            ticketsHeld: [String], problem: String? = nil, message: String? = nil, lastJob: Int? = nil
        ) {
            self.id = id
            self.queue = queue
            self.server = server
            self.mode = mode
            self.ok = ok
            self.printed = printed
            self.notPrinted = notPrinted
            self.ticketsAwaiting = ticketsAwaiting
            self.ticketsHeld = ticketsHeld
            self.problem = problem
            self.message = message
            self.lastJob = lastJob
        }
    }

    public struct Storage: Codable, Sendable, Equatable {
        public enum State: String, Codable, Sendable {
            case ok
            case lowSpace = "low-space"
            /// Commits fail: presses and tickets are not stored.
            case cannotStore = "cannot-store"
        }

        public var directory: String
        public var state: State
        public var freeBytes: UInt64
        public var totalBytes: UInt64
        public var walBytes: UInt64
        public var message: String?

        public init(directory: String, state: State, freeBytes: UInt64, totalBytes: UInt64, walBytes: UInt64, message: String? = nil) {
            self.directory = directory
            self.state = state
            self.freeBytes = freeBytes
            self.totalBytes = totalBytes
            self.walBytes = walBytes
            self.message = message
        }
    }
}

extension StatusReport {
    /// Speech mode of a terminal that has it: where it speaks and what it is doing, never what
    /// was chosen.
    public struct Speech: Codable, Sendable, Equatable {
        public var terminal: String
        /// `speaker` or `headphones`.
        public var output: String
        /// The ALSA device.
        public var device: String
        public var active: Bool
        /// Where the session is: `entrance-menu`, `priority-menu`, `ticket-printing`, `ticket`,
        /// `question 2/3`, `confirming`, `rating-done`, `settings`; nil when off.
        public var step: String?
        /// Why the last speech could not be played, until speech plays again.
        public var problem: String?

        public init(terminal: String, output: String, device: String, active: Bool, step: String? = nil, problem: String? = nil) {
            self.terminal = terminal
            self.output = output
            self.device = device
            self.active = active
            self.step = step
            self.problem = problem
        }
    }
}
