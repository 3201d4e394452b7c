import Foundation
import KioskCore

/// The overview page's data, as the template reads it: filters, totals, bars, rows, alerts,
/// queue and health, all limited to what the signed-in person may see.
struct DashboardView {
    let account: StaffAccount
    let query: ReportQuery
    let periodKind: ReportPeriod.Kind
    let anchor: LocalDay
    let threshold: Double
    let rows: [SatisfactionRow]
    let offices: [SatisfactionRow]
    let queue: [QueueRow]
    let health: [KioskHealth]
    let today: LocalDay

    static let breakdownLabels: [(ReportQuery.Breakdown, String)] = [
        (.district, "quận/huyện / district"), (.office, "văn phòng / office"), (.counter, "quầy / counter"),
        (.service, "lĩnh vực / service"), (.question, "câu hỏi / question"), (.day, "ngày / day"), (.month, "tháng / month"),
    ]
    static let periodLabels: [(ReportPeriod.Kind, String)] = [
        (.day, "Ngày / Day"), (.week, "Tuần / Week"), (.month, "Tháng / Month"), (.quarter, "Quý / Quarter"), (.year, "Năm / Year"),
    ]

    var context: [String: Any] {
        let answers = rows.reduce(0) { $0 + $1.answers }
        let total = SatisfactionRow(
            key: "", label: "", answers: answers, satisfied: rows.reduce(0) { $0 + $1.satisfied }, scoreSum: rows.reduce(0) { $0 + $1.scoreSum })
        let byLabel = Self.breakdownLabels.first { $0.0 == query.breakdown }?.1 ?? query.breakdown.rawValue
        return [
            "title": "Tổng hợp", "user": account.name,
            "scope": account.districtLimit.map { "Quận/huyện \($0)" } ?? "Toàn tỉnh / Whole province",
            "periods": Self.periodLabels.map { ["value": $0.0.rawValue, "label": $0.1, "selected": $0.0 == periodKind] },
            "breakdowns": Self.breakdownLabels.filter { account.districtLimit == nil || $0.0 != .district }.map {
                ["value": $0.0.rawValue, "label": $0.1, "selected": $0.0 == query.breakdown]
            },
            "day": anchor.description, "from": query.period.from.description, "to": query.period.to.description,
            "total": ["answers": answers, "percent": Self.percent(total.percentSatisfied), "mean": Self.decimal(total.meanScore)],
            "byLabel": byLabel,
            "rows": rows.map { row in
                [
                    "key": row.key, "label": row.label, "answers": row.answers, "percent": Self.percent(row.percentSatisfied),
                    "percentValue": Self.decimal(row.percentSatisfied), "mean": Self.decimal(row.meanScore), "low": isLow(row),
                    "threshold": Self.decimal(threshold),
                ] as [String: Any]
            },
            "chartHeight": max(30, rows.count * 26 + 8), "thresholdX": 220 + Int(threshold * 3),
            "bars": rows.enumerated().map { index, row in
                let percent = row.percentSatisfied ?? 0
                return [
                    "key": row.key, "label": row.label.count > 28 ? row.label.prefix(27) + "…" : row.label, "y": index * 26 + 4, "textY": index * 26 + 17,
                    "width": Int((percent * 3).rounded()), "valueX": 226 + Int((percent * 3).rounded()),
                    "percent": Self.percent(row.percentSatisfied), "colour": isLow(row) ? "#c9252c" : "#2b8a3e",
                ] as [String: Any]
            },
            "query": "period=\(periodKind.rawValue)&day=\(anchor)&by=\(query.breakdown.rawValue)",
            "alerts": alerts.map { ["text": $0] },
            "queueByLabel": [.counter, .question].contains(query.breakdown) ? "lĩnh vực / service" : byLabel,
            "queue": queue.map { row in
                [
                    "label": row.label, "issued": row.issued, "meanWait": row.meanWaitMinutes.map { Self.decimal($0) + " phút" } ?? "–",
                    "p90": row.p90WaitMinutes.map { "\($0) phút" } ?? "–", "noShow": Self.percent(row.noShowRate),
                ] as [String: Any]
            },
            "health": health.map { kiosk in
                let silent = kiosk.silentNights(today: today)
                return [
                    "kiosk": kiosk.kiosk, "office": kiosk.officeName, "lastDay": kiosk.lastDay ?? "chưa gửi / never",
                    "silentNights": silent.map(String.init) ?? "–", "silent": (silent ?? 99) >= 2, "gaps": kiosk.gaps + kiosk.broken,
                    "alarms": kiosk.alarms, "alarmed": kiosk.alarms > 0, "printerFaults": kiosk.printerFaults,
                ] as [String: Any]
            },
        ]
    }

    /// Offices under the threshold, kiosks silent two nights or more, tamper and chain alarms.
    var alerts: [String] {
        var alerts = offices.filter(isLow).map {
            "\($0.label): tỷ lệ hài lòng \(Self.percent($0.percentSatisfied)), dưới ngưỡng \(Self.decimal(threshold)) % / satisfied below the threshold"
        }
        for kiosk in health where !kiosk.revoked {
            if let silent = kiosk.silentNights(today: today), silent >= 2 {
                alerts.append("\(kiosk.kiosk) (\(kiosk.officeName)): \(silent) đêm không gửi số liệu / nights without a push")
            } else if kiosk.lastDay == nil {
                alerts.append("\(kiosk.kiosk) (\(kiosk.officeName)): chưa gửi số liệu lần nào / has never pushed")
            }
            if kiosk.alarms > 0 {
                alerts.append("\(kiosk.kiosk): \(kiosk.alarms) báo động (số liệu bị sửa hoặc chuỗi đứt) / tamper or chain alarms")
            }
        }
        return alerts
    }

    private func isLow(_ row: SatisfactionRow) -> Bool {
        (row.percentSatisfied ?? 100) < threshold
    }

    static func percent(_ value: Double?) -> String {
        value.map { decimal($0) + " %" } ?? "–"
    }

    static func decimal(_ value: Double?) -> String {
        value == nil ? "–" : ReportCSV.decimal(value)
    }
}
