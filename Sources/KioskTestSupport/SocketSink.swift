import Foundation
import Glibc
import Synchronization

/// A TCP printer stand-in on 127.0.0.1: every connection is one job; its bytes are kept, with
/// the time the last byte arrived (the moment paper would come out).
public final class SocketSink: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let condition = NSCondition()
    private var received: [(bytes: [UInt8], lastByteAt: UInt64)] = []

    public init() throws {
        (listener, port) = try Loopback.listener(for: "socket sink")
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    public var deviceURI: String { "socket://127.0.0.1:\(port)" }

    public var jobs: [[UInt8]] {
        condition.lock()
        defer { condition.unlock() }
        return received.map(\.bytes)
    }

    /// When job `index`'s last byte arrived (`DispatchTime` nanoseconds).
    public func lastByteTime(of index: Int) -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        return received[index].lastByteAt
    }

    /// Waits until `count` jobs have been received completely (their connections closed).
    public func awaitJobs(_ count: Int, timeout: Double = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while received.count < count {
            guard condition.wait(until: deadline) else {
                throw HarnessError("timed out after \(timeout) s waiting for \(count) print job(s) at port \(port); have \(received.count)")
            }
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65536)
                var last = DispatchTime.now().uptimeNanoseconds
                while true {
                    let count = recv(client, &buffer, buffer.count, 0)
                    if count <= 0 { break }
                    bytes += buffer[0..<count]
                    last = DispatchTime.now().uptimeNanoseconds
                }
                close(client)
                condition.lock()
                received.append((bytes, last))
                condition.broadcast()
                condition.unlock()
            }.start()
        }
    }
}
