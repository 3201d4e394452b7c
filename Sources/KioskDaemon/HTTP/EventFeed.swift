import Foundation
import KioskProtocol
import Synchronization

/// The daemon's events for the screens (server-sent events): every event published on the control
/// socket also goes to each subscribed page, with a ping every 15 s so a page that went away is
/// noticed. A slow page drops its oldest events instead of holding up the input thread.
///
/// A new page first gets a snapshot (each printer's state, as `printer-fault` or `printer-ready`),
/// taken under the lock that publishing takes: a state change made before its event is published
/// reaches the page in the snapshot, the event, or both (the events are states, so twice is
/// harmless), never in neither.
final class EventFeed: Sendable {
    enum Item: Sendable {
        case event(DaemonEvent)
        case ping
    }

    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<Item>.Continuation] = [:]
        var closed = false
    }

    private let subscribers = Mutex(Subscribers())
    private let snapshot: @Sendable () -> [DaemonEvent]
    // Only set up in init and cancelled in deinit.
    nonisolated(unsafe) private let timer: DispatchSourceTimer

    init(pingSeconds: Double = 15, snapshot: @escaping @Sendable () -> [DaemonEvent] = { [] }) {
        self.snapshot = snapshot
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "kioskd.event-feed"))
        timer.schedule(deadline: .now() + pingSeconds, repeating: pingSeconds)
        timer.setEventHandler { [weak self] in
            self?.subscribers.withLock { state in state.continuations.values.forEach { $0.yield(.ping) } }
        }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

    func subscribe() -> AsyncStream<Item> {
        let (stream, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingNewest(256))
        let snapshot = snapshot
        let id = subscribers.withLock { state -> Int? in
            guard !state.closed else { return nil }
            for event in snapshot() { continuation.yield(.event(event)) }
            state.next += 1
            state.continuations[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ events: [DaemonEvent]) {
        guard !events.isEmpty else { return }
        subscribers.withLock { state in
            for continuation in state.continuations.values {
                for event in events { continuation.yield(.event(event)) }
            }
        }
    }

    /// Ends every page's stream, and any that subscribes later at once: the server stops only
    /// once its requests have ended, and a page's stream would otherwise last until a ping found
    /// its page gone (a page that closed without a word leaves its connection half open).
    func close() {
        let open = subscribers.withLock { state in
            state.closed = true
            defer { state.continuations = [:] }
            return Array(state.continuations.values)
        }
        for continuation in open { continuation.finish() }
    }

    var subscriberCount: Int { subscribers.withLock { $0.continuations.count } }
}
