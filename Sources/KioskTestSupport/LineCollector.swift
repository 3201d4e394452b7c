import Foundation
import Synchronization

/// Collects the lines a child process or socket produces, so that tests can await one.
public final class LineCollector: Sendable {
    private let state = Mutex<(lines: [String], partial: String, closed: Bool)>(([], "", false))

    public init() {}

    public func append(_ data: Data) {
        state.withLock { state in
            state.partial += String(decoding: data, as: UTF8.self)
            while let newline = state.partial.firstIndex(of: "\n") {
                state.lines.append(String(state.partial[..<newline]))
                state.partial = String(state.partial[state.partial.index(after: newline)...])
            }
        }
    }

    public func close() {
        state.withLock { $0.closed = true }
    }

    public var lines: [String] { state.withLock { $0.lines } }
    public var isClosed: Bool { state.withLock { $0.closed } }

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
