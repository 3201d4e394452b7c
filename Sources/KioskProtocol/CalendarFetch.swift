/// A kiosk's request for newer calendar files: `GET /api/v1/calendars?have=2026.1,2027.2`, signed
/// as a push is (`PushAnswer.Header.kioskID`, `PushAnswer.Header.signature`) plus the kiosk's time
/// (`Header.time`). A GET has no body, so the kiosk signs `message`: its id, its time and the query
/// as sent. The collector refuses a time far from its own, so a recorded request cannot be replayed
/// later to make the dashboard show old versions.
public enum CalendarFetch {
    public static let path = "/api/v1/calendars"

    public enum Header {
        /// The kiosk's time of the request, ISO 8601 UTC ("2026-12-05T01:00:00Z").
        public static let time = "Kiosk-Time"
    }

    /// How far (seconds) a request's time may be from the collector's.
    public static let allowedSkew: Double = 15 * 60

    /// The `have` query: the years and versions the kiosk has, sorted, comma-separated.
    public static func have(_ holdings: [CalendarHolding]) -> String {
        holdings.sorted().map(\.text).joined(separator: ",")
    }

    /// Reads a `have` query; nil if any item is not "YEAR.VERSION" or a year is named twice.
    public static func holdings(have: String) -> [CalendarHolding]? {
        guard !have.isEmpty else { return [] }
        var holdings: [CalendarHolding] = []
        for item in have.split(separator: ",", omittingEmptySubsequences: false) {
            guard let holding = CalendarHolding(text: item), !holdings.contains(where: { $0.year == holding.year }) else { return nil }
            holdings.append(holding)
        }
        return holdings.sorted()
    }

    /// What the kiosk signs: `"kiosk-calendar-fetch\n" + kiosk id + "\n" + time + "\n" + have + "\n"`.
    public static func message(kioskID: String, time: String, have: String) -> [UInt8] {
        Array("kiosk-calendar-fetch\n\(kioskID)\n\(time)\n\(have)\n".utf8)
    }
}

/// The collector's answer to a `CalendarFetch`: the latest signed file of every year the kiosk
/// has not got at that version or newer (oldest year first). A refusal is a `PushAnswer` with `error`.
public struct CalendarOffer: Codable, Sendable, Equatable {
    public var calendars: [SignedCalendar]

    public init(calendars: [SignedCalendar]) {
        self.calendars = calendars
    }
}
