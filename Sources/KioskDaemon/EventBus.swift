import KioskProtocol
import Synchronization

/// Where kioskd's events go: made first and handed to every producer (the input thread, the
/// print lanes, the storage watch, the sealer, the announcer); the control socket's subscribers
/// and the screens' feed receive from it.
///
/// One lock orders publishing against snapshots: `publish`'s `update` (a state change) and the
/// delivery of its events happen under it, and so does a new subscriber's snapshot (`quiet`), so
/// the subscriber learns of the change exactly once, in its snapshot or as an event.
final class EventBus: Sendable {
    typealias Sink = @Sendable ([DaemonEvent]) -> Void

    private let sinks = Mutex<[Sink]>([])

    /// Adds a receiver; before the producers start.
    func subscribe(_ sink: @escaping Sink) {
        sinks.withLock { $0.append(sink) }
    }

    /// Applies `update`, then delivers `events` to every receiver, in one step.
    func publish(_ events: [DaemonEvent], update: () -> Void = {}) {
        sinks.withLock { sinks in
            update()
            guard !events.isEmpty else { return }
            for sink in sinks { sink(events) }
        }
    }

    /// Runs `body` while nothing is published: for a new subscriber's snapshot.
    func quiet<Value>(_ body: () throws -> Value) rethrows -> Value {
        try sinks.withLock { _ in try body() }
    }
}
