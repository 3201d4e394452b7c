/// The questions a rating terminal asks, in order. Each answer is counted on its own.
public struct Survey: Sendable, Equatable {
    public var questions: [Question]

    public init(questions: [Question]) {
        self.questions = questions
    }

    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }
}

public struct Question: Sendable, Equatable {
    /// Stable identifier stored in tallies; changing the wording must not change it.
    public var id: String
    /// The question as shown, Vietnamese.
    public var text: String
    /// The same in English, shown second.
    public var textEnglish: String
    public var choices: [Choice]

    public init(id: String, text: String, textEnglish: String, choices: [Choice]) {
        self.id = id
        self.text = text
        self.textEnglish = textEnglish
        self.choices = choices
    }
}

public struct Choice: Sendable, Equatable {
    public var id: String
    public var label: String
    public var labelEnglish: String
    /// 0…100; the mean of scores is the index's second figure.
    public var score: Int
    /// Whether this answer counts as satisfied in the SIPAS-style percentage.
    public var satisfied: Bool

    public init(id: String, label: String, labelEnglish: String, score: Int, satisfied: Bool) {
        self.id = id
        self.label = label
        self.labelEnglish = labelEnglish
        self.score = score
        self.satisfied = satisfied
    }
}
