import Foundation

/// Reports as CSV for Excel: UTF-8 with a byte-order mark (without it Excel shows Vietnamese as
/// mojibake), comma-separated, fields quoted when needed, CRLF line ends, headers Vietnamese first.
public enum ReportCSV {
    static let byteOrderMark = "\u{FEFF}"

    public static func satisfaction(_ rows: [SatisfactionRow]) -> String {
        document(
            header: ["Đơn vị / Unit", "Mã / Key", "Số câu trả lời / Answers", "Hài lòng / Satisfied", "Tỷ lệ hài lòng (%) / Satisfied (%)",
                "Điểm trung bình / Mean score"],
            rows: rows.map { row in
                [row.label, row.key, String(row.answers), String(row.satisfied), decimal(row.percentSatisfied), decimal(row.meanScore)]
            })
    }

    public static func queue(_ rows: [QueueRow]) -> String {
        document(
            header: ["Đơn vị / Unit", "Số vé / Tickets", "Ưu tiên / Priority", "Đã phục vụ / Served", "Vắng mặt / No-show",
                "Tỷ lệ vắng (%) / No-show (%)", "Chờ trung bình (phút) / Mean wait (min)", "Chờ p90 (phút) / p90 wait (min)"],
            rows: rows.map { row in
                [row.label, String(row.issued), String(row.priority), String(row.served), String(row.noShow), decimal(row.noShowRate),
                    decimal(row.meanWaitMinutes), row.p90WaitMinutes.map(String.init) ?? ""]
            })
    }

    public static func slips(_ rows: [(procedure: String, count: Int)]) -> String {
        document(header: ["Thủ tục / Procedure", "Số phiếu hẹn / Slips"], rows: rows.map { [$0.procedure, String($0.count)] })
    }

    public static func audit(_ entries: [AuditEntry]) -> String {
        document(
            header: ["Thời điểm (UTC) / When (UTC)", "Người làm / Who", "Việc / What", "Đối tượng / Subject", "Chi tiết / Details"],
            rows: entries.map { [CollectorTime.text($0.at), $0.actor, $0.action.rawValue, $0.subject, $0.detail] })
    }

    static func document(header: [String], rows: [[String]]) -> String {
        byteOrderMark + ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell starting with one of these is a formula to a spreadsheet (a tab, carriage return or
    /// line feed in front of the `=` too), so it gets a leading apostrophe.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// Scalars, not Characters, throughout: "\r\n" is one Character, equal to neither "\r" nor "\n".
    static func field(_ text: String) -> String {
        let safe = text.unicodeScalars.first.map(formulaStarts.contains) == true ? "'" + text : text
        guard safe.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func decimal(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? ""
    }
}
