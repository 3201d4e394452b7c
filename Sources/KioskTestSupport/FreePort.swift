import Foundation
import Glibc

/// TCP on 127.0.0.1, for the test servers (printer sinks, cupsd, ippeveprinter).
enum Loopback {
    /// Binds `fd` to a port the kernel picks (and listens, if asked); returns the port.
    static func bind(_ fd: Int32, listening: Bool = false) -> Int? {
        var address = address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, length) == 0 && (!listening || listen(fd, 16) == 0) && getsockname(fd, $0, &length) == 0
            }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// A listening socket on a port the kernel picks: (descriptor, port). `what` names the server
    /// in the error.
    static func listener(for what: String) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard let port = bind(fd, listening: true) else {
            close(fd)
            throw HarnessError("\(what): \(String(cString: strerror(errno)))")
        }
        return (fd, port)
    }

    /// Whether something accepts connections on the port.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = address(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now, for a server a test starts with an
/// explicit port (kioskd's HTTP API, a cupsd).
///
/// Not one the kernel picks (bind to port 0): those come from the ephemeral range, where every
/// server started with port 0 (a collectord, a printer sink) also gets its port. Between this
/// answer and the server binding it, another test's collectord was handed the same port, and a
/// ticket screen opened collectord's 404. These ports come from below the ephemeral range, each
/// handed out once per run, and are checked free when handed out.
public func freeLoopbackPort() throws -> Int {
    try ExplicitPorts.shared.take()
}

final class ExplicitPorts: @unchecked Sendable {
    static let shared = ExplicitPorts()
    private let lock = NSLock()
    private var candidate: Int
    private let range: Range<Int>

    private init() {
        let ephemeral = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8))?
            .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }.first ?? 32768
        let upper = min(ephemeral, 32768)
        range = (upper > 11000 ? 10000 : 1024)..<upper
        candidate = range.lowerBound + Int.random(in: 0..<(range.count / 2))
    }

    func take() throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        for _ in 0..<range.count {
            let port = candidate
            candidate = candidate + 1 < range.upperBound ? candidate + 1 : range.lowerBound
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = Loopback.address(port: port)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            if bound { return port }
        }
        throw HarnessError("no free port in \(range)")
    }
}
