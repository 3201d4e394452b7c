import CEvdev
import Glibc
import Synchronization

/// How other threads reach the input thread: commands and the mail flag behind an eventfd the
/// input loop polls with the devices. Made before the `InputManager` that reads it, so that
/// parts built before the manager (speech mode's timers and players) can ring it.
public final class InputMailbox: Sendable {
    let wakeFD: Int32
    private let pending = Mutex<[InputManager.Command]>([])

    public init() {
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
    }

    deinit {
        close(wakeFD)
    }

    /// Tells the input thread that mail waits: its handler gets `.mail` once for any number of
    /// rings before it ran.
    public func ring() {
        send(.mail)
    }

    func send(_ command: InputManager.Command) {
        pending.withLock { commands in
            if case .mail = command, commands.contains(where: { if case .mail = $0 { true } else { false } }) { return }
            commands.append(command)
        }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    func take() -> [InputManager.Command] {
        pending.withLock { commands in
            defer { commands = [] }
            return commands
        }
    }
}
