import KioskProtocol

/// Reports as JSON, for scripts (`collectord report --format json`); the collector serves no report API.
public enum ReportJSON {
    public static func satisfaction(_ rows: [SatisfactionRow], query: ReportQuery) -> String {
        ProtocolJSON.encode(ReportDocument(query: query, rows: rows.map(SatisfactionJSONRow.init)))
    }

    public static func queue(_ rows: [QueueRow], query: ReportQuery) -> String {
        ProtocolJSON.encode(ReportDocument(query: query, rows: rows.map(QueueJSONRow.init)))
    }

    public static func slips(_ rows: [(procedure: String, count: Int)], query: ReportQuery) -> String {
        ProtocolJSON.encode(ReportDocument(query: query, rows: rows.map { SlipJSONRow(procedure: $0.procedure, count: $0.count) }))
    }

    static func oneDecimal(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
