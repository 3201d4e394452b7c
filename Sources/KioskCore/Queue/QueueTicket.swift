import Foundation

/// A ticket of the day as the queue sees it: who it is (service and number), when it was issued,
/// whether it has priority, and where it stands. Nothing here is ever linked to a vote.
public struct QueueTicket: Sendable, Equatable {
    /// Service and number identify a ticket within its day.
    public struct ID: Sendable, Hashable, CustomStringConvertible {
        public var service: String
        public var number: Int

        public init(service: String, number: Int) {
            self.service = service
            self.number = number
        }

        public var description: String { "\(service)#\(number)" }
    }

    public enum State: Sendable, Equatable {
        case waiting
        /// Called to `counter` at `since` (the first call); `calls` counts the first call and every recall.
        case called(counter: String, calls: Int, since: Date)
        case serving(counter: String, since: Date)
        case served(counter: String)
        case noShow(counter: String)
    }

    public var id: ID
    public var number: TicketNumber
    public var issuedAt: Date
    /// The priority class printed on the ticket; nil for none. Any class goes before every ticket without one.
    public var priorityClass: String?
    /// The service whose queue the ticket waits in: its own, or the one it was transferred to.
    public var waitingFor: String
    /// Set when staff transferred the ticket to one counter: only that counter calls it.
    public var onlyCounter: String?
    public var state: State

    public init(id: ID, number: TicketNumber, issuedAt: Date, priorityClass: String? = nil) {
        self.id = id
        self.number = number
        self.issuedAt = issuedAt
        self.priorityClass = priorityClass
        waitingFor = id.service
        onlyCounter = nil
        state = .waiting
    }

    public var isWaiting: Bool { state == .waiting }

    /// Queue order: priority class first, then strictly first come, first served by issue time
    /// (ties, within one clock tick, by service and number, so the order never depends on storage).
    public static func goesBefore(_ a: QueueTicket, _ b: QueueTicket) -> Bool {
        let aPriority = a.priorityClass != nil
        let bPriority = b.priorityClass != nil
        if aPriority != bPriority { return aPriority }
        if a.issuedAt != b.issuedAt { return a.issuedAt < b.issuedAt }
        if a.id.service != b.id.service { return a.id.service < b.id.service }
        return a.id.number < b.id.number
    }
}
