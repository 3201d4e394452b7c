import Foundation

/// The day whose numbering a ticket takes. Numbers restart every day at `resetHour` (local time
/// of the office): a ticket issued before that hour continues the previous day's numbering, so
/// an office that resets at 05:00 never restarts at A001 in the middle of a night shift.
public enum NumberingDay {
    public static func of(_ instant: Date, timeZone: TimeZone, resetHour: Int) -> LocalDay {
        precondition((0...23).contains(resetHour), "the reset hour is 0…23")
        return LocalDay(instant.addingTimeInterval(-Double(resetHour) * 3600), in: timeZone)
    }
}
