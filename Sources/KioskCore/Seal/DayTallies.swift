/// Everything one kiosk counted on one day, as it is sealed, signed and sent to the collector.
///
/// Only counts per day: nothing here can be linked to a person, a ticket or a time of day. The
/// encoding is `DayTallies+Canonical.swift`, the format `docs/SEALED-DAY.md`.
public struct DayTallies: Sendable, Equatable {
    public static let format = "kiosk-day/1"

    public var kiosk: String
    public var office: String
    public var day: LocalDay
    /// The hex SHA-256 of the previous sealed day's encoding, "" for the kiosk's first day.
    public var previous: String
    public var votes: [Votes]
    /// Presses that were not votes: misuse (during a lockout, while unarmed) and ignored touches.
    public var presses: [Presses]
    public var tickets: [Tickets]
    public var slips: [Slips]
    public var printerFaults: [PrinterFaults]

    public init(
        kiosk: String, office: String, day: LocalDay, previous: String, votes: [Votes] = [], presses: [Presses] = [],
        tickets: [Tickets] = [], slips: [Slips] = [], printerFaults: [PrinterFaults] = []
    ) {
        self.kiosk = kiosk
        self.office = office
        self.day = day
        self.previous = previous
        self.votes = votes
        self.presses = presses
        self.tickets = tickets
        self.slips = slips
        self.printerFaults = printerFaults
    }

    /// Answers given to one choice of one question at one counter, for one service ("" when the
    /// terminal does not know which service was rated).
    public struct Votes: Sendable, Equatable {
        public var counter: String
        public var service: String
        public var question: String
        public var choice: String
        /// 0…100, as the survey scored the choice when the votes were given.
        public var score: Int
        public var satisfied: Bool
        public var count: Int

        public init(counter: String, service: String, question: String, choice: String, score: Int, satisfied: Bool, count: Int) {
            self.counter = counter
            self.service = service
            self.question = question
            self.choice = choice
            self.score = score
            self.satisfied = satisfied
            self.count = count
        }
    }

    public struct Presses: Sendable, Equatable {
        public var terminal: String
        /// `RejectedPress` raw values: misuse-lockout, misuse-unarmed, ignored-short, …
        public var kind: String
        public var count: Int

        public init(terminal: String, kind: String, count: Int) {
            self.terminal = terminal
            self.kind = kind
            self.count = count
        }
    }

    /// The queue of one service on the day (tickets of its numbering day).
    public struct Tickets: Sendable, Equatable {
        public var service: String
        public var issued: Int
        /// Of those issued, how many with a priority class.
        public var priority: Int
        public var served: Int
        public var noShow: Int
        /// Minutes from issue to call, counted in `WaitHistogram` buckets.
        public var waiting: WaitHistogram
        /// Minutes from the start of service to done.
        public var serviceTime: WaitHistogram

        public init(
            service: String, issued: Int, priority: Int = 0, served: Int = 0, noShow: Int = 0,
            waiting: WaitHistogram = WaitHistogram(), serviceTime: WaitHistogram = WaitHistogram()
        ) {
            self.service = service
            self.issued = issued
            self.priority = priority
            self.served = served
            self.noShow = noShow
            self.waiting = waiting
            self.serviceTime = serviceTime
        }
    }

    /// Receipt-and-appointment slips printed for one procedure (its name as on the slip).
    public struct Slips: Sendable, Equatable {
        public var procedure: String
        public var count: Int

        public init(procedure: String, count: Int) {
            self.procedure = procedure
            self.count = count
        }
    }

    /// How many times a printer went into one fault (media-empty, stopped, cups-unreachable, …).
    public struct PrinterFaults: Sendable, Equatable {
        public var printer: String
        public var fault: String
        public var count: Int

        public init(printer: String, fault: String, count: Int) {
            self.printer = printer
            self.fault = fault
            self.count = count
        }
    }
}
