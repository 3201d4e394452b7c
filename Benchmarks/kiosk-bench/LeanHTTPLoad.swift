import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A lean HTTP/1.1 load generator for the ingest benchmark: one thread, poll(2), a non-blocking
/// keep-alive connection per simulated kiosk, each request written from prepared bytes and the
/// next sent when its answer has arrived. On a 2-core box the generator shares the CPU with the
/// collector and the database; this one costs a few µs per push where a full HTTP client costs
/// hundreds, so the benchmark measures the collector rather than its client.
enum LeanHTTPLoad {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Result {
        var status: Int
        var milliseconds: Double
    }

    private struct Lane {
        var fd: Int32 = -1
        var requests: [[UInt8]]
        var next = 0
        var written = 0
        var sentAt: UInt64 = 0
        var inbox: [UInt8] = []
    }

    /// Runs every lane's requests in order, all lanes at once; answers in completion order.
    static func run(port: Int, lanes requests: [[[UInt8]]]) throws -> [Result] {
        var lanes = requests.map { Lane(requests: $0) }
        var polls: [pollfd] = []
        for index in lanes.indices {
            lanes[index].fd = try connectNonBlocking(port: port)
            polls.append(pollfd(fd: lanes[index].fd, events: Int16(POLLOUT | POLLIN), revents: 0))
        }
        var results: [Result] = []
        results.reserveCapacity(requests.reduce(0) { $0 + $1.count })
        var open = lanes.count
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while open > 0 {
            let ready = poll(&polls, nfds_t(polls.count), 120_000)
            guard ready > 0 else {
                if ready < 0, errno == EINTR { continue }
                throw Failure(description: "no answer for 120 s with \(open) connections open")
            }
            for index in polls.indices where polls[index].revents != 0 && polls[index].fd >= 0 {
                let revents = Int32(polls[index].revents)
                if revents & Int32(POLLOUT) != 0 {
                    if try write(&lanes[index]) { polls[index].events = Int16(POLLIN) }
                }
                guard revents & Int32(POLLIN | POLLHUP | POLLERR) != 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(lanes[index].fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EAGAIN { continue }
                guard count > 0 else { throw Failure(description: "lane \(index): the collector closed the connection") }
                lanes[index].inbox += buffer[0..<count]
                while let (status, length) = response(in: lanes[index].inbox) {
                    results.append(Result(
                        status: status, milliseconds: Double(DispatchTime.now().uptimeNanoseconds - lanes[index].sentAt) / 1_000_000))
                    lanes[index].inbox.removeFirst(length)
                    lanes[index].next += 1
                    lanes[index].written = 0
                    if lanes[index].next < lanes[index].requests.count {
                        polls[index].events = Int16(try write(&lanes[index]) ? POLLIN : POLLOUT | POLLIN)
                    } else {
                        close(lanes[index].fd)
                        polls[index].fd = -1
                        open -= 1
                    }
                }
            }
        }
        return results
    }

    private static func connectNonBlocking(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var noDelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 || errno == EINPROGRESS else { throw Failure(description: "connect: \(String(cString: strerror(errno)))") }
        return fd
    }

    /// Writes what is left of the lane's current request; false when the socket cannot take it all yet.
    private static func write(_ lane: inout Lane) throws -> Bool {
        let request = lane.requests[lane.next]
        if lane.written == 0 { lane.sentAt = DispatchTime.now().uptimeNanoseconds }
        while lane.written < request.count {
            let count = request.withUnsafeBytes { Glibc.write(lane.fd, $0.baseAddress! + lane.written, request.count - lane.written) }
            if count < 0 {
                if errno == EAGAIN || errno == ENOTCONN { return false }
                throw Failure(description: "write: \(String(cString: strerror(errno)))")
            }
            lane.written += count
        }
        return true
    }

    /// The status and the byte length of the first complete response in `bytes`, if there is one.
    private static func response(in bytes: [UInt8]) -> (status: Int, length: Int)? {
        let end: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 16, let headerEnd = bytes.firstRange(of: end)?.upperBound else { return nil }
        let head = String(decoding: bytes[0..<headerEnd], as: UTF8.self).lowercased()
        let status = Int(head.split(separator: " ", maxSplits: 2)[1]) ?? 0
        var length = 0
        if let range = head.range(of: "\r\ncontent-length:") {
            let value = head[range.upperBound...].prefix { $0 != "\r" }.trimmingCharacters(in: .whitespaces)
            length = Int(value) ?? 0
        }
        return bytes.count >= headerEnd + length ? (status, headerEnd + length) : nil
    }

    /// A push as bytes on the wire.
    static func request(host: String, kiosk: String, signature: String, body: [UInt8]) -> [UInt8] {
        Array(
            "POST /api/v1/days HTTP/1.1\r\nHost: \(host)\r\nKiosk-Id: \(kiosk)\r\nKiosk-Signature: \(signature)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
                .utf8) + body
    }
}
