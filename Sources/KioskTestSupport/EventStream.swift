import Foundation
import Glibc
import KioskProtocol

/// A subscription to kioskd's control socket: collects its JSON event lines.
public final class EventStream: @unchecked Sendable {
    public let lines: LineCollector
    private let fd: Int32
    private let reader: Thread
    private let readerEnded = DispatchSemaphore(value: 0)
    private let decodedLock = NSLock()
    private var decoded = Decoded()

    public init(socketPath: String, timeout: Double = 10) throws {
        var connected: Int32 = -1
        try awaitCondition("kioskd's control socket \(socketPath)", timeout: timeout) {
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(socketPath.utf8)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            if status == 0 {
                connected = fd
                return true
            }
            close(fd)
            return false
        }
        fd = connected
        _ = (ProtocolJSON.encode(ControlRequest.subscribe) + "\n").withCString { send(connected, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        let collector = LineCollector()
        lines = collector
        let socketFD = connected
        let ended = readerEnded
        reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socketFD, &buffer, buffer.count, 0)
                if count <= 0 { break }
                collector.append(Data(buffer[0..<count]))
            }
            collector.close()
            ended.signal()
        }
        reader.start()
        try lines.await("the subscription to be confirmed", timeout: timeout) { SubscriptionConfirmation.confirms($0) }
    }

    /// Ends the reader's `recv`, waits for the reader, then closes the socket. Only here: closed
    /// earlier (by the reader, when kioskd went away), its number could go to another socket, a
    /// child's standard stream say, before this shut that one down.
    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        _ = readerEnded.wait(timeout: .now() + 10)
        close(fd)
    }

    /// The events received so far, decoded (without the "subscribed" line).
    public var events: [DaemonEvent] { decodeNewLines().events }

    /// Lines that are not a `DaemonEvent`: `await` fails on the first, so a change to the wire
    /// form shows as a failed test rather than as an event that never came.
    public var undecodableLines: [String] { decodeNewLines().undecodable }

    /// The events of one kind, in the order they came.
    public func all(_ kind: EventKind) -> [DaemonEvent] {
        events.filter { $0.kind == kind }
    }

    public func first(_ kind: EventKind) -> DaemonEvent? {
        events.first { $0.kind == kind }
    }

    public func last(_ kind: EventKind) -> DaemonEvent? {
        events.last { $0.kind == kind }
    }

    public func count(of kind: EventKind) -> Int {
        events.count { $0.kind == kind }
    }

    /// Waits until `count` events of a kind have arrived in total.
    public func await(_ kind: EventKind, count: Int = 1, timeout: Double = 10) throws {
        try awaitCondition("\(count) \(kind) event(s)", timeout: timeout) {
            if let line = self.undecodableLines.first { throw HarnessError("kioskd sent a line that is not an event: \(line)") }
            return self.count(of: kind) >= count
        }
    }

    /// Decodes the lines that came since the last call; every line is decoded once.
    private func decodeNewLines() -> Decoded {
        decodedLock.lock()
        defer { decodedLock.unlock() }
        let lines = self.lines.lines
        for line in lines[decoded.lines...] {
            if let event = try? ProtocolJSON.decode(DaemonEvent.self, from: line) {
                decoded.events.append(event)
            } else if !SubscriptionConfirmation.confirms(line) {
                decoded.undecodable.append(line)
            }
        }
        decoded.lines = lines.count
        return decoded
    }

    private struct Decoded {
        var lines = 0
        var events: [DaemonEvent] = []
        var undecodable: [String] = []
    }
}
