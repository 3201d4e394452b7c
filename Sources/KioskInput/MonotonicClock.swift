import Glibc

/// Seconds on CLOCK_MONOTONIC: what lockouts and arm windows are measured with
/// (wall-clock changes, NTP steps, must not open or close them).
public enum MonotonicClock {
    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }
}
