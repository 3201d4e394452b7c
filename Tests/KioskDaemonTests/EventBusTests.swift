@testable import KioskDaemon
import KioskProtocol
import Synchronization
import Testing

/// The bus every producer publishes on: each receiver gets every event in order, and a state
/// change made with `update` is in place before its event reaches anyone.
struct EventBusTests {
    @Test func everyReceiverGetsEveryEventAfterTheStateChangeThatCameWithIt() {
        let bus = EventBus()
        let state = Mutex(0)
        let first = PublishedEvents(), second = PublishedEvents()
        let seenStates = Mutex<[Int]>([])
        bus.subscribe { events in
            seenStates.withLock { $0.append(state.withLock { $0 }) }
            first.append(events)
        }
        bus.subscribe { second.append($0) }
        bus.publish([.printerFault(printer: "p", problem: "out-of-paper", message: "m")]) { state.withLock { $0 = 1 } }
        bus.publish([]) { state.withLock { $0 = 2 } }
        bus.publish([.printerReady(printer: "p"), .storageReady])
        let expected: [DaemonEvent] = [.printerFault(printer: "p", problem: "out-of-paper", message: "m"), .printerReady(printer: "p"), .storageReady]
        #expect(first.events == expected)
        #expect(second.events == expected)
        #expect(seenStates.withLock { $0 } == [1, 2], "no delivery for an empty publish, and each after its update")
    }

    @Test func aSnapshotTakenQuietlyIsConsistentWithWhatIsPublishedAfter() {
        let bus = EventBus()
        let state = Mutex<[String]>([])
        let delivered = PublishedEvents()
        bus.subscribe { delivered.append($0) }
        bus.publish([.printerReady(printer: "a")]) { state.withLock { $0.append("a") } }
        let snapshot = bus.quiet { state.withLock { $0 } }
        bus.publish([.printerReady(printer: "b")]) { state.withLock { $0.append("b") } }
        let after = delivered.events.dropFirst(snapshot.count)
        #expect(snapshot + after.compactMap { if case .printerReady(let p) = $0 { p } else { nil } } == ["a", "b"])
    }
}
