import KioskCore
import KioskProtocol

/// What kioskd says about its working-day calendar: which years are official and which
/// provisional, and the warning when an official file is missing.
public enum CalendarStatus {
    static func report(_ calendar: WorkingCalendar, today: LocalDay) -> StatusReport.Calendar {
        let provisional = calendar.provisionalYears
        let missing = calendar.missingOfficialYear(on: today)
        return StatusReport.Calendar(
            officialYears: calendar.officialYears, provisionalFrom: provisional.first, provisionalTo: provisional.last,
            missingOfficialYear: missing, warning: missing.map { DaemonTexts.officialCalendarMissing(year: $0).text })
    }

    /// The warning for the journal, or nil when this year (and, from 1 October, next year) has an official file.
    public static func warning(_ calendar: WorkingCalendar, today: LocalDay) -> String? {
        calendar.missingOfficialYear(on: today).map { DaemonTexts.officialCalendarMissing(year: $0).text }
    }

    /// For `--check-config` and the journal: "official 2025, 2026; provisional 1900–2100 otherwise".
    public static func summary(_ calendar: WorkingCalendar) -> String {
        let official = calendar.officialYears.map(String.init).joined(separator: ", ")
        let provisional = calendar.provisionalYears
        guard let first = provisional.first, let last = provisional.last else { return "official \(official)" }
        return "official \(official.isEmpty ? "none" : official); provisional \(first)–\(last) otherwise"
    }
}
