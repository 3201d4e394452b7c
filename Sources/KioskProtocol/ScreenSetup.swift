/// What a terminal's page script starts from (the `setup` object written into the page).

/// A rating terminal's page: its questions and choices, and whether staff arm it.
public struct RatingScreenSetup: Codable, Sendable, Equatable {
    public struct Question: Codable, Sendable, Equatable {
        public struct Choice: Codable, Sendable, Equatable {
            public var label: String
            public var english: String

            public init(label: String, english: String) {
                self.label = label
                self.english = english
            }
        }

        public var text: String
        public var english: String
        public var choices: [Choice]

        public init(text: String, english: String, choices: [Choice]) {
            self.text = text
            self.english = english
            self.choices = choices
        }
    }

    public var terminal: String
    public var counter: String
    public var armedPolicy: Bool
    public var questions: [Question]
    /// After this long without an answer the page goes back to the first question.
    public var resetSeconds: Double

    public init(terminal: String, counter: String, armedPolicy: Bool, questions: [Question], resetSeconds: Double) {
        self.terminal = terminal
        self.counter = counter
        self.armedPolicy = armedPolicy
        self.questions = questions
        self.resetSeconds = resetSeconds
    }
}

/// A ticket terminal's page: its printer, and how long a number taken stays on the screen.
public struct TicketScreenSetup: Codable, Sendable, Equatable {
    public var terminal: String
    public var printer: String
    public var numberSeconds: Int
    /// How long a number whose ticket was not printed stays, with kioskd's message.
    public var keptNumberSeconds: Int

    public init(terminal: String, printer: String, numberSeconds: Int, keptNumberSeconds: Int) {
        self.terminal = terminal
        self.printer = printer
        self.numberSeconds = numberSeconds
        self.keptNumberSeconds = keptNumberSeconds
    }
}
