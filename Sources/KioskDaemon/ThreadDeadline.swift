import Foundation

/// Deadlines for a thread's own waits (a condition variable, a poll for a CUPS job): real time
/// that passes while the thread sleeps, whatever time the office's clock says it is. Kept apart
/// from `OfficeClock` so a test that sets the office's time does not stretch or skip real waits.
enum ThreadDeadline {
    static func now() -> Date { Date() }

    static func after(_ seconds: Double) -> Date { Date().addingTimeInterval(seconds) }
}
