import Foundation

/// Reports as JSON, for the API and scripts.
public enum ReportJSON {
    public static func satisfaction(_ rows: [SatisfactionRow], query: ReportQuery) throws -> String {
        try encode(query: query, rows: rows.map { row in
            var object: [String: Any] = ["key": row.key, "label": row.label, "answers": row.answers, "satisfied": row.satisfied]
            if let percent = row.percentSatisfied { object["percentSatisfied"] = (percent * 10).rounded() / 10 }
            if let mean = row.meanScore { object["meanScore"] = (mean * 10).rounded() / 10 }
            return object
        })
    }

    public static func queue(_ rows: [QueueRow], query: ReportQuery) throws -> String {
        try encode(query: query, rows: rows.map { row in
            var object: [String: Any] = [
                "key": row.key, "label": row.label, "issued": row.issued, "priority": row.priority, "served": row.served,
                "noShow": row.noShow, "waitingMinutes": row.waiting,
            ]
            if let rate = row.noShowRate { object["noShowRate"] = (rate * 10).rounded() / 10 }
            if let mean = row.meanWaitMinutes { object["meanWaitMinutes"] = (mean * 10).rounded() / 10 }
            if let p90 = row.p90WaitMinutes { object["p90WaitMinutes"] = p90 }
            return object
        })
    }

    public static func slips(_ rows: [(procedure: String, count: Int)], query: ReportQuery) throws -> String {
        try encode(query: query, rows: rows.map { ["procedure": $0.procedure, "count": $0.count] })
    }

    private static func encode(query: ReportQuery, rows: [[String: Any]]) throws -> String {
        var object: [String: Any] = [
            "from": query.period.from.description, "to": query.period.to.description, "breakdown": query.breakdown.rawValue, "rows": rows,
        ]
        if let province = query.province { object["province"] = province }
        if let district = query.district { object["district"] = district }
        if let office = query.office { object["office"] = office }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
