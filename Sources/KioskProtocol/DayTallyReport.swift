/// What `kioskctl tally --json` prints: a day's vote counts, rejected presses and the office's index.
public struct DayTallyReport: Codable, Sendable, Equatable {
    public var office: String
    /// YYYY-MM-DD.
    public var day: String
    public var votes: [Vote]
    public var rejected: [Rejected]
    public var index: Index

    public init(office: String, day: String, votes: [Vote], rejected: [Rejected], index: Index) {
        self.office = office
        self.day = day
        self.votes = votes
        self.rejected = rejected
        self.index = index
    }

    /// The count of one answer, with what it was an answer to.
    public struct Vote: Codable, Sendable, Equatable {
        public var terminal: String
        public var counter: String
        /// "" when the terminal does not know the service.
        public var service: String
        public var question: String
        public var choice: String
        public var score: Int
        public var satisfied: Bool
        public var count: Int

        public init(
            terminal: String, counter: String, service: String, question: String, choice: String, score: Int, satisfied: Bool, count: Int
        ) {
            self.terminal = terminal
            self.counter = counter
            self.service = service
            self.question = question
            self.choice = choice
            self.score = score
            self.satisfied = satisfied
            self.count = count
        }
    }

    /// The count of one kind of rejected press on a terminal.
    public struct Rejected: Codable, Sendable, Equatable {
        public var terminal: String
        /// A `PressRejection` raw value.
        public var kind: String
        public var count: Int

        public init(terminal: String, kind: String, count: Int) {
            self.terminal = terminal
            self.kind = kind
            self.count = count
        }
    }

    /// The office's satisfaction index over the day.
    public struct Index: Codable, Sendable, Equatable {
        public var answers: Int
        public var satisfied: Int
        /// nil (JSON null) when there are no answers.
        public var percentSatisfied: Double?
        public var meanScore: Double?

        public init(answers: Int, satisfied: Int, percentSatisfied: Double?, meanScore: Double?) {
            self.answers = answers
            self.satisfied = satisfied
            self.percentSatisfied = percentSatisfied
            self.meanScore = meanScore
        }

        private enum CodingKeys: String, CodingKey {
            case answers, satisfied, percentSatisfied, meanScore
        }

        /// Written as null rather than left out, so a reader always finds the key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(answers, forKey: .answers)
            try container.encode(satisfied, forKey: .satisfied)
            try container.encode(percentSatisfied, forKey: .percentSatisfied)
            try container.encode(meanScore, forKey: .meanScore)
        }
    }
}
