import Foundation

/// The office's time, in one value that every part of kioskd is handed: the wall clock, a
/// monotonic clock for intervals (lockouts, press windows), the office's time zone, and the hour
/// at which ticket numbers start again. A test sets the time for the whole daemon here.
///
/// The clocks are passed in: KioskCore reads none itself.
public struct OfficeClock: Sendable {
    public let timeZone: TimeZone
    /// The hour (0…23, office time) at which the numbering day begins.
    public let resetHour: Int
    private let wall: @Sendable () -> Date
    private let monotonic: @Sendable () -> Double

    public init(
        timeZone: TimeZone, resetHour: Int, wall: @escaping @Sendable () -> Date, monotonic: @escaping @Sendable () -> Double
    ) {
        precondition((0...23).contains(resetHour), "the reset hour is 0…23")
        self.timeZone = timeZone
        self.resetHour = resetHour
        self.wall = wall
        self.monotonic = monotonic
    }

    /// The office's clock for a validated office file (the decoder refuses an unknown time zone).
    public init(office config: OfficeConfig, wall: @escaping @Sendable () -> Date, monotonic: @escaping @Sendable () -> Double) {
        guard let zone = TimeZone(identifier: config.office.timeZone) else {
            preconditionFailure("office.time_zone \"\(config.office.timeZone)\" passed validation but is not a time zone")
        }
        self.init(timeZone: zone, resetHour: config.ticketing.resetHour, wall: wall, monotonic: monotonic)
    }

    /// The instant now.
    public func now() -> Date { wall() }

    /// Seconds on a clock that never jumps (for intervals only).
    public func monotonicNow() -> Double { monotonic() }

    /// The calendar day in the office at `instant`.
    public func day(of instant: Date) -> LocalDay { LocalDay(instant, in: timeZone) }

    public var today: LocalDay { day(of: now()) }

    /// The ticket numbering day at `instant`: before the reset hour it is still the day before.
    public func numberingDay(of instant: Date) -> LocalDay {
        NumberingDay.of(instant, timeZone: timeZone, resetHour: resetHour)
    }

    public var numberingDay: LocalDay { numberingDay(of: now()) }
}
