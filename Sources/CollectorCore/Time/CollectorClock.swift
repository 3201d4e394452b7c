import Foundation
import KioskCore

/// The collector's time, in one value that its server, dashboard and commands are handed: the wall
/// clock and the offices' time zone, which decides which days have ended. A test sets the date for
/// the whole collector here.
public struct CollectorClock: Sendable {
    /// Vietnam's offices, the default of `--time-zone`.
    public static let officesZoneIdentifier = "Asia/Ho_Chi_Minh"

    public let timeZone: TimeZone
    private let wall: @Sendable () -> Date

    public init(timeZone: TimeZone, wall: @escaping @Sendable () -> Date) {
        self.timeZone = timeZone
        self.wall = wall
    }

    /// The instant now.
    public func now() -> Date { wall() }

    /// The calendar day in the offices now.
    public var today: LocalDay { LocalDay(now(), in: timeZone) }

    /// The last day that has ended in the offices, the newest a kiosk can have pushed.
    public var yesterday: LocalDay { today.adding(days: -1)! }
}
