import CollectorCore
import Foundation
import KioskCore

/// The overview page's figures, worked out into what its template reads (`page`): filters,
/// totals, bars, rows, alerts, queue and health, all limited to what the signed-in person may see.
struct DashboardView {
    let account: StaffAccount
    let query: ReportQuery
    let periodKind: ReportPeriod.Kind
    let anchor: LocalDay
    let threshold: Double
    let rows: [SatisfactionRow]
    let offices: [SatisfactionRow]
    let queue: [QueueRow]
    let slips: [(procedure: String, count: Int)]
    /// The index of each month (for a quarter or year) or day (for a week or month) of the period.
    let trend: [SatisfactionRow]
    let health: [KioskHealth]
    let today: LocalDay

    /// How a period's trend is cut: by month for a quarter or a year, by day for a week or a month.
    static func trendBreakdown(_ kind: ReportPeriod.Kind) -> ReportQuery.Breakdown? {
        switch kind {
        case .quarter, .year: .month
        case .week, .month: .day
        case .day: nil
        }
    }

    static let breakdownLabels: [(ReportQuery.Breakdown, String)] = [
        (.district, "quận/huyện / district"), (.office, "văn phòng / office"), (.counter, "quầy / counter"),
        (.service, "lĩnh vực / service"), (.question, "câu hỏi / question"), (.day, "ngày / day"), (.month, "tháng / month"),
    ]
    static let periodLabels: [(ReportPeriod.Kind, String)] = [
        (.day, "Ngày / Day"), (.week, "Tuần / Week"), (.month, "Tháng / Month"), (.quarter, "Quý / Quarter"), (.year, "Năm / Year"),
    ]

    var page: OverviewPage {
        let answers = rows.reduce(0) { $0 + $1.answers }
        let total = SatisfactionRow(
            key: "", label: "", answers: answers, satisfied: rows.reduce(0) { $0 + $1.satisfied }, scoreSum: rows.reduce(0) { $0 + $1.scoreSum })
        let byLabel = Self.breakdownLabels.first { $0.0 == query.breakdown }?.1 ?? query.breakdown.rawValue
        return OverviewPage(
            user: account.name, admin: account.role == .provinceAdmin,
            scope: account.districtLimit.map { "Quận/huyện \($0)" } ?? "Toàn tỉnh / Whole province",
            periods: Self.periodLabels.map { OverviewPage.Option(value: $0.0.rawValue, label: $0.1, selected: $0.0 == periodKind) },
            breakdowns: Self.breakdownLabels.filter { account.districtLimit == nil || $0.0 != .district }.map {
                OverviewPage.Option(value: $0.0.rawValue, label: $0.1, selected: $0.0 == query.breakdown)
            },
            day: anchor.description, from: query.period.from.description, to: query.period.to.description,
            total: OverviewPage.Total(answers: answers, percent: Self.percent(total.percentSatisfied), mean: Self.decimal(total.meanScore)),
            byLabel: byLabel,
            rows: rows.map { row in
                OverviewPage.IndexRow(
                    key: row.key, label: row.label, answers: row.answers, percent: Self.percent(row.percentSatisfied),
                    percentValue: Self.decimal(row.percentSatisfied), mean: Self.decimal(row.meanScore), low: isLow(row),
                    threshold: Self.decimal(threshold))
            },
            chartHeight: max(30, rows.count * 26 + 8), thresholdX: 220 + Int(threshold * 3),
            bars: rows.enumerated().map { index, row in
                let percent = row.percentSatisfied ?? 0
                return OverviewPage.Bar(
                    key: row.key, label: row.label.count > 28 ? row.label.prefix(27) + "…" : row.label, y: index * 26 + 4, textY: index * 26 + 17,
                    width: Int((percent * 3).rounded()), valueX: 226 + Int((percent * 3).rounded()),
                    percent: Self.percent(row.percentSatisfied), colour: isLow(row) ? "#c9252c" : "#2b8a3e")
            },
            query: "period=\(periodKind.rawValue)&day=\(anchor)&by=\(query.breakdown.rawValue)",
            alerts: alerts.map(OverviewPage.Alert.init),
            slips: slips.map { OverviewPage.Slip(procedure: $0.procedure, count: $0.count) },
            queueByLabel: [.counter, .question].contains(query.breakdown) ? "lĩnh vực / service" : byLabel,
            queue: queue.map { row in
                OverviewPage.QueueLine(
                    label: row.label, issued: row.issued, meanWait: row.meanWaitMinutes.map { Self.decimal($0) + " phút" } ?? "–",
                    p90: row.p90WaitMinutes.map { "\($0) phút" } ?? "–", noShow: Self.percent(row.noShowRate))
            },
            health: health.map { kiosk in
                let silent = kiosk.silentNights(today: today)
                return OverviewPage.Health(
                    kiosk: kiosk.kiosk, office: kiosk.officeName, lastDay: kiosk.lastDay ?? "chưa gửi / never",
                    silentNights: silent.map(String.init) ?? "–", silent: (silent ?? 99) >= 2,
                    gaps: kiosk.gaps + kiosk.broken + kiosk.restarts, missing: kiosk.missingDays, missed: kiosk.missingDays > 0,
                    alarms: kiosk.alarms, alarmed: kiosk.alarms > 0, printerFaults: kiosk.printerFaults)
            },
            trend: trendChart)
    }

    /// Columns of % satisfied, one per month or day of the period (a gap where there are no answers).
    private var trendChart: OverviewPage.Trend? {
        guard let breakdown = Self.trendBreakdown(periodKind) else { return nil }
        var slots: [(key: String, label: String)] = []
        var day = query.period.from
        while day <= query.period.to {
            let month = String(day.description.prefix(7))
            if breakdown == .day {
                slots.append((day.description, String(day.day)))
            } else if slots.last?.key != month {
                slots.append((month, "T\(day.month)"))
            }
            day = day.adding(days: 1)!
        }
        let byKey = Dictionary(trend.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let pitch = 560.0 / Double(slots.count)
        let columns = slots.enumerated().map { index, slot in
            let row = byKey[slot.key]
            let percent = row?.percentSatisfied
            let height = (percent ?? 0) * 1.4
            return OverviewPage.Trend.Column(
                key: slot.key, label: slot.label, hasFigures: percent != nil, percent: Self.percent(percent),
                percentValue: Self.decimal(percent), x: Self.svg(40 + Double(index) * pitch + 1), width: Self.svg(max(1, pitch - 2)),
                y: Self.svg(150 - height), height: Self.svg(height), labelX: Self.svg(40 + (Double(index) + 0.5) * pitch),
                showLabel: slots.count <= 12 || index % 5 == 0 || index == slots.count - 1,
                colour: row.map(isLow) == true ? "#c9252c" : "#2b8a3e")
        }
        return OverviewPage.Trend(
            unit: breakdown == .day ? "ngày" : "tháng", unitEnglish: breakdown == .day ? "day" : "month",
            thresholdY: Self.svg(150 - threshold * 1.4), columns: columns)
    }

    private static func svg(_ value: Double) -> String {
        String(format: "%.1f", value)
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
            if kiosk.missingDays > 0 {
                alerts.append("\(kiosk.kiosk): thiếu \(kiosk.missingDays) ngày số liệu / \(kiosk.missingDays) days missing")
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
