import Foundation
import Glibc
import KioskControl
import KioskProtocol
import Synchronization

/// The daemon's local control socket: one `ControlRequest` JSON line per connection.
///
/// - `status` answers one `StatusReport` and closes.
/// - `subscribe` keeps the connection and sends one JSON line per `DaemonEvent`, starting with
///   a `device-connected` line for each device connected at that moment.
/// - anything else goes to `commands` (see `ControlCommands`) on a worker thread, so a command
///   that waits for a printer never holds up `status`; its one-line answer is sent back.
/// - a line that is no request answers a `ControlFailure` saying why.
///
/// Only local processes that can reach the socket file (mode 0660) talk to it.
final class ControlServer: Sendable {
    private let path: String
    private let listenFD: Int32
    private let status: @Sendable () -> StatusReport
    private let snapshot: @Sendable () -> [DaemonEvent]
    private let commands: @Sendable (ControlRequest) -> String
    private let subscribers = Mutex<[Int32]>([])
    private let finished = DispatchSemaphore(value: 0)
    private let bus: EventBus

    init(
        path: String, status: @escaping @Sendable () -> StatusReport, snapshot: @escaping @Sendable () -> [DaemonEvent],
        commands: @escaping @Sendable (ControlRequest) -> String, bus: EventBus
    ) throws {
        self.bus = bus
        self.path = path
        self.status = status
        self.snapshot = snapshot
        self.commands = commands
        unlink(path)
        let fd = UnixSocket.stream()
        guard fd >= 0, let (socketAddress, length) = UnixSocket.address(path) else {
            throw DaemonError.controlSocket(path: path, reason: "the path is too long for a Unix socket (max 107 bytes)")
        }
        var address = socketAddress
        let bound = UnixSocket.withSockaddr(&address) { bind(fd, $0, length) }
        guard bound == 0, listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw DaemonError.controlSocket(path: path, reason: reason)
        }
        chmod(path, 0o660)
        listenFD = fd
        bus.subscribe { [weak self] events in self?.deliver(events) }
    }

    func start() {
        let thread = Thread { [self] in
            acceptLoop()
            finished.signal()
        }
        thread.name = "kiosk-control"
        thread.start()
    }

    func stop() {
        shutdown(listenFD, Int32(SHUT_RDWR))
        finished.wait()
        close(listenFD)
        unlink(path)
        subscribers.withLock { fds in
            for fd in fds { close(fd) }
            fds = []
        }
    }

    /// Sends events to every subscriber (the bus calls it, under its lock).
    private func deliver(_ events: [DaemonEvent]) {
        let lines = events.map { $0.json + "\n" }.joined()
        subscribers.withLock { fds in
            fds.removeAll { fd in
                if UnixSocket.sendAll(fd, lines) { return false }
                close(fd)
                return true
            }
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listenFD, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            guard let line = UnixSocket.readLine(client, limit: 1 << 20) else {
                close(client)
                continue
            }
            let request: ControlRequest
            do {
                request = try ProtocolJSON.decode(ControlRequest.self, from: line)
            } catch {
                _ = UnixSocket.sendAll(client, ProtocolJSON.encode(ControlFailure(error: "not a control request: \(Self.reason(error))")) + "\n")
                close(client)
                continue
            }
            switch request {
            case .status:
                _ = UnixSocket.sendAll(client, ProtocolJSON.encode(status()) + "\n")
                close(client)
            case .subscribe:
                // The "subscribed" line tells the client that every later event will reach it.
                bus.quiet { subscribers.withLock { fds in
                    let current = snapshot().map { $0.json + "\n" }.joined()
                    if UnixSocket.sendAll(client, SubscriptionConfirmation.line + "\n" + current) {
                        // From now on a subscriber that stops reading is dropped when its socket
                        // buffer is full, instead of holding up the input thread that publishes.
                        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
                        fds.append(client)
                    } else {
                        close(client)
                    }
                } }
            case .reprint, .printTest, .printCancel, .printRetry, .printSlip, .seal, .reloadCalendars:
                // Printing may take a while: answer long commands without blocking the loop.
                var timeout = timeval(tv_sec: 120, tv_usec: 0)
                setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                let commands = self.commands
                DispatchQueue.global().async {
                    _ = UnixSocket.sendAll(client, commands(request) + "\n")
                    close(client)
                }
            }
        }
    }
}

extension ControlServer {
    /// What is wrong with a request line, in one sentence.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            (context.codingPath.map(\.stringValue) + [context.debugDescription]).joined(separator: ": ")
        case DecodingError.keyNotFound(let key, _):
            "missing \"\(key.stringValue)\""
        default:
            "\(error)"
        }
    }
}

public enum DaemonError: Error, CustomStringConvertible {
    case controlSocket(path: String, reason: String)
    case store(path: String, reason: String)

    public var description: String {
        switch self {
        case .controlSocket(let path, let reason): "cannot open the control socket \(path): \(reason)"
        case .store(let path, let reason): "cannot open the tally database \(path): \(reason)"
        }
    }
}
