import KioskCore
import Synchronization

/// The working-day calendar kioskd counts return dates on: the one read at start, replaced whole
/// when `reload-calendars` reads the files again (after `kioskctl push` installed calendars from
/// the collector), so that a slip is counted on one calendar or the other, never a mix.
public final class CalendarBook: Sendable {
    private let calendar: Mutex<WorkingCalendar>
    private let load: @Sendable () -> Result<WorkingCalendar, ConfigErrors>

    /// - Parameter load: reads the calendar files again, as kioskd read them at start.
    public init(_ calendar: WorkingCalendar, load: @escaping @Sendable () -> Result<WorkingCalendar, ConfigErrors>) {
        self.calendar = Mutex(calendar)
        self.load = load
    }

    /// A book that cannot be reloaded (tests, and kioskd without calendar files to read again).
    public convenience init(_ calendar: WorkingCalendar) {
        self.init(calendar, load: { .success(calendar) })
    }

    public var current: WorkingCalendar { calendar.withLock { $0 } }

    /// Reads the files again. On any problem the calendar in use stays, and the problems are the answer.
    public func reload() -> Result<WorkingCalendar, ConfigErrors> {
        let loaded = load()
        if case .success(let fresh) = loaded { calendar.withLock { $0 = fresh } }
        return loaded
    }
}
