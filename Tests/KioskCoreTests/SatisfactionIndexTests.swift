import KioskCore
import Testing

@Suite struct SatisfactionIndexTests {
    static let day = LocalDay(year: 2026, month: 11, day: 21)!

    /// A tally of `count` answers with one of the default preset's choices.
    static func tally(_ choiceId: String, _ count: Int) -> VoteTally {
        let choice = SurveyPresets.satisfactionChoices.first { $0.id == choiceId }!
        return VoteTally(
            key: VoteKey(
                day: day, terminal: "quay-1-danh-gia", counter: "quay-1", service: "ho-tich", question: "chung",
                choice: choice.id, score: choice.score, satisfied: choice.satisfied),
            count: count)
    }

    @Test func noTalliesGiveNoIndex() {
        let index = SatisfactionIndex([VoteTally]())
        #expect(index.answers == 0)
        #expect(index.satisfiedAnswers == 0)
        #expect(index.scoreSum == 0)
        #expect(index.percentSatisfied == nil)
        #expect(index.meanScore == nil)
    }

    @Test func talliesWithZeroCountsGiveNoIndex() {
        let index = SatisfactionIndex([Self.tally("rat-hai-long", 0), Self.tally("khong-hai-long", 0)])
        #expect(index.answers == 0)
        #expect(index.percentSatisfied == nil)
        #expect(index.meanScore == nil)
    }

    @Test func mixedTalliesGivePercentSatisfiedAndMeanScore() {
        // 6 × 100 + 2 × 75 + 1 × 50 + 1 × 0 = 800 over 10 answers; 8 of them satisfied.
        let index = SatisfactionIndex([
            Self.tally("rat-hai-long", 6), Self.tally("hai-long", 2), Self.tally("binh-thuong", 1), Self.tally("khong-hai-long", 1),
        ])
        #expect(index.answers == 10)
        #expect(index.satisfiedAnswers == 8)
        #expect(index.scoreSum == 800)
        #expect(index.percentSatisfied == 80)
        #expect(index.meanScore == 80)
    }

    @Test func neutralAnswersAreNotSatisfiedButStillScore() {
        let index = SatisfactionIndex([Self.tally("hai-long", 1), Self.tally("binh-thuong", 3)])
        #expect(index.percentSatisfied == 25)
        #expect(index.meanScore == 56.25)
    }

    @Test func onlyUnsatisfiedAnswersGiveZeroNotNil() {
        let index = SatisfactionIndex([Self.tally("khong-hai-long", 4)])
        #expect(index.percentSatisfied == 0)
        #expect(index.meanScore == 0)
    }

    @Test func oneInThreeSatisfiedIsAThird() throws {
        let index = SatisfactionIndex([Self.tally("rat-hai-long", 1), Self.tally("binh-thuong", 2)])
        let percent = try #require(index.percentSatisfied)
        #expect(abs(percent - 100.0 / 3) < 1e-9)
        #expect(index.meanScore == 200.0 / 3)
    }

    @Test func talliesOfTheSameChoiceOnDifferentDaysAddUp() {
        var later = Self.tally("rat-hai-long", 3)
        later.key.day = LocalDay(year: 2026, month: 11, day: 22)!
        let index = SatisfactionIndex([Self.tally("rat-hai-long", 2), later, Self.tally("khong-hai-long", 5)])
        #expect(index.answers == 10)
        #expect(index.satisfiedAnswers == 5)
        #expect(index.percentSatisfied == 50)
        #expect(index.meanScore == 50)
    }
}
