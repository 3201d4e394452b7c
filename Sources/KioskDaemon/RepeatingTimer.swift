import Foundation
import Synchronization

/// Runs work on a serial queue at once and then every `seconds`, until stopped.
final class RepeatingTimer: Sendable {
    let queue: DispatchQueue
    private let source = Mutex<DispatchSourceTimer?>(nil)

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func start(every seconds: Int, _ work: @escaping @Sendable () -> Void) {
        source.withLock { source in
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now(), repeating: .seconds(seconds), leeway: .seconds(5))
            timer.setEventHandler(handler: work)
            timer.resume()
            source = timer
        }
    }

    /// Stops the timer and waits for a run in progress to finish.
    func stop() {
        source.withLock { timer in
            timer?.cancel()
            timer = nil
        }
        queue.sync {}
    }
}
