/// Lets a burst of like messages through per window and counts the rest, so a device that
/// repeats a complaint on every frame cannot flood the journal. Pure: the caller passes the time.
struct LogRateLimiter: Sendable {
    enum Admission: Equatable {
        /// Log it. `suppressedBefore`: how many like it were held back in the window before;
        /// `lastOfBurst`: the ones after it, in this window, will be held back.
        case log(suppressedBefore: Int, lastOfBurst: Bool)
        case suppress
    }

    let burst: Int
    let windowSeconds: Double
    private var windows: [String: (start: Double, admitted: Int, suppressed: Int)] = [:]

    init(burst: Int = 5, windowSeconds: Double = 60) {
        self.burst = burst
        self.windowSeconds = windowSeconds
    }

    /// `key` tells which messages are alike (the message's format, not its values).
    mutating func admit(_ key: String, at now: Double) -> Admission {
        var suppressedBefore = 0
        if var window = windows[key], now - window.start < windowSeconds {
            guard window.admitted < burst else {
                window.suppressed += 1
                windows[key] = window
                return .suppress
            }
            window.admitted += 1
            windows[key] = window
            return .log(suppressedBefore: 0, lastOfBurst: window.admitted == burst)
        } else if let old = windows[key] {
            suppressedBefore = old.suppressed
        }
        windows[key] = (start: now, admitted: 1, suppressed: 0)
        return .log(suppressedBefore: suppressedBefore, lastOfBurst: burst == 1)
    }
}
