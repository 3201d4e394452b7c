import Foundation

/// The collector's times as it stores and prints them (received, raised, audited, session
/// expiry): ISO 8601 UTC to the second, "2026-10-01T08:00:00Z", which sorts as text.
public enum CollectorTime {
    public static func text(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// A stored time, with or without milliseconds (the sign-in throttle's have them).
    package static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}
