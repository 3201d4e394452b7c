import KioskProtocol

/// A kind of `DaemonEvent`, without its fields: what tests await and count.
public enum EventKind: Sendable, Hashable, CaseIterable {
    case voteCounted, pressRejected, armed, deviceConnected, deviceDisconnected
    case ticketIssued, ticketPrinted, ticketNotPrinted, ticketsCancelled
    case printerFault, printerReady, storageFault, storageReady
    case slipPrinted, slipNotPrinted, daySealed
    case ticketCalled, ticketServing, ticketServed, ticketNoShow, ticketTransferred
    case counterPaused, counterResumed, queueKeyRefused
    case announcementStarted, announcementFailed
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
        }
    }
}
