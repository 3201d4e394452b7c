/// What a speech session is told: keys (with how long they were held, so a long press is told
/// from a short one), the dedicated start key, the time passing, the end of what it said, and
/// what became of the commit it asked for.
public enum SpeechEvent: Sendable, Equatable {
    case key(PhoneKey, heldSeconds: Double)
    case startKey
    /// Time passes: the daemon sends it at `SpeechSession.nextDeadline`.
    case tick
    /// The last speech it was given has played to its end.
    case speechFinished
    /// The last speech it was given could not be played.
    case audioFailed
    case ticketIssued(SpokenTicket)
    /// The ticket or answer asked for was not committed; the daemon kept the session it had.
    case commitFailed
    /// The answer was not counted because the rating had moved to question `toQuestion`
    /// meanwhile (staff opened a new rating, or the screen was answered): the session follows it.
    case ratingMoved(toQuestion: Int)
    /// The rating terminal's vote policy refused the answer (not armed, or in its lockout); the
    /// daemon kept the session it had.
    case answerRefused(RejectedPress)
}
