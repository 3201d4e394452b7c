import Foundation
import Glibc

/// Collects the lines a child process or socket produces, with the time each arrived, so that
/// tests can await one and benchmarks can time it.
public final class LineCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var collected: [String] = []
    private var arrivals: [UInt64] = []
    private var partial = ""
    private var closed = false

    public init() {}

    public func append(_ data: Data) {
        let now = DispatchTime.now().uptimeNanoseconds
        condition.lock()
        partial += String(decoding: data, as: UTF8.self)
        while let newline = partial.firstIndex(of: "\n") {
            collected.append(String(partial[..<newline]))
            arrivals.append(now)
            partial = String(partial[partial.index(after: newline)...])
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Collects everything a child writes to `pipe` until it closes it, on a thread of its own.
    ///
    /// Blocking reads, not `FileHandle.readabilityHandler`: that is a Dispatch read source, and the
    /// pipe's descriptor is closed when the handle goes away, whether or not the source's
    /// cancellation has finished, which libdispatch forbids (its event loop then reads freed memory).
    public func collect(from pipe: ChildPipe) {
        let handle = pipe.parentEnd
        let reader = Thread { [self] in
            let descriptor = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                append(Data(buffer[0..<count]))
            }
            close()
            try? handle.close()
        }
        reader.start()
    }

    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    public var lines: [String] { locked { collected } }
    public var count: Int { locked { collected.count } }
    public var isClosed: Bool { locked { closed } }

    /// When line `index` arrived, in `DispatchTime` nanoseconds.
    public func arrival(of index: Int) -> UInt64 { locked { arrivals[index] } }

    /// Blocks until at least `count` lines have arrived (woken by each arrival, no polling).
    public func awaitCount(_ count: Int, timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while collected.count < count {
            if closed || !condition.wait(until: deadline) {
                if collected.count >= count { return }
                throw HarnessError("timed out after \(timeout) s waiting for \(count) lines (have \(collected.count))")
            }
        }
    }

    /// Waits for a line (after index `from`) that satisfies `matching`; returns its index.
    @discardableResult
    public func await(
        _ what: String, from: Int = 0, timeout: Double = 10, matching: (String) -> Bool
    ) throws -> Int {
        var found: Int?
        try awaitCondition(what, timeout: timeout) {
            let lines = self.lines
            found = lines.indices.first { $0 >= from && matching(lines[$0]) }
            return found != nil
        }
        return found!
    }
}
