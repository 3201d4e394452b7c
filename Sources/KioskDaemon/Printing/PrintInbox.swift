import Foundation
import KioskStore

/// One printer lane's queue of work, shared between the threads that enqueue (input, control,
/// HTTP) and the lane's thread that takes: the work in order, the tickets queued or in flight (so a
/// ticket is never queued twice), staff's cancel and retry requests, and the stop request.
final class PrintInbox: @unchecked Sendable {
    /// Everything below is under `condition`.
    private let condition = NSCondition()
    private var work: [PrintWork] = []
    private var queuedTickets: Set<TicketKey> = []
    private var inFlight: TicketKey?
    private var cancelledInFlight = false
    private var retryRequested = false
    private var stopping = false

    /// Queues work; a ticket already queued or in flight is not queued again.
    func enqueue(_ item: PrintWork) {
        condition.lock()
        defer { condition.unlock() }
        if case .ticket(let ticket) = item {
            guard queuedTickets.insert(TicketKey(ticket)).inserted, inFlight != TicketKey(ticket) else { return }
        }
        work.append(item)
        condition.signal()
    }

    /// Staff cancelled these tickets: out of the queue, and the one in flight, if it is one of
    /// them, is marked so the lane cancels its job at the next look.
    func forget(_ keys: Set<TicketKey>) {
        condition.lock()
        defer { condition.unlock() }
        work.removeAll { item in
            guard case .ticket(let ticket) = item, keys.contains(TicketKey(ticket)) else { return false }
            queuedTickets.remove(TicketKey(ticket))
            return true
        }
        if let inFlight, keys.contains(inFlight) { cancelledInFlight = true }
    }

    func requestRetry() {
        condition.lock()
        retryRequested = true
        condition.broadcast()
        condition.unlock()
    }

    func requestStop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// What the lane's thread does while it waits for work.
    enum Idle {
        /// Nothing to do until work arrives.
        case sleep
        /// Wake at this deadline (a printer with a problem is checked again) unless work arrives first.
        case wake(at: Date)
    }

    /// The next work, nil once stopping. Between items: a staff retry runs `onRetry`, and when
    /// `idle` says so the lane is woken at a deadline to run `onWake`; both run outside the lock.
    func next(idle: () -> Idle, onRetry: () -> Void, onWake: () -> Void) -> PrintWork? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopping { return nil }
            if retryRequested {
                retryRequested = false
                condition.unlock()
                onRetry()
                condition.lock()
                continue
            }
            if !work.isEmpty {
                let item = work.removeFirst()
                if case .ticket(let ticket) = item { inFlight = TicketKey(ticket) }
                if case .reprint(let ticket) = item { inFlight = TicketKey(ticket) }
                return item
            }
            switch idle() {
            case .sleep:
                condition.wait()
            case .wake(let deadline):
                if !condition.wait(until: deadline) {
                    condition.unlock()
                    onWake()
                    condition.lock()
                }
            }
        }
    }

    /// The lane is done with a ticket (printed, kept or left to CUPS).
    func finish(_ ticket: StoredTicket) {
        condition.lock()
        queuedTickets.remove(TicketKey(ticket))
        inFlight = nil
        cancelledInFlight = false
        condition.unlock()
    }

    var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    var inFlightCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelledInFlight
    }

    /// Takes everything queued (the printer has a fault: the waiting work is answered, not printed).
    func takeAll() -> [PrintWork] {
        condition.lock()
        defer { condition.unlock() }
        let taken = work
        work.removeAll()
        for case .ticket(let ticket) in taken { queuedTickets.remove(TicketKey(ticket)) }
        return taken
    }
}
