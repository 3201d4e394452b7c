import KioskCore
import Testing

/// `armed`: a press counts only after the counter's staff key, once, within the arm window.
@Suite struct RatingSessionArmedPolicyTests {
    static let fresh = RatingSession(policy: .armed(windowSeconds: 120), questionCount: 1, sessionTimeoutSeconds: 60)

    @Test func pressWhileUnarmedIsMisuseAndChangesNothing() {
        let (outcome, next) = Self.fresh.decide(choice: 1, at: 5)
        #expect(outcome == .rejected(.whileUnarmed))
        #expect(next == Self.fresh)
        #expect(RejectedPress.whileUnarmed.isMisuse)
    }

    @Test func armingOpensTheWindow() {
        let armed = Self.fresh.armed(at: 10)
        #expect(armed.armedUntil == 130)
        #expect(armed.isArmed(at: 10))
        #expect(armed.isArmed(at: 129.9))
        #expect(!armed.isArmed(at: 130))
        #expect(!Self.fresh.isArmed(at: 10))
    }

    @Test func pressAfterArmingIsAnAnswerThatDisarms() {
        let armed = Self.fresh.armed(at: 10)
        let (outcome, next) = armed.decide(choice: 3, at: 20)
        #expect(outcome == .answer(questionIndex: 0, choice: 3, completesRating: true))
        #expect(next.armedUntil == nil)
        #expect(!next.isArmed(at: 21))
    }

    @Test func armingAllowsOneRatingOnly() {
        let armed = Self.fresh.armed(at: 10)
        let (_, afterVote) = armed.decide(choice: 1, at: 20)
        let (second, afterSecond) = afterVote.decide(choice: 1, at: 21)
        #expect(second == .rejected(.whileUnarmed))
        #expect(afterSecond == afterVote)
    }

    @Test func pressAfterTheWindowClosesIsMisuse() {
        let armed = Self.fresh.armed(at: 10)
        #expect(armed.decide(choice: 1, at: 130).0 == .rejected(.whileUnarmed))
        #expect(armed.decide(choice: 1, at: 129.99).0 == .answer(questionIndex: 0, choice: 1, completesRating: true))
    }

    @Test func armingAgainRestartsTheWindow() {
        let armed = Self.fresh.armed(at: 10).armed(at: 100)
        #expect(armed.armedUntil == 220)
        #expect(armed.decide(choice: 2, at: 200).0 == .answer(questionIndex: 0, choice: 2, completesRating: true))
    }

    @Test func noLockoutAfterAnArmedRating() {
        let (_, afterVote) = Self.fresh.armed(at: 0).decide(choice: 1, at: 1)
        #expect(afterVote.lockedUntil == nil)
        let (outcome, _) = afterVote.armed(at: 2).decide(choice: 4, at: 3)
        #expect(outcome == .answer(questionIndex: 0, choice: 4, completesRating: true))
    }

    @Test func decideDoesNotChangeTheArmedSession() {
        let armed = Self.fresh.armed(at: 10)
        _ = armed.decide(choice: 1, at: 20)
        #expect(armed.armedUntil == 130)
        #expect(armed.isArmed(at: 21))
    }
}
