import Foundation

/// Waits until a condition holds, checking it every few milliseconds, or fails after `timeout`.
/// This awaits a state; it is not a sleep that hopes the state has come.
public func awaitCondition(
    _ what: @autoclosure () -> String, timeout: Double = 10, _ condition: () throws -> Bool
) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return }
        if Date() > deadline { throw HarnessError("timed out after \(timeout) s waiting for \(what())") }
        usleep(2_000)
    }
}

/// The same, for async tests: checks between short suspensions instead of blocking a thread of
/// the cooperative pool, which the tasks being waited for may need.
public func awaitCondition(
    _ what: @autoclosure () -> String, timeout: Double = 10, _ condition: () throws -> Bool
) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return }
        if Date() > deadline { throw HarnessError("timed out after \(timeout) s waiting for \(what())") }
        try await Task.sleep(nanoseconds: 2_000_000)
    }
}
