/// The satisfaction index of a set of tallies: the SIPAS-style percentage of satisfied answers
/// and the mean score on 0…100.
public struct SatisfactionIndex: Sendable, Equatable {
    public let answers: Int
    public let satisfiedAnswers: Int
    public let scoreSum: Int

    public init<Tallies: Sequence>(_ tallies: Tallies) where Tallies.Element == VoteTally {
        var answers = 0
        var satisfied = 0
        var scoreSum = 0
        for tally in tallies {
            answers += tally.count
            if tally.key.satisfied { satisfied += tally.count }
            scoreSum += tally.key.score * tally.count
        }
        self.answers = answers
        self.satisfiedAnswers = satisfied
        self.scoreSum = scoreSum
    }

    /// From sums already made elsewhere (the collector's SQL).
    public init(answers: Int, satisfiedAnswers: Int, scoreSum: Int) {
        self.answers = answers
        self.satisfiedAnswers = satisfiedAnswers
        self.scoreSum = scoreSum
    }

    /// Percent of answers that were satisfied; nil with no answers (an index of nothing is not 0 %).
    public var percentSatisfied: Double? {
        answers == 0 ? nil : 100 * Double(satisfiedAnswers) / Double(answers)
    }

    /// Mean score 0…100; nil with no answers.
    public var meanScore: Double? {
        answers == 0 ? nil : Double(scoreSum) / Double(answers)
    }
}
