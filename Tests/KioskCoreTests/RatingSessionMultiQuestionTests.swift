import KioskCore
import Testing

/// Surveys of several questions: each press answers the current question; the rating completes on the last.
@Suite struct RatingSessionMultiQuestionTests {
    static let free = RatingSession(policy: .free(lockoutSeconds: 30), questionCount: 3, sessionTimeoutSeconds: 60)
    static let armed = RatingSession(policy: .armed(windowSeconds: 120), questionCount: 3, sessionTimeoutSeconds: 60)

    /// Applies presses in order, as the daemon does, and returns each outcome and the final session.
    static func run(_ session: RatingSession, _ presses: [(choice: Int, at: Double)]) -> ([RatingSession.Outcome], RatingSession) {
        var session = session
        var outcomes: [RatingSession.Outcome] = []
        for press in presses {
            let (outcome, next) = session.decide(choice: press.choice, at: press.at)
            outcomes.append(outcome)
            session = next
        }
        return (outcomes, session)
    }

    @Test func answersAdvanceThroughTheQuestionsAndCompleteOnTheLast() {
        let (outcomes, session) = Self.run(Self.free, [(1, 10), (2, 11), (3, 12)])
        #expect(outcomes == [
            .answer(questionIndex: 0, choice: 1, completesRating: false),
            .answer(questionIndex: 1, choice: 2, completesRating: false),
            .answer(questionIndex: 2, choice: 3, completesRating: true),
        ])
        #expect(session.questionIndex == 0)
        #expect(session.lastAnswerAt == nil)
    }

    @Test func questionIndexAndLastAnswerFollowEachPress() {
        let (_, afterFirst) = Self.free.decide(choice: 1, at: 10)
        #expect(afterFirst.questionIndex == 1)
        #expect(afterFirst.lastAnswerAt == 10)
        let (_, afterSecond) = afterFirst.decide(choice: 1, at: 15)
        #expect(afterSecond.questionIndex == 2)
        #expect(afterSecond.lastAnswerAt == 15)
    }

    @Test func lockoutStartsOnlyAfterTheLastQuestion() {
        let (_, afterFirst) = Self.free.decide(choice: 1, at: 10)
        #expect(afterFirst.lockedUntil == nil)
        let (_, afterSecond) = afterFirst.decide(choice: 1, at: 11)
        #expect(afterSecond.lockedUntil == nil)
        let (_, afterLast) = afterSecond.decide(choice: 1, at: 12)
        #expect(afterLast.lockedUntil == 42)
        let (outcomes, _) = Self.run(afterLast, [(1, 13), (1, 42)])
        #expect(outcomes == [.rejected(.duringLockout), .answer(questionIndex: 0, choice: 1, completesRating: false)])
    }

    @Test func oneArmingCoversAllTheQuestionsOfOneRating() {
        let (outcomes, session) = Self.run(Self.armed.armed(at: 0), [(4, 5), (3, 6), (2, 7), (1, 8)])
        #expect(outcomes == [
            .answer(questionIndex: 0, choice: 4, completesRating: false),
            .answer(questionIndex: 1, choice: 3, completesRating: false),
            .answer(questionIndex: 2, choice: 2, completesRating: true),
            .rejected(.whileUnarmed),
        ])
        #expect(session.armedUntil == nil)
    }

    @Test func armWindowClosingMidRatingRejectsTheRest() {
        let (outcomes, session) = Self.run(Self.armed.armed(at: 0), [(1, 50), (1, 100), (1, 120)])
        #expect(outcomes == [
            .answer(questionIndex: 0, choice: 1, completesRating: false),
            .answer(questionIndex: 1, choice: 1, completesRating: false),
            .rejected(.whileUnarmed),
        ])
        #expect(session.questionIndex == 2)
    }

    @Test func armingAgainStartsTheRatingFromTheFirstQuestion() {
        let (_, halfway) = Self.run(Self.armed.armed(at: 0), [(1, 5), (1, 6)])
        #expect(halfway.questionIndex == 2)
        let rearmed = halfway.armed(at: 7)
        #expect(rearmed.questionIndex == 0)
        #expect(rearmed.lastAnswerAt == nil)
        #expect(rearmed.decide(choice: 2, at: 8).0 == .answer(questionIndex: 0, choice: 2, completesRating: false))
    }

    @Test func staleRatingStartsOverAfterTheSessionTimeout() {
        let (_, afterFirst) = Self.free.decide(choice: 1, at: 0)
        #expect(afterFirst.currentQuestion(at: 60) == 1)
        #expect(afterFirst.currentQuestion(at: 60.5) == 0)
        let (outcome, next) = afterFirst.decide(choice: 4, at: 61)
        #expect(outcome == .answer(questionIndex: 0, choice: 4, completesRating: false))
        #expect(next.questionIndex == 1)
        #expect(next.lastAnswerAt == 61)
    }

    @Test func answerExactlyAtTheTimeoutContinuesTheRating() {
        let (_, afterFirst) = Self.free.decide(choice: 1, at: 0)
        #expect(afterFirst.decide(choice: 2, at: 60).0 == .answer(questionIndex: 1, choice: 2, completesRating: false))
    }

    @Test func currentQuestionOfAFreshSessionIsTheFirst() {
        #expect(Self.free.currentQuestion(at: 1_000_000) == 0)
    }

    @Test func staleCheckDoesNotChangeTheSession() {
        let (_, afterFirst) = Self.free.decide(choice: 1, at: 0)
        _ = afterFirst.currentQuestion(at: 500)
        _ = afterFirst.decide(choice: 1, at: 500)
        #expect(afterFirst.questionIndex == 1)
        #expect(afterFirst.lastAnswerAt == 0)
    }
}
