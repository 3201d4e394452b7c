import KioskProtocol

/// The fields many kinds of event share, for tests that check one without spelling out the case.
/// Each switch names every case, so a new kind must say whether it has the field.
extension DaemonEvent {
    /// The ticket's number.
    public var number: String? {
        switch self {
        case .ticketIssued(_, let number, _, _, _), .ticketPrinted(_, let number, _), .ticketNotPrinted(_, let number, _, _, _),
            .ticketCalled(_, _, let number, _, _), .ticketServing(_, let number), .ticketServed(_, let number, _, _),
            .ticketNoShow(_, let number), .ticketTransferred(let number, _, _), .announcementStarted(let number, _),
            .announcementFailed(let number, _):
            number
        case .voteCounted, .pressRejected, .armed, .deviceConnected, .deviceDisconnected, .ticketsCancelled, .printerFault, .printerReady,
            .storageFault, .storageReady, .slipPrinted, .slipNotPrinted, .daySealed, .counterPaused, .counterResumed, .queueKeyRefused,
            .speechStarted, .speechEnded, .speechFailed:
            nil
        }
    }

    /// A `PrintProblem` or storage problem code.
    public var problem: String? {
        switch self {
        case .ticketNotPrinted(_, _, _, let problem, _), .printerFault(_, let problem, _), .storageFault(let problem, _),
            .slipNotPrinted(_, _, let problem, _):
            problem
        case .voteCounted, .pressRejected, .armed, .deviceConnected, .deviceDisconnected, .ticketIssued, .ticketPrinted, .ticketsCancelled,
            .printerReady, .storageReady, .slipPrinted, .daySealed, .ticketCalled, .ticketServing, .ticketServed, .ticketNoShow,
            .ticketTransferred, .counterPaused, .counterResumed, .queueKeyRefused, .announcementStarted, .announcementFailed, .speechStarted,
            .speechEnded, .speechFailed:
            nil
        }
    }

    /// What people read (Vietnamese first).
    public var message: String? {
        switch self {
        case .ticketNotPrinted(_, _, _, _, let message), .printerFault(_, _, let message), .storageFault(_, let message),
            .slipNotPrinted(_, _, _, let message), .queueKeyRefused(_, let message):
            message
        case .voteCounted, .pressRejected, .armed, .deviceConnected, .deviceDisconnected, .ticketIssued, .ticketPrinted, .ticketsCancelled,
            .printerReady, .storageReady, .slipPrinted, .daySealed, .ticketCalled, .ticketServing, .ticketServed, .ticketNoShow,
            .ticketTransferred, .counterPaused, .counterResumed, .announcementStarted, .announcementFailed, .speechStarted, .speechEnded,
            .speechFailed:
            nil
        }
    }
}
