/// A kind of `DaemonEvent` without its fields, named as the wire names it (the `event` member).
public enum EventKind: String, Codable, Sendable, Hashable, CaseIterable {
    case voteCounted = "vote-counted"
    case pressRejected = "press-rejected"
    case armed
    case deviceConnected = "device-connected"
    case deviceDisconnected = "device-disconnected"
    case ticketIssued = "ticket-issued"
    case ticketPrinted = "ticket-printed"
    case ticketNotPrinted = "ticket-not-printed"
    case ticketsCancelled = "tickets-cancelled"
    case printerFault = "printer-fault"
    case printerReady = "printer-ready"
    case storageFault = "storage-fault"
    case storageReady = "storage-ready"
    case slipPrinted = "slip-printed"
    case slipNotPrinted = "slip-not-printed"
    case daySealed = "day-sealed"
    case ticketCalled = "ticket-called"
    case ticketServing = "ticket-serving"
    case ticketServed = "ticket-served"
    case ticketNoShow = "ticket-no-show"
    case ticketTransferred = "ticket-transferred"
    case counterPaused = "counter-paused"
    case counterResumed = "counter-resumed"
    case queueKeyRefused = "queue-key-refused"
    case announcementStarted = "announcement-started"
    case announcementFailed = "announcement-failed"
    case speechStarted = "speech-started"
    case speechEnded = "speech-ended"
    case speechFailed = "speech-failed"
}

extension DaemonEvent {
    public var kind: EventKind {
        switch self {
        case .voteCounted: .voteCounted
        case .pressRejected: .pressRejected
        case .armed: .armed
        case .deviceConnected: .deviceConnected
        case .deviceDisconnected: .deviceDisconnected
        case .ticketIssued: .ticketIssued
        case .ticketPrinted: .ticketPrinted
        case .ticketNotPrinted: .ticketNotPrinted
        case .ticketsCancelled: .ticketsCancelled
        case .printerFault: .printerFault
        case .printerReady: .printerReady
        case .storageFault: .storageFault
        case .storageReady: .storageReady
        case .slipPrinted: .slipPrinted
        case .slipNotPrinted: .slipNotPrinted
        case .daySealed: .daySealed
        case .ticketCalled: .ticketCalled
        case .ticketServing: .ticketServing
        case .ticketServed: .ticketServed
        case .ticketNoShow: .ticketNoShow
        case .ticketTransferred: .ticketTransferred
        case .counterPaused: .counterPaused
        case .counterResumed: .counterResumed
        case .queueKeyRefused: .queueKeyRefused
        case .announcementStarted: .announcementStarted
        case .announcementFailed: .announcementFailed
        case .speechStarted: .speechStarted
        case .speechEnded: .speechEnded
        case .speechFailed: .speechFailed
        }
    }

    /// The `event` member of its kind.
    public var name: String { kind.rawValue }
}
