import Foundation
import Glibc
import KioskProtocol

/// Talks to a running kioskd's control socket (see kioskd's `ControlServer`): one JSON request
/// line, one JSON answer line.
public enum ControlClient {
    /// kioskd could not be reached, or answered something that is not the protocol.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sends one request; the answer is its reply, or kioskd's refusal with the reason.
    public static func send<Reply>(_ call: ControlCall<Reply>, socketPath: String) throws(Failure) -> Result<Reply, ControlFailure> {
        let line = try exchange(ProtocolJSON.encode(call.request), socketPath: socketPath)
        if let failure = try? ProtocolJSON.decode(ControlFailure.self, from: line) { return .failure(failure) }
        do {
            return .success(try ProtocolJSON.decode(Reply.self, from: line))
        } catch {
            throw Failure(description: "unexpected answer from kioskd (\(error)): \(line)")
        }
    }

    /// Subscribes to events; `onLine` gets each JSON line (the first says `subscribed`) until it
    /// returns false or kioskd goes away.
    public static func subscribe(socketPath: String, onLine: (String) -> Bool) throws(Failure) {
        let fd = try connect(socketPath)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 0, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard UnixSocket.sendAll(fd, ProtocolJSON.encode(ControlRequest.subscribe) + "\n") else {
            throw Failure(description: "kioskd closed \(socketPath)")
        }
        while let line = UnixSocket.readLine(fd, limit: 1 << 16), onLine(line) {}
    }

    private static func exchange(_ request: String, socketPath: String) throws(Failure) -> String {
        let fd = try connect(socketPath)
        defer { close(fd) }
        guard UnixSocket.sendAll(fd, request + "\n"), let line = UnixSocket.readLine(fd, limit: 1 << 20) else {
            throw Failure(description: "kioskd did not answer on \(socketPath)")
        }
        return line
    }

    private static func connect(_ path: String) throws(Failure) -> Int32 {
        let fd = UnixSocket.stream()
        guard fd >= 0, let (socketAddress, length) = UnixSocket.address(path) else {
            throw Failure(description: "bad control socket path \(path)")
        }
        var address = socketAddress
        let status = UnixSocket.withSockaddr(&address) { Glibc.connect(fd, $0, length) }
        guard status == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "cannot reach kioskd at \(path): \(reason) (is kioskd running?)")
        }
        return fd
    }
}
