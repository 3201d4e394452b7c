import Foundation
import Glibc

/// One plain HTTP/1.1 GET to a page kioskd serves on the box (an `http://` address with an IP or
/// `localhost`), answering with the status code. Kept to what the display unit needs before it
/// starts the browser, so kioskctl needs no HTTP client library for it.
struct PageProbe {
    enum Outcome: Equatable {
        case answered(status: Int)
        case unreachable(String)
    }

    let host: String
    let port: UInt16
    let path: String

    /// nil when `address` is not an `http://` address with a host.
    init?(_ address: String) {
        guard let url = URL(string: address), url.scheme == "http", let host = url.host, !host.isEmpty else { return nil }
        guard let port = UInt16(exactly: url.port ?? 80) else { return nil }
        self.host = host
        self.port = port
        let query = url.query.map { "?" + $0 } ?? ""
        self.path = (url.path.isEmpty ? "/" : url.path) + query
    }

    func get(timeout seconds: Int = 5) -> Outcome {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let lookup = getaddrinfo(host, String(port), &hints, &found)
        guard lookup == 0, let first = found else { return .unreachable(String(cString: gai_strerror(lookup))) }
        defer { freeaddrinfo(first) }

        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .unreachable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            return .unreachable(String(cString: strerror(errno)))
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
            return .unreachable(String(cString: strerror(errno)))
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while !received.contains(UInt8(ascii: "\n")) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { return .unreachable(String(cString: strerror(errno))) }
            if count == 0 { break }
            received += buffer[0..<count]
        }
        // "HTTP/1.1 200 OK"
        let statusLine = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            return .unreachable("not an HTTP answer: \"\(statusLine.prefix(80))\"")
        }
        return .answered(status: status)
    }
}
