import Foundation

/// How long a source must wait before its next sign-in, from its failures so far (pure; the
/// failures are kept in the database, so every collector sharing it sees them).
///
/// Only the source that fails is slowed: failures count per name *and* source (a guesser of one
/// name) and per source (a guesser of many names), never per name alone, so nobody can lock a
/// person out by guessing at their name from elsewhere, the province admin included. The delay
/// grows with each failure past the free ones (1 s, 2 s, 4 s, … up to 15 min), and failures are
/// forgotten a day after the last.
public enum LoginThrottle {
    public static let freePerNameAndSource = 3
    public static let freePerSource = 20
    public static let maximumDelay = 15 * 60
    public static let forgetAfter: TimeInterval = 24 * 3600

    public struct Failures: Sendable, Equatable {
        public var count: Int
        public var last: Date

        public init(count: Int, last: Date) {
            self.count = count
            self.last = last
        }
    }

    /// The keys a sign-in's failures count under.
    public static func keys(name: String, source: String) -> (nameAndSource: String, source: String) {
        ("name:\(name.lowercased())|source:\(source)", "source:\(source)")
    }

    /// Seconds to wait before the next attempt, or nil when one may be made now.
    public static func wait(nameAndSource: Failures?, source: Failures?, now: Date) -> Int? {
        [wait(nameAndSource, free: freePerNameAndSource, now: now), wait(source, free: freePerSource, now: now)].compactMap { $0 }.max()
    }

    static func wait(_ failures: Failures?, free: Int, now: Date) -> Int? {
        guard let failures, failures.count >= free, now.timeIntervalSince(failures.last) < forgetAfter else { return nil }
        let delay = Double(min(maximumDelay, 1 << min(failures.count - free, 20)))
        let remaining = delay - now.timeIntervalSince(failures.last)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }

    /// Failures older than a day start again from one.
    public static func counted(after previous: Failures?, at now: Date) -> Failures {
        guard let previous, now.timeIntervalSince(previous.last) < forgetAfter else { return Failures(count: 1, last: now) }
        return Failures(count: previous.count + 1, last: now)
    }
}
