/// Growing waits between attempts: each failure waits the next delay of the list (the last one
/// repeats), and a success starts the list again.
public struct RetrySchedule: Sendable, Equatable {
    public let delays: [Double]
    public private(set) var failures = 0

    public init(delays: [Double]) {
        precondition(!delays.isEmpty, "a schedule needs at least one delay")
        self.delays = delays
    }

    /// After a job failed on a printer that does not say it is stopped (CUPS aborted the job, or
    /// held it to retry): the next attempt is the probe, one job, so a printer out of paper
    /// costs one failed job per wait instead of a burst of them.
    public static let probe = RetrySchedule(delays: [2, 4, 8, 15, 30])
    /// After cupsd crashed on a job: seconds first, then minutes.
    public static let crash = RetrySchedule(delays: [5, 20, 60, 180, 300])

    /// Counts a failure; returns how long to wait before the next attempt.
    public mutating func failed() -> Double {
        failures += 1
        return delays[min(failures, delays.count) - 1]
    }

    public mutating func succeeded() {
        failures = 0
    }
}
