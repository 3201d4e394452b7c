import CollectorCore
import KioskCore

/// The rows of the report and health statements as values, for both engines.
extension SatisfactionRow {
    init(row: some SQLRow) throws {
        let key = try row.text("key")
        self.init(
            key: key, label: try row.optionalText("label") ?? key, answers: try row.integer("answers"), satisfied: try row.integer("satisfied"),
            scoreSum: try row.integer("score_sum"))
    }
}

extension QueueRow {
    /// The waiting histogram comes as its stored text ("1,0,2,…", `CollectorSchema.histogramText`).
    init(row: some SQLRow) throws {
        let histogramText = try row.text("waiting_minutes")
        guard let waiting = CollectorSchema.histogram(histogramText) else {
            throw CollectorStoreError("waiting_minutes: expected \(WaitHistogram.bucketCount) comma-separated counts, found \"\(histogramText)\"")
        }
        let key = try row.text("key")
        self.init(
            key: key, label: try row.optionalText("label") ?? key, issued: try row.integer("issued"), priority: try row.integer("priority"),
            served: try row.integer("served"), noShow: try row.integer("no_show"),
            waiting: waiting)
    }
}

extension KioskHealth {
    init(row: some SQLRow) throws {
        self.init(
            kiosk: try row.text("id"), officeCode: try row.text("office_code"), officeName: try row.text("office_name"),
            district: try row.text("district"), province: try row.text("province"), revoked: try row.integer("revoked") != 0,
            lastDay: try row.optionalText("last_day"), gaps: try row.integer("gaps"), broken: try row.integer("broken"),
            restarts: try row.integer("restarts"), alarms: try row.integer("alarms"), printerFaults: try row.integer("printer_faults"),
            firstDay: try row.optionalText("first_day"), storedDays: try row.integer("stored_days"))
    }
}

extension SlipCounts {
    static func slip(row: some SQLRow) throws -> (procedure: String, count: Int) {
        (try row.text("procedure"), try row.integer("count"))
    }
}
