import KioskProtocol

/// What a calendar fetch did: the files installed, the ones refused and why, or why the collector
/// could not be asked. Nothing refused was written.
public struct CalendarFetchReport: Sendable, Equatable {
    public struct Refused: Sendable, Equatable {
        public var year: Int
        public var version: Int
        public var reason: CalendarRefusal
    }

    public enum Failure: Error, Sendable, Equatable {
        /// No answer, or a temporary one (5xx, 429): try again on the next run.
        case unreachable(String)
        /// The collector refused the request (401, 403, 422): its reason.
        case refused(status: Int, reason: String)
        /// A 200 whose body is not a `CalendarOffer`.
        case unreadable(String)
        /// Installing a checked file failed (disk full, permissions).
        case notInstalled(year: Int, String)
    }

    /// What the kiosk had when it asked.
    public var had: [CalendarHolding] = []
    public var installed: [CalendarHolding] = []
    public var refused: [Refused] = []
    public var failure: Failure?

    public init(had: [CalendarHolding] = [], installed: [CalendarHolding] = [], refused: [Refused] = [], failure: Failure? = nil) {
        self.had = had
        self.installed = installed
        self.refused = refused
        self.failure = failure
    }

    public var unreachable: Bool {
        if case .unreachable = failure { true } else { false }
    }
}
