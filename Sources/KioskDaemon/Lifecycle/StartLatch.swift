import Synchronization

/// Opens once: every task waiting on it then goes on, and so does every task that waits later.
///
/// The daemon's services chain their start through latches (`PartService`). A wait is not
/// cancellable: each part's start returns, so each latch is opened and each wait ends.
final class StartLatch: Sendable {
    private enum State {
        case closed([CheckedContinuation<Void, Never>])
        case open
    }

    private let state = Mutex(State.closed([]))

    init() {}

    func open() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            defer { state = .open }
            if case .closed(let waiting) = state { return waiting }
            return []
        }
        for continuation in waiting { continuation.resume() }
    }

    var isOpen: Bool {
        state.withLock { if case .open = $0 { true } else { false } }
    }

    /// How many tasks wait for it to open.
    var waiting: Int {
        state.withLock { if case .closed(let waiting) = $0 { waiting.count } else { 0 } }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let openAlready = state.withLock { state -> Bool in
                switch state {
                case .open: return true
                case .closed(var waiting):
                    waiting.append(continuation)
                    state = .closed(waiting)
                    return false
                }
            }
            if openAlready { continuation.resume() }
        }
    }
}
