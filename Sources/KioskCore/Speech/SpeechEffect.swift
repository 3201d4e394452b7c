/// What the daemon does for a speech session's decision, in order.
public enum SpeechEffect: Sendable, Equatable {
    /// Stop whatever is playing at once (every key in speech mode does this first).
    case stopSpeech
    /// Say these, one after the other.
    case speak([SpeechPhrase])
    case started
    case ended(SpeechEnd)
    /// Commit and print a ticket, then send `.ticketIssued` (or `.commitFailed`).
    case issueTicket(TicketChoice)
    /// Commit a rating answer (choice slot, 1-based) through the terminal's `RatingSession`; the
    /// speech after it is said only once the answer is committed.
    case commitAnswer(questionIndex: Int, choice: Int, completesRating: Bool)
    /// Levels 1–10.
    case setVolume(Int)
    case setRate(Int)
}
