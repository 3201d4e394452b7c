/// The vote policy of one rating terminal as a pure state machine.
///
/// Times are seconds on a monotonic clock the caller passes in. `decide` does not change the
/// session: it returns the outcome and the next state, and the daemon applies that state only
/// after the outcome is committed, so a failed commit leaves the terminal as it was.
public struct RatingSession: Sendable, Equatable {
    public let policy: VotePolicy
    public let questionCount: Int
    public let sessionTimeoutSeconds: Double

    /// Index of the question the next answer is for.
    public private(set) var questionIndex = 0
    public private(set) var lastAnswerAt: Double?
    public private(set) var lockedUntil: Double?
    public private(set) var armedUntil: Double?

    public init(policy: VotePolicy, questionCount: Int, sessionTimeoutSeconds: Double) {
        precondition(questionCount > 0, "a survey has at least one question")
        self.policy = policy
        self.questionCount = questionCount
        self.sessionTimeoutSeconds = sessionTimeoutSeconds
    }

    public init(terminal: TerminalConfig, survey: Survey) {
        self.init(
            policy: terminal.policy, questionCount: survey.questions.count,
            sessionTimeoutSeconds: terminal.sessionTimeoutSeconds)
    }

    public enum Outcome: Sendable, Equatable {
        /// Count an answer to question `questionIndex` with choice slot `choice` (1-based).
        case answer(questionIndex: Int, choice: Int, completesRating: Bool)
        case rejected(RejectedPress)
    }

    /// The staff key: allows one rating (all questions) until the window closes.
    public func armed(at now: Double) -> RatingSession {
        guard case .armed(let window) = policy else { return self }
        var next = self
        next.armedUntil = now + window
        next.questionIndex = 0
        next.lastAnswerAt = nil
        return next
    }

    public func isArmed(at now: Double) -> Bool {
        guard let armedUntil else { return false }
        return now < armedUntil
    }

    /// The question the screen should show now (a stale half-finished rating starts over).
    public func currentQuestion(at now: Double) -> Int {
        isStale(at: now) ? 0 : questionIndex
    }

    public func decide(choice: Int, at now: Double) -> (Outcome, RatingSession) {
        var next = self
        if next.isStale(at: now) {
            next.questionIndex = 0
            next.lastAnswerAt = nil
        }
        switch policy {
        case .free:
            if let lockedUntil, now < lockedUntil {
                return (.rejected(.duringLockout), self)
            }
        case .armed:
            guard isArmed(at: now) else {
                return (.rejected(.whileUnarmed), self)
            }
        }
        let question = next.questionIndex
        let completes = question + 1 == questionCount
        if completes {
            next.questionIndex = 0
            next.lastAnswerAt = nil
            switch policy {
            case .free(let lockout): next.lockedUntil = now + lockout
            case .armed: next.armedUntil = nil
            }
        } else {
            next.questionIndex = question + 1
            next.lastAnswerAt = now
        }
        return (.answer(questionIndex: question, choice: choice, completesRating: completes), next)
    }

    /// Speech mode's answer to the question it said: counted for `question` when that is the
    /// question the rating is at, however long the person listened (speech mode has its own
    /// time-out), or 0, a new rating that sets a half-finished one aside. Nil: the rating moved
    /// on meanwhile (staff armed it again, or the screen was answered), so the answer would be
    /// counted for a question that was not said.
    public func decide(choice: Int, question: Int, at now: Double) -> (Outcome, RatingSession)? {
        guard question == questionIndex || question == 0 else { return nil }
        var next = self
        next.lastAnswerAt = question == 0 ? nil : now
        next.questionIndex = question
        let (outcome, decided) = next.decide(choice: choice, at: now)
        if case .rejected = outcome { return (outcome, self) }
        return (outcome, decided)
    }

    private func isStale(at now: Double) -> Bool {
        guard let lastAnswerAt else { return false }
        return now - lastAnswerAt > sessionTimeoutSeconds
    }
}
