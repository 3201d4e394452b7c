import Foundation
import Glibc

/// Talks to a running kioskd's control socket (see `ControlServer`).
public enum ControlClient {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sends one command and returns the single line answered.
    public static func request(_ command: String, socketPath: String) throws(Failure) -> String {
        let fd = try connect(socketPath)
        defer { close(fd) }
        guard UnixSocket.sendAll(fd, command + "\n"), let line = UnixSocket.readLine(fd, limit: 1 << 20) else {
            throw Failure(description: "kioskd did not answer on \(socketPath)")
        }
        return line
    }

    /// Subscribes to events; `onLine` gets each JSON line until it returns false or kioskd goes away.
    public static func subscribe(socketPath: String, onLine: (String) -> Bool) throws(Failure) {
        let fd = try connect(socketPath)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 0, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard UnixSocket.sendAll(fd, "subscribe\n") else {
            throw Failure(description: "kioskd closed \(socketPath)")
        }
        while let line = UnixSocket.readLine(fd, limit: 1 << 16), onLine(line) {}
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
