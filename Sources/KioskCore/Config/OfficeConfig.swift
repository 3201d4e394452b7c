/// One office's configuration: who it is, what it serves, its terminals and input devices.
public struct OfficeConfig: Sendable, Equatable {
    public var office: OfficeInfo
    public var storage: StorageConfig
    public var services: [ServiceConfig]
    public var counters: [CounterConfig]
    public var survey: Survey
    /// Rating terminals.
    public var terminals: [TerminalConfig]
    public var ticketTerminals: [TicketTerminalConfig]
    public var devices: [DeviceConfig]
    public var printers: [PrinterConfig]
    public var ticketing: TicketingConfig
    /// Present when the office prints receipt-and-appointment slips.
    public var slips: SlipConfig?
    /// Present when kioskd serves its HTTP API.
    public var localAPI: LocalAPIConfig?
    /// Sealing days and sending them to the collector.
    public var sync: SyncConfig
    /// The morning and afternoon sessions, for slip return times.
    public var hours: OfficeHours
    /// The working-day calendar files (`YYYY.toml`); relative to the office file's directory.
    public var calendarDirectory: String
    /// Present when calls are spoken in the hall.
    public var voice: VoiceConfig?
    /// Speech mode of the terminals that have it (`[[speech]]`).
    public var speech: [SpeechConfig]

    public init(
        office: OfficeInfo, storage: StorageConfig, services: [ServiceConfig], counters: [CounterConfig],
        survey: Survey, terminals: [TerminalConfig], devices: [DeviceConfig],
        ticketTerminals: [TicketTerminalConfig] = [], printers: [PrinterConfig] = [],
        ticketing: TicketingConfig = .defaults, slips: SlipConfig? = nil, localAPI: LocalAPIConfig? = nil,
        sync: SyncConfig? = nil, hours: OfficeHours = .standard, calendarDirectory: String = "calendar", voice: VoiceConfig? = nil,
        speech: [SpeechConfig] = []
    ) {
        self.voice = voice
        self.speech = speech
        self.office = office
        self.storage = storage
        self.services = services
        self.counters = counters
        self.survey = survey
        self.terminals = terminals
        self.devices = devices
        self.ticketTerminals = ticketTerminals
        self.printers = printers
        self.ticketing = ticketing
        self.slips = slips
        self.localAPI = localAPI
        self.sync = sync ?? .defaults(officeCode: office.code, resetHour: ticketing.resetHour)
        self.hours = hours
        self.calendarDirectory = calendarDirectory
    }

    public func ticketTerminal(id: String) -> TicketTerminalConfig? {
        ticketTerminals.first { $0.id == id }
    }

    public func printer(id: String) -> PrinterConfig? {
        printers.first { $0.id == id }
    }

    public func service(id: String) -> ServiceConfig? {
        services.first { $0.id == id }
    }

    /// The counters that serve a service, by number.
    public func counterNumbers(serving service: String) -> [Int] {
        counters.filter { $0.services.contains(service) }.map(\.number).sorted()
    }

    public func terminal(id: String) -> TerminalConfig? {
        terminals.first { $0.id == id }
    }

    public func speech(terminal: String) -> SpeechConfig? {
        speech.first { $0.terminal == terminal }
    }

    public func counter(id: String) -> CounterConfig? {
        counters.first { $0.id == id }
    }
}

public struct OfficeInfo: Sendable, Equatable {
    /// Short stable code of the office, used in tallies sent to the district.
    public var code: String
    /// The office's name as printed and shown, in Vietnamese.
    public var name: String
    /// IANA time zone that decides which day a vote belongs to.
    public var timeZone: String

    public init(code: String, name: String, timeZone: String) {
        self.code = code
        self.name = name
        self.timeZone = timeZone
    }
}

public struct StorageConfig: Sendable, Equatable {
    /// SQLite database file; a relative path is resolved against the daemon's state directory.
    public var database: String
    /// Control socket for `kioskctl` and local screens; relative to the state directory if relative.
    public var controlSocket: String

    public init(database: String, controlSocket: String) {
        self.database = database
        self.controlSocket = controlSocket
    }
}

public struct ServiceConfig: Sendable, Equatable {
    public var id: String
    /// The ticket letter of the service ("A" in A001).
    public var letter: String
    public var name: String

    public init(id: String, letter: String, name: String) {
        self.id = id
        self.letter = letter
        self.name = name
    }
}

public struct CounterConfig: Sendable, Equatable {
    public var id: String
    /// The number shown and announced ("Quầy 3").
    public var number: Int
    public var name: String
    public var services: [String]
    /// The `[[printers]]` id for this counter's slips; nil: the office's `[slips] printer`.
    public var slipPrinter: String?

    public init(id: String, number: Int, name: String, services: [String], slipPrinter: String? = nil) {
        self.id = id
        self.number = number
        self.name = name
        self.services = services
        self.slipPrinter = slipPrinter
    }
}
