import KioskCore
import Logging
import Synchronization

/// Says in the journal, at start and then once a day, when the working-day calendar lacks an
/// official file it should have: this year's, or from 1 October next year's (`CalendarStatus`), so
/// a kioskd running through 1 October warns that day without a restart. Checks every hour.
final class CalendarWatch: DaemonPart {
    private let book: CalendarBook
    private let clock: OfficeClock
    private let warn: @Sendable (String) -> Void
    private let timer = RepeatingTimer(label: "kiosk-calendar")
    private let lastWarned = Mutex<LocalDay?>(nil)

    static let checkSeconds = 3600

    init(book: CalendarBook, clock: OfficeClock, warn: @escaping @Sendable (String) -> Void) {
        self.book = book
        self.clock = clock
        self.warn = warn
    }

    convenience init(book: CalendarBook, clock: OfficeClock, logger: Logger) {
        self.init(book: book, clock: clock) { logger.warning("\($0)") }
    }

    func start() {
        timer.start(every: Self.checkSeconds) { [self] in check() }
    }

    func stop() {
        timer.stop()
    }

    /// Warns once per office day while a file is missing.
    func check() {
        let today = clock.today
        guard let warning = CalendarStatus.warning(book.current, today: today) else { return }
        let due = lastWarned.withLock { last in
            defer { last = today }
            return last != today
        }
        if due { warn(warning) }
    }
}
