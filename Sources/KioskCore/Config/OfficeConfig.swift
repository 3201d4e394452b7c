/// One office's configuration: who it is, what it serves, its terminals and input devices.
public struct OfficeConfig: Sendable, Equatable {
    public var office: OfficeInfo
    public var storage: StorageConfig
    public var services: [ServiceConfig]
    public var counters: [CounterConfig]
    public var survey: Survey
    public var terminals: [TerminalConfig]
    public var devices: [DeviceConfig]

    public init(
        office: OfficeInfo, storage: StorageConfig, services: [ServiceConfig], counters: [CounterConfig],
        survey: Survey, terminals: [TerminalConfig], devices: [DeviceConfig]
    ) {
        self.office = office
        self.storage = storage
        self.services = services
        self.counters = counters
        self.survey = survey
        self.terminals = terminals
        self.devices = devices
    }

    public func terminal(id: String) -> TerminalConfig? {
        terminals.first { $0.id == id }
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

    public init(id: String, number: Int, name: String, services: [String]) {
        self.id = id
        self.number = number
        self.name = name
        self.services = services
    }
}
