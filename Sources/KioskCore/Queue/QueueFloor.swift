import Foundation

/// One day's queue of an office: every ticket and every counter, and what each staff key does.
/// Pure: the caller commits the new state before it shows the events, and gives the time.
///
/// - Call next: among the waiting tickets of the counter's services (and those transferred to
///   this counter), priority class first, then first come, first served by issue time. If the
///   current ticket is being served, it is finished first (and a rating armed).
/// - Recall: up to `maximumCalls` calls in all; then the ticket must be marked no-show.
/// - Done: finishes the current ticket and arms one rating at the counter (it does not say which
///   ticket). Transfer puts the ticket back in the queue of another service or for one counter,
///   keeping its place by issue time.
public struct QueueFloor: Sendable, Equatable {
    public struct Counter: Sendable, Equatable {
        public var id: String
        /// The services this counter calls, in the office file's order.
        public var services: [String]
        public var paused: Bool
        public var current: QueueTicket.ID?

        public init(id: String, services: [String], paused: Bool = false, current: QueueTicket.ID? = nil) {
            self.id = id
            self.services = services
            self.paused = paused
            self.current = current
        }
    }

    public private(set) var tickets: [QueueTicket.ID: QueueTicket] = [:]
    public private(set) var counters: [String: Counter]
    public let services: Set<String>
    /// The first call and the recalls together.
    public let maximumCalls: Int

    public init(counters: [Counter], services: Set<String>, maximumCalls: Int = 3) {
        self.counters = Dictionary(uniqueKeysWithValues: counters.map { ($0.id, $0) })
        self.services = services
        self.maximumCalls = max(1, maximumCalls)
    }

    /// A ticket as it was stored (a new one waits; after a restart, each as it stood: a called or
    /// served-now ticket is its counter's current one again).
    public mutating func add(_ ticket: QueueTicket) {
        tickets[ticket.id] = ticket
        switch ticket.state {
        case .called(let counter, _, _), .serving(let counter, _): counters[counter]?.current = ticket.id
        default: break
        }
    }

    /// Waiting tickets a counter may call, in the order it calls them.
    public func queue(for counterID: String) -> [QueueTicket] {
        guard let counter = counters[counterID] else { return [] }
        return tickets.values.filter { ticket in
            guard ticket.isWaiting else { return false }
            if let only = ticket.onlyCounter { return only == counterID }
            return counter.services.contains(ticket.waitingFor)
        }.sorted(by: QueueTicket.goesBefore)
    }

    /// Tickets waiting in a service's queue (not those sent to one counter), in order.
    public func waiting(for service: String) -> [QueueTicket] {
        tickets.values.filter { $0.isWaiting && $0.onlyCounter == nil && $0.waitingFor == service }.sorted(by: QueueTicket.goesBefore)
    }

    public func current(at counterID: String) -> QueueTicket? {
        counters[counterID]?.current.flatMap { tickets[$0] }
    }

    /// Applies a staff key; throws (changing nothing) when the key cannot apply now.
    public mutating func apply(_ command: QueueCommand, at counterID: String, now: Date) throws(QueueRefusal) -> [QueueEvent] {
        guard let counter = counters[counterID] else { throw .unknownCounter(counterID) }
        switch command {
        case .pause:
            counters[counterID]?.paused = true
            return [.paused(counter: counterID)]
        case .resume:
            counters[counterID]?.paused = false
            return [.resumed(counter: counterID)]
        case .callNext:
            guard !counter.paused else { throw .counterPaused }
            var events: [QueueEvent] = []
            if let current = current(at: counterID) {
                switch current.state {
                case .called: throw .currentNotServed(current.number)
                case .serving: events = finish(current, at: counterID, now: now)
                default: break  // finished tickets leave `current` as they finish
                }
            }
            guard let next = queue(for: counterID).first else {
                if events.isEmpty { throw .nobodyWaiting }
                return events
            }
            tickets[next.id]?.state = .called(counter: counterID, calls: 1, since: now)
            counters[counterID]?.current = next.id
            return events + [.called(next.id, next.number, counter: counterID, calls: 1)]
        case .recall:
            guard let current = current(at: counterID), case .called(_, let calls, let since) = current.state else { throw .noCurrentTicket }
            guard calls < maximumCalls else { throw .recallLimitReached(current.number, limit: maximumCalls) }
            tickets[current.id]?.state = .called(counter: counterID, calls: calls + 1, since: since)
            return [.called(current.id, current.number, counter: counterID, calls: calls + 1)]
        case .noShow:
            guard let current = current(at: counterID), case .called = current.state else { throw .noCurrentTicket }
            tickets[current.id]?.state = .noShow(counter: counterID)
            counters[counterID]?.current = nil
            return [.noShow(current.id, counter: counterID)]
        case .startServing:
            guard let current = current(at: counterID) else { throw .noCurrentTicket }
            switch current.state {
            case .called:
                tickets[current.id]?.state = .serving(counter: counterID, since: now)
                return [.serving(current.id, counter: counterID)]
            case .serving: return []
            default: throw .noCurrentTicket
            }
        case .done:
            guard let current = current(at: counterID) else { throw .noCurrentTicket }
            switch current.state {
            case .called, .serving: return finish(current, at: counterID, now: now)
            default: throw .noCurrentTicket
            }
        case .transferToService(let service):
            guard let current = current(at: counterID), current.isCalledOrServing else { throw .noCurrentTicket }
            guard services.contains(service) else { throw .unknownService(service) }
            guard service != current.waitingFor else { throw .sameService(service) }
            requeue(current.id, service: service, counter: nil, from: counterID)
            return [.transferred(current.id, toService: service, toCounter: nil)]
        case .transferToCounter(let target):
            guard let current = current(at: counterID), current.isCalledOrServing else { throw .noCurrentTicket }
            guard counters[target] != nil, target != counterID else { throw .unknownCounter(target) }
            requeue(current.id, service: current.waitingFor, counter: target, from: counterID)
            return [.transferred(current.id, toService: current.waitingFor, toCounter: target)]
        }
    }

    private mutating func finish(_ ticket: QueueTicket, at counterID: String, now: Date) -> [QueueEvent] {
        let since: Date
        switch ticket.state {
        case .serving(_, let start), .called(_, _, let start): since = start
        default: since = now
        }
        tickets[ticket.id]?.state = .served(counter: counterID)
        counters[counterID]?.current = nil
        let minutes = max(0, now.timeIntervalSince(since) / 60)
        return [.served(ticket.id, counter: counterID, service: ticket.waitingFor, minutes: minutes), .ratingArmed(counter: counterID)]
    }

    private mutating func requeue(_ id: QueueTicket.ID, service: String, counter: String?, from counterID: String) {
        tickets[id]?.waitingFor = service
        tickets[id]?.onlyCounter = counter
        tickets[id]?.state = .waiting
        counters[counterID]?.current = nil
    }
}

extension QueueTicket {
    var isCalledOrServing: Bool {
        switch state {
        case .called, .serving: true
        default: false
        }
    }
}
