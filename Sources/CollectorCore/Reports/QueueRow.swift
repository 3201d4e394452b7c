import KioskCore

/// The queue figures of one part of a report: tickets, priority, no-shows, waiting times (from the
/// summed bucket counts: the mean counts each wait at its bucket's middle, p90 is the upper bound
/// of the bucket that holds the 90th percentile).
public struct QueueRow: Sendable, Equatable {
    public var key: String
    public var label: String
    public var issued: Int
    public var priority: Int
    public var served: Int
    public var noShow: Int
    public var waiting: WaitHistogram

    public init(key: String, label: String, issued: Int, priority: Int, served: Int, noShow: Int, waiting: WaitHistogram) {
        self.key = key
        self.label = label
        self.issued = issued
        self.priority = priority
        self.served = served
        self.noShow = noShow
        self.waiting = waiting
    }

    /// Of the tickets that were called (served or no-show), the share that did not come, 0–100.
    public var noShowRate: Double? { served + noShow > 0 ? Double(noShow) * 100 / Double(served + noShow) : nil }

    public var meanWaitMinutes: Double? {
        let total = waiting.total
        guard total > 0 else { return nil }
        let bounds = [0] + WaitHistogram.upperBounds
        let middles = (0..<WaitHistogram.bucketCount).map { index in
            index < WaitHistogram.upperBounds.count ? Double(bounds[index] + bounds[index + 1]) / 2 : Double(WaitHistogram.upperBounds.last!)
        }
        return zip(waiting.counts, middles).reduce(0) { $0 + Double($1.0) * $1.1 } / Double(total)
    }

    /// The upper bound of the bucket holding the 90th percentile; for the last bucket, its lower bound ("120 or more").
    public var p90WaitMinutes: Int? {
        let total = waiting.total
        guard total > 0 else { return nil }
        var seen = 0
        for (index, count) in waiting.counts.enumerated() {
            seen += count
            if Double(seen) >= 0.9 * Double(total) {
                return index < WaitHistogram.upperBounds.count ? WaitHistogram.upperBounds[index] : WaitHistogram.upperBounds.last!
            }
        }
        return WaitHistogram.upperBounds.last!
    }

    /// Adds up rows with the same key (one per kiosk-day and service from the store), in key order.
    package static func merged(_ rows: [QueueRow]) -> [QueueRow] {
        var merged: [String: QueueRow] = [:]
        var order: [String] = []
        for row in rows {
            guard var existing = merged[row.key] else {
                merged[row.key] = row
                order.append(row.key)
                continue
            }
            existing.issued += row.issued
            existing.priority += row.priority
            existing.served += row.served
            existing.noShow += row.noShow
            existing.waiting.add(row.waiting)
            merged[row.key] = existing
        }
        return order.sorted().map { merged[$0]! }
    }
}
