/// The overview page as its template reads it (`DashboardView` works it out): figures already
/// formatted for people, chart geometry in SVG units.
struct OverviewPage: DashboardPage {
    /// An entry of a select (period, breakdown).
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Total {
        let answers: Int
        let percent: String
        let mean: String
    }

    /// A row of the index table.
    struct IndexRow {
        let key: String
        let label: String
        let answers: Int
        let percent: String
        /// The share as a plain number, for `data-percent`.
        let percentValue: String
        let mean: String
        /// Under the alert threshold.
        let low: Bool
        let threshold: String
    }

    /// A bar of the index chart.
    struct Bar {
        let key: String
        let label: String
        let y: Int
        let textY: Int
        let width: Int
        let valueX: Int
        let percent: String
        let colour: String
    }

    struct Alert {
        let text: String
    }

    struct Slip {
        let procedure: String
        let count: Int
    }

    struct QueueLine {
        let label: String
        let issued: Int
        let meanWait: String
        let p90: String
        let noShow: String
    }

    struct Health {
        let kiosk: String
        let office: String
        let lastDay: String
        let silentNights: String
        /// Silent two nights or more.
        let silent: Bool
        /// Gaps, broken links and restarts of its chain.
        let gaps: Int
        let missing: Int
        let missed: Bool
        let alarms: Int
        let alarmed: Bool
        let printerFaults: Int
    }

    /// The trend chart: one column per month or day of the period.
    struct Trend {
        struct Column {
            let key: String
            let label: String
            let hasFigures: Bool
            let percent: String
            let percentValue: String
            let x: String
            let width: String
            let y: String
            let height: String
            let labelX: String
            let showLabel: Bool
            let colour: String
        }

        let unit: String
        let unitEnglish: String
        let thresholdY: String
        let columns: [Column]
    }

    let title = "Tổng hợp"
    var user: String
    var admin: Bool
    var scope: String
    var periods: [Option]
    var breakdowns: [Option]
    var day: String
    var from: String
    var to: String
    var total: Total
    var byLabel: String
    var rows: [IndexRow]
    var chartHeight: Int
    var thresholdX: Int
    var bars: [Bar]
    /// The filters, for the CSV links.
    var query: String
    var alerts: [Alert]
    var slips: [Slip]
    var queueByLabel: String
    var queue: [QueueLine]
    var health: [Health]
    var trend: Trend?
    var csrf: String?
}
