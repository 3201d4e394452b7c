import KioskCore
import Testing

/// `free`: anyone may vote; after each completed rating a lockout during which presses are misuse.
@Suite struct RatingSessionFreePolicyTests {
    static let fresh = RatingSession(policy: .free(lockoutSeconds: 30), questionCount: 1, sessionTimeoutSeconds: 60)

    @Test func firstPressIsAnAnswerThatCompletesTheRating() {
        let (outcome, next) = Self.fresh.decide(choice: 2, at: 100)
        #expect(outcome == .answer(questionIndex: 0, choice: 2, completesRating: true))
        #expect(next.lockedUntil == 130)
        #expect(next.questionIndex == 0)
        #expect(next.lastAnswerAt == nil)
    }

    @Test func pressDuringTheLockoutIsMisuseAndChangesNothing() {
        let (_, locked) = Self.fresh.decide(choice: 1, at: 100)
        let (outcome, next) = locked.decide(choice: 3, at: 129.9)
        #expect(outcome == .rejected(.duringLockout))
        #expect(next == locked)
        #expect(RejectedPress.duringLockout.isMisuse)
    }

    @Test func pressWhenTheLockoutEndsIsAnAnswerAgain() {
        let (_, locked) = Self.fresh.decide(choice: 1, at: 100)
        let (outcome, next) = locked.decide(choice: 4, at: 130)
        #expect(outcome == .answer(questionIndex: 0, choice: 4, completesRating: true))
        #expect(next.lockedUntil == 160)
    }

    @Test func voteThenMisuseThenVoteAfterTheLockout() {
        var session = Self.fresh
        var outcomes: [RatingSession.Outcome] = []
        for (choice, time) in [(1, 10.0), (2, 12.0), (3, 39.5), (4, 41.0)] {
            let (outcome, next) = session.decide(choice: choice, at: time)
            outcomes.append(outcome)
            session = next
        }
        #expect(outcomes == [
            .answer(questionIndex: 0, choice: 1, completesRating: true),
            .rejected(.duringLockout),
            .rejected(.duringLockout),
            .answer(questionIndex: 0, choice: 4, completesRating: true),
        ])
        #expect(session.lockedUntil == 71)
    }

    @Test func misuseDoesNotExtendTheLockout() {
        let (_, locked) = Self.fresh.decide(choice: 1, at: 0)
        let (_, afterMisuse) = locked.decide(choice: 1, at: 29)
        #expect(afterMisuse.lockedUntil == 30)
    }

    @Test func zeroLockoutAcceptsTheNextPressAtOnce() {
        let session = RatingSession(policy: .free(lockoutSeconds: 0), questionCount: 1, sessionTimeoutSeconds: 60)
        let (_, next) = session.decide(choice: 1, at: 5)
        #expect(next.decide(choice: 2, at: 5).0 == .answer(questionIndex: 0, choice: 2, completesRating: true))
    }

    @Test func freeTerminalIsNeverArmed() {
        let armed = Self.fresh.armed(at: 10)
        #expect(armed == Self.fresh)
        #expect(!armed.isArmed(at: 11))
        #expect(armed.armedUntil == nil)
    }

    @Test func decideReturnsTheNextStateWithoutChangingTheSession() {
        let session = Self.fresh
        let (first, next) = session.decide(choice: 1, at: 100)
        #expect(session.lockedUntil == nil)
        #expect(next.lockedUntil == 130)
        // Deciding again from the unchanged session (a commit that failed) gives the same answer, not misuse.
        let (again, _) = session.decide(choice: 1, at: 100.5)
        #expect(first == .answer(questionIndex: 0, choice: 1, completesRating: true))
        #expect(again == .answer(questionIndex: 0, choice: 1, completesRating: true))
    }

    @Test func sessionIsBuiltFromTheTerminalAndSurvey() {
        let terminal = TerminalConfig(
            id: "quay-1-danh-gia", kind: .rating, counter: "quay-1", policy: .free(lockoutSeconds: 3),
            pressLimits: .standard, sessionTimeoutSeconds: 45, screen: nil, zones: [])
        let session = RatingSession(terminal: terminal, survey: SurveyPresets.sipasFive)
        #expect(session.policy == .free(lockoutSeconds: 3))
        #expect(session.questionCount == 5)
        #expect(session.sessionTimeoutSeconds == 45)
        #expect(session.questionIndex == 0)
    }
}
