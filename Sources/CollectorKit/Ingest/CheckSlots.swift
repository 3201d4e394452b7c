import Foundation
import Synchronization

/// At most `width` pushes have their signature checked and their body decoded at once; the rest
/// wait their turn without holding a thread. On a small machine the collector's checks would
/// otherwise take every core, and the one serialized database writer, whose pace sets the
/// throughput, would wait for CPU between its statements.
final class CheckSlots: Sendable {
    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }

    private let state: Mutex<State>

    /// One slot per core but one, and at least one: the remaining core is the writer's.
    static var defaultWidth: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    init(width: Int = CheckSlots.defaultWidth) {
        state = Mutex(State(free: max(1, width)))
    }

    func run<T>(_ body: () throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try body()
    }

    private func acquire() async {
        let granted = state.withLock { state in
            guard state.free > 0 else { return false }
            state.free -= 1
            return true
        }
        if granted { return }
        await withCheckedContinuation { continuation in
            let grantedNow = state.withLock { state in
                if state.free > 0 {
                    state.free -= 1
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if grantedNow { continuation.resume() }
        }
    }

    private func release() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard state.head < state.waiting.count else {
                state.free += 1
                return nil
            }
            let next = state.waiting[state.head]
            state.head += 1
            if state.head > 1024, state.head * 2 > state.waiting.count {
                state.waiting.removeFirst(state.head)
                state.head = 0
            }
            return next
        }
        next?.resume()
    }
}
