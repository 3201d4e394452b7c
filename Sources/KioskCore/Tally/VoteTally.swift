/// How many times one answer was given on one day at one terminal.
///
/// This is the only form in which votes exist: no row per vote, no time of day, no ticket.
/// Score and satisfied are copied from the survey at vote time, so the tally keeps its meaning
/// if the office later edits its survey.
public struct VoteTally: Sendable, Hashable {
    public var key: VoteKey
    public var count: Int

    public init(key: VoteKey, count: Int) {
        self.key = key
        self.count = count
    }
}

public struct VoteKey: Sendable, Hashable {
    public var day: LocalDay
    public var terminal: String
    public var counter: String
    /// The service rated, or "" when the terminal does not know it.
    public var service: String
    public var question: String
    public var choice: String
    public var score: Int
    public var satisfied: Bool

    public init(
        day: LocalDay, terminal: String, counter: String, service: String, question: String, choice: String,
        score: Int, satisfied: Bool
    ) {
        self.day = day
        self.terminal = terminal
        self.counter = counter
        self.service = service
        self.question = question
        self.choice = choice
        self.score = score
        self.satisfied = satisfied
    }
}

/// Presses that were not votes, counted per day and terminal so staff can see misuse and faults.
public struct PressTally: Sendable, Hashable {
    public var day: LocalDay
    public var terminal: String
    public var kind: RejectedPress
    public var count: Int

    public init(day: LocalDay, terminal: String, kind: RejectedPress, count: Int) {
        self.day = day
        self.terminal = terminal
        self.kind = kind
        self.count = count
    }
}

/// Why a press did not become a vote.
public enum RejectedPress: String, Sendable, Hashable, CaseIterable {
    /// Misuse: pressed during the lockout after a rating (`free` policy).
    case duringLockout = "misuse-lockout"
    /// Misuse: pressed while the terminal was not armed (`armed` policy).
    case whileUnarmed = "misuse-unarmed"
    /// Not a press: shorter than the minimum (a phantom tap).
    case tooShort = "ignored-short"
    /// Not a press: longer than the maximum (a stuck or resting touch).
    case tooLong = "ignored-long"
    /// Not a press: outside every zone.
    case outsideZones = "ignored-outside"
    /// Not a press: the touch was cut by an overflow of the kernel's event buffer (SYN_DROPPED),
    /// so its length and perhaps its place are unknown.
    case lostToOverflow = "ignored-overflow"

    public var isMisuse: Bool {
        self == .duringLockout || self == .whileUnarmed
    }
}
