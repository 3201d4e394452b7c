import KioskProtocol

/// The calendars to send a kiosk: the latest version of every year it has not got at that
/// version or newer. A kiosk reporting a version the collector never made (newer than the latest)
/// is sent nothing for that year; it keeps what it has.
public enum CalendarOfferPlan {
    public static func offer(latest: [SignedCalendar], have: [CalendarHolding]) -> [SignedCalendar] {
        let held = Dictionary(have.map { ($0.year, $0.version) }, uniquingKeysWith: max)
        return latest.filter { calendar in (held[calendar.year] ?? 0) < calendar.version }.sorted { $0.year < $1.year }
    }
}
