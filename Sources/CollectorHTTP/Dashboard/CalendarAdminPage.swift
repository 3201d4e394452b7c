import CollectorCore
import KioskSeal

/// The calendars' page: the upload form, the problems of a refused file (each with its key and
/// what was expected), every stored version, per kiosk the years and versions it has, and the
/// kiosks that lack next year's calendar from 1 October.
struct CalendarAdminPage: DashboardPage {
    struct Version {
        let year: Int
        let version: Int
        let sha256: String
        let addedAt: String
        let addedBy: String
    }

    struct Kiosk {
        let id: String
        let office: String
        let district: String
        /// "2026 v1, 2027 v2", or a dash.
        let holdings: String
        let lastReported: String
        let lacksNextYear: Bool
    }

    let title = "Lịch ngày làm việc"
    var user: String
    var versions: [Version]
    var kiosks: [Kiosk]
    var alertYear: Int?
    var lacking: [Kiosk]
    var publicKey: String?
    var fingerprint: String?
    var notice: String?
    var problems: [String]
    /// Stored, not computed: the templates read fields by reflection.
    var hasProblems: Bool
    var csrf: String?

    init(user: String, records: [CalendarRecord], coverage: CalendarCoverage, signer: KioskPublicKey?, notice: String?, problems: [String]) {
        self.user = user
        versions = records.reversed().map { record in
            Version(
                year: record.calendar.year, version: record.calendar.version, sha256: record.calendar.sha256,
                addedAt: CollectorTime.text(record.addedAt), addedBy: record.addedBy)
        }
        kiosks = coverage.rows.map { row in
            Kiosk(
                id: row.kiosk, office: row.office, district: row.district,
                holdings: row.holdings.isEmpty ? "—" : row.holdings.map { "\($0.year) v\($0.version)" }.joined(separator: ", "),
                lastReported: row.lastReported.map(CollectorTime.text) ?? "—", lacksNextYear: row.lacksNextYear)
        }
        lacking = kiosks.filter(\.lacksNextYear)
        alertYear = coverage.alertYear
        publicKey = signer?.base64
        fingerprint = signer?.fingerprint
        self.notice = notice
        self.problems = problems
        hasProblems = !problems.isEmpty
    }
}
