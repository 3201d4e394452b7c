import Foundation
import Synchronization

/// A wall clock a test sets, for the collector's `CollectorClock`.
final class SettableWall: Sendable {
    let time: Mutex<Date>
    init(_ date: Date) { time = Mutex(date) }
    var now: @Sendable () -> Date { { self.time.withLock { $0 } } }
    func advance(by seconds: TimeInterval) { time.withLock { $0 += seconds } }
}
