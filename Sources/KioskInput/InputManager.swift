import CEvdev
import Foundation
import Glibc
import KioskCore
import Synchronization

/// Keeps every configured input device open and reports what happens on them.
///
/// One thread polls all devices, a wake-up eventfd and an inotify watch of the devices'
/// directories. It sleeps in poll() with no timeout unless something is due (a missing device's
/// next retry, an LED to turn back, the heartbeat), so an idle office costs no CPU.
/// `handler` runs on that thread, in event order; a vote committed inside it delays the next
/// event only, which the kernel buffers meanwhile. What it answers (an LED to blink) is done by
/// the same thread once the events in hand are read.
public final class InputManager: Sendable {
    private let sources: [InputSource]
    private let handler: @Sendable (InputAction) -> InputResponse
    private let heartbeat: Heartbeat?
    private let mailbox: InputMailbox
    private let finished = DispatchSemaphore(value: 0)
    private let started = Mutex(false)

    public struct Heartbeat: Sendable {
        public var intervalSeconds: Double
        public var beat: @Sendable () -> Void

        public init(intervalSeconds: Double, beat: @escaping @Sendable () -> Void) {
            self.intervalSeconds = intervalSeconds
            self.beat = beat
        }
    }

    enum Command {
        case acknowledge(source: Int)
        /// Mail waits for the handler (`InputAction.mail`).
        case mail
        case stop
    }

    public init(
        sources: [InputSource], heartbeat: Heartbeat? = nil, mailbox: InputMailbox = InputMailbox(),
        handler: @escaping @Sendable (InputAction) -> InputResponse
    ) {
        self.sources = sources
        self.handler = handler
        self.heartbeat = heartbeat
        self.mailbox = mailbox
    }

    public func start() {
        let alreadyStarted = started.withLock { value in
            defer { value = true }
            return value
        }
        guard !alreadyStarted else { return }
        let thread = Thread { [self] in
            let handler = handler
            let loop = InputLoop(sources: sources, wakeFD: mailbox.wakeFD, heartbeat: heartbeat) { action in
                if case .acknowledge(let source) = handler(action) { self.mailbox.send(.acknowledge(source: source)) }
            }
            loop.run { self.mailbox.take() }
            finished.signal()
        }
        thread.name = "kiosk-input"
        thread.start()
    }

    /// Stops the loop and closes every device; returns when the thread has finished.
    public func stop() {
        guard started.withLock({ $0 }) else { return }
        send(.stop)
        finished.wait()
        finished.signal()
    }

    private func send(_ command: Command) {
        mailbox.send(command)
    }
}
