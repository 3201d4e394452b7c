import Foundation

/// What the daemon tells local listeners (screens, `kioskctl watch`) through the control socket.
///
/// A vote event says that an answer counted, never which answer: the screen only needs to say
/// thank you, and a stream of (time, choice) pairs is what anonymity forbids.
public enum DaemonEvent: Sendable, Equatable {
    case voteCounted(terminal: String, question: String, questionIndex: Int, completesRating: Bool)
    case pressRejected(terminal: String, kind: PressRejection)
    case armed(terminal: String, windowSeconds: Double)
    case deviceConnected(path: String, role: String)
    case deviceDisconnected(path: String, role: String, reason: String)
    /// A ticket was committed (its number is used from now on, printed or not).
    case ticketIssued(terminal: String, number: String, service: String, priority: Bool, waitingAhead: Int)
    case ticketPrinted(terminal: String, number: String, printer: String)
    /// The ticket is kept; `message` says why it is not printed, for the screen.
    case ticketNotPrinted(terminal: String, number: String, printer: String, problem: String, message: String)
    case ticketsCancelled(numbers: [String])
    case printerFault(printer: String, problem: String, message: String)
    case printerReady(printer: String)
    /// Commits fail (a full disk): presses and tickets are not stored.
    case storageFault(problem: String, message: String)
    /// A commit succeeded after `storageFault`.
    case storageReady
    case slipPrinted(printer: String, dossierCode: String)
    case slipNotPrinted(printer: String, dossierCode: String, problem: String, message: String)
    /// A day was sealed into the outbox (`hash` is its SHA-256, the next day's `previous`).
    case daySealed(day: String, hash: String)
    /// A ticket called to a counter (`calls`: 1 for the first call, then each recall).
    case ticketCalled(counter: String, counterNumber: Int, number: String, service: String, calls: Int)
    case ticketServing(counter: String, number: String)
    case ticketServed(counter: String, number: String, service: String, minutes: Double)
    case ticketNoShow(counter: String, number: String)
    case ticketTransferred(number: String, toService: String, toCounter: String?)
    case counterPaused(counter: String)
    case counterResumed(counter: String)
    /// A staff key that could not apply now; `message` says why (Vietnamese first).
    case queueKeyRefused(counter: String, message: String)
    /// The hall's speaker begins a call (its words are synthesized; the chime plays, then the words).
    case announcementStarted(number: String, counterNumber: Int)
    /// A call could not be spoken (no audio device, no espeak-ng); it was shown all the same.
    case announcementFailed(number: String, reason: String)
    /// Speech mode began at a terminal (its start key). What it says is never an event: with
    /// headphones it repeats the choice made.
    case speechStarted(terminal: String)
    /// Speech mode ended: `reason` is `by-user`, `timed-out` or `audio-failed`.
    case speechEnded(terminal: String, reason: String)
    /// Speech mode could not speak (no audio device, no espeak-ng); the terminal works as before.
    case speechFailed(terminal: String, reason: String)

    /// Whether the screens' event stream (which needs no token) carries it: what the hall and the
    /// counters' screens show, never dossier codes or device paths.
    public var isForScreens: Bool {
        switch self {
        case .voteCounted, .pressRejected, .armed, .ticketIssued, .ticketPrinted, .ticketNotPrinted, .ticketsCancelled, .printerFault,
            .printerReady, .ticketCalled, .ticketServing, .ticketServed, .ticketNoShow, .ticketTransferred, .counterPaused, .counterResumed,
            .queueKeyRefused, .announcementStarted, .storageFault, .storageReady:
            true
        case .deviceConnected, .deviceDisconnected, .slipPrinted, .slipNotPrinted, .daySealed, .announcementFailed, .speechStarted, .speechEnded,
            .speechFailed:
            false
        }
    }

    /// One JSON object, as the control socket and the screens' feed send it.
    public var json: String { ProtocolJSON.encode(self) }
}
