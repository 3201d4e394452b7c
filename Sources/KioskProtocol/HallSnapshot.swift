/// What the hall display shows (`GET /hall.json`): each counter's number, name and current
/// ticket or pause, how many wait per service, and whether each printer prints.
public struct HallSnapshot: Codable, Sendable, Equatable {
    public struct Counter: Codable, Sendable, Equatable {
        public enum State: String, Codable, Sendable {
            case idle, called, serving
        }

        public var id: String
        public var number: Int
        public var name: String
        public var paused: Bool
        /// The ticket called or being served; null when none.
        public var current: String?
        public var state: State

        public init(id: String, number: Int, name: String, paused: Bool, current: String?, state: State) {
            self.id = id
            self.number = number
            self.name = name
            self.paused = paused
            self.current = current
            self.state = state
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(number, forKey: .number)
            try c.encode(name, forKey: .name)
            try c.encode(paused, forKey: .paused)
            // null, not absent: the page clears the counter's number on it.
            try c.encode(current, forKey: .current)
            try c.encode(state, forKey: .state)
        }
    }

    public struct Service: Codable, Sendable, Equatable {
        public var id: String
        public var letter: String
        public var name: String
        public var waiting: Int

        public init(id: String, letter: String, name: String, waiting: Int) {
            self.id = id
            self.letter = letter
            self.name = name
            self.waiting = waiting
        }
    }

    public var office: String
    public var counters: [Counter]
    public var services: [Service]
    public var printers: [ScreenPrinter]

    public init(office: String, counters: [Counter], services: [Service], printers: [ScreenPrinter]) {
        self.office = office
        self.counters = counters
        self.services = services
        self.printers = printers
    }
}
