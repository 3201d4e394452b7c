import Foundation
import KioskInput
import ServiceLifecycle

/// A part of the running daemon with a thread or timer of its own, started and stopped by calls
/// that return once it runs or once its threads have finished.
protocol DaemonPart: DaemonService {
    func start()
    /// Returns once the part's threads have finished.
    func stop()
}

extension DaemonPart {
    func run(started: StartLatch) async {
        start()
        started.open()
        // Returns on graceful shutdown, or throws on cancellation: the part is stopped either way.
        try? await gracefulShutdown()
        await Self.offThePool { stop() }
    }

    /// Runs a blocking call on a thread of its own: a part's stop joins its threads, and must not
    /// hold one of the few threads of Swift's cooperative pool while other services need them.
    static func offThePool(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                work()
                continuation.resume()
            }
            thread.name = "kiosk-stop"
            thread.start()
        }
    }
}

extension ControlServer: DaemonPart {}
extension PrintSpooler: DaemonPart {}
extension StorageWatch: DaemonPart {}
extension InputManager: DaemonPart {}
extension DaySealer: DaemonPart {}
