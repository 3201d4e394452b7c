/// How hard one push run tries before giving up until the next run (the nightly timer, or staff).
public struct PushPolicy: Sendable {
    /// Tries per day before the run gives up.
    public var attempts: Int
    /// The first wait; each retry doubles it, up to `maximumDelay`.
    public var initialDelay: Double
    public var maximumDelay: Double
    /// Per request.
    public var timeout: Double

    public init(attempts: Int = 6, initialDelay: Double = 5, maximumDelay: Double = 300, timeout: Double = 30) {
        self.attempts = attempts
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.timeout = timeout
    }

    /// The wait before retry number `retry` (1 for the first retry): exponential, capped, and
    /// "full jitter" between half and all of it, so a province's kiosks that failed together do
    /// not retry together.
    public func delay(beforeRetry retry: Int, random: Double) -> Double {
        let exponential = min(maximumDelay, initialDelay * Double(1 << min(retry - 1, 30)))
        return exponential * (0.5 + 0.5 * min(max(random, 0), 1))
    }
}
