/// A report's rows come from several statements (whole months from the rollups, the days around
/// them from the day rows); these add up rows with the same key and put them in key order.
extension SatisfactionRow {
    package static func merged(_ rows: [SatisfactionRow]) -> [SatisfactionRow] {
        var merged: [String: SatisfactionRow] = [:]
        for row in rows {
            guard var existing = merged[row.key] else {
                merged[row.key] = row
                continue
            }
            existing.answers += row.answers
            existing.satisfied += row.satisfied
            existing.scoreSum += row.scoreSum
            merged[row.key] = existing
        }
        return merged.values.sorted { $0.key < $1.key }
    }
}

package enum SlipCounts {
    /// Most printed first, then by name.
    package static func merged(_ rows: [(procedure: String, count: Int)]) -> [(procedure: String, count: Int)] {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.procedure, default: 0] += row.count }
        return counts.map { (procedure: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.procedure < $1.procedure }
    }
}
