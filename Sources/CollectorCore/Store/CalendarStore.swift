import Foundation
import KioskProtocol

/// The signed calendar files the collector publishes, versioned per year, and which years and
/// versions each kiosk last said it has.
public protocol CalendarStore: Sendable {
    /// Adds `upload` as its year's next version (`CalendarVersioning`), signed by `sign(year,
    /// version, sha256)` inside the same transaction, and in the audit trail; the same text as the
    /// latest version changes nothing.
    func addCalendar(
        _ upload: CalendarUpload, sign: @Sendable (Int, Int, String) throws -> String, by actor: String
    ) async throws -> CalendarAddition
    /// Every stored version, by year then version.
    func calendarRecords() async throws -> [CalendarRecord]
    /// The latest version of every year, oldest year first.
    func latestCalendars() async throws -> [SignedCalendar]
    /// Replaces what a kiosk has with what it reported now.
    func recordCalendarHoldings(kiosk: String, _ holdings: [CalendarHolding], at: Date) async throws
    /// What every kiosk last reported, by kiosk then year.
    func calendarHoldings() async throws -> [KioskCalendarHolding]
}
