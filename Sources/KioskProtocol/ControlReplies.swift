/// The answers of the control requests other than `status` (see `ControlCall`).

/// `reprint`: the number printed again, and the terminal.
public struct ReprintReply: Codable, Sendable, Equatable {
    public var reprinting: String
    public var terminal: String

    public init(reprinting: String, terminal: String) {
        self.reprinting = reprinting
        self.terminal = terminal
    }
}

/// `print-test`: one outcome per printer.
public struct TestPagesReply: Codable, Sendable, Equatable {
    public var results: [PrintOutcome]

    public init(results: [PrintOutcome]) {
        self.results = results
    }
}

/// `print-cancel`: the numbers whose printing was given up.
public struct CancelReply: Codable, Sendable, Equatable {
    public var cancelled: [String]

    public init(cancelled: [String]) {
        self.cancelled = cancelled
    }
}

/// `print-retry`: the numbers released to print now.
public struct RetryReply: Codable, Sendable, Equatable {
    public var released: [String]

    public init(released: [String]) {
        self.released = released
    }
}

/// `seal`: the days sealed now, and how many days wait in the outbox.
public struct SealReply: Codable, Sendable, Equatable {
    public struct SealedDay: Codable, Sendable, Equatable {
        public var day: String
        /// SHA-256 of the sealed bytes: the next day's `previous`.
        public var hash: String

        public init(day: String, hash: String) {
            self.day = day
            self.hash = hash
        }
    }

    public var sealed: [SealedDay]
    /// -1 when the outbox could not be read.
    public var outbox: Int

    public init(sealed: [SealedDay], outbox: Int) {
        self.sealed = sealed
        self.outbox = outbox
    }
}
