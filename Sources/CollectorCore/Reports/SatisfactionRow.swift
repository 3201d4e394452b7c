import KioskCore

/// The satisfaction index of one part of a report (a district, an office, a counter, a day…):
/// the share of answers that were satisfied, and the mean score 0–100.
public struct SatisfactionRow: Sendable, Equatable {
    public var key: String
    /// A readable name for the key where there is one (the office's name); else the key.
    public var label: String
    public var answers: Int
    public var satisfied: Int
    public var scoreSum: Int

    public init(key: String, label: String, answers: Int, satisfied: Int, scoreSum: Int) {
        self.key = key
        self.label = label
        self.answers = answers
        self.satisfied = satisfied
        self.scoreSum = scoreSum
    }

    public var index: SatisfactionIndex { SatisfactionIndex(answers: answers, satisfiedAnswers: satisfied, scoreSum: scoreSum) }
    /// 0–100, nil without answers.
    public var percentSatisfied: Double? { index.percentSatisfied }
    public var meanScore: Double? { index.meanScore }
}
