/// Durations in minutes counted in fixed buckets, the same for every kiosk so that the collector
/// can add them up: bucket i holds durations below `upperBounds[i]` minutes (and at or above the
/// bound before it); the last bucket holds everything from 120 minutes on.
public struct WaitHistogram: Sendable, Equatable {
    public static let upperBounds = [5, 10, 15, 20, 30, 45, 60, 90, 120]
    public static let bucketCount = upperBounds.count + 1

    public private(set) var counts: [Int]

    public init() {
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    /// Fails unless there is one count per bucket, none negative.
    public init?(counts: [Int]) {
        guard counts.count == Self.bucketCount, counts.allSatisfy({ $0 >= 0 }) else { return nil }
        self.counts = counts
    }

    public mutating func add(minutes: Double) {
        let index = Self.upperBounds.firstIndex { minutes < Double($0) } ?? Self.upperBounds.count
        counts[index] += 1
    }

    /// Adds another histogram's counts, bucket by bucket (the collector sums kiosks and days).
    public mutating func add(_ other: WaitHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    public var total: Int { counts.reduce(0, +) }
}
