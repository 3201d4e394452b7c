@testable import KioskDaemon
import KioskCore
import Synchronization
import Testing

/// The journal hears of a missing official calendar at start and then once a day while it is
/// missing: from 1 October for next year, without a restart.
struct CalendarWatchTests {
    @Test func aMissingNextYearIsWarnedFrom1OctoberOnceADay() throws {
        let clock = ManualClock("2026-09-30 23:00")
        let official2026 = YearCalendar(year: 2026, daysOff: [], workingDays: [])
        let book = CalendarBook(try WorkingCalendar([official2026], provisional: ProvisionalYearBuilder()))
        let warnings = Warnings()
        let watch = CalendarWatch(book: book, clock: clock.officeClock()) { warnings.append($0) }

        watch.check()
        #expect(warnings.lines.isEmpty, "30 September: 2026 is official, 2027 not yet due")
        clock.advance(seconds: 3600)  // 1 October, 00:00
        watch.check()
        watch.check()
        #expect(warnings.lines.count == 1)
        #expect(warnings.lines.first?.contains("2027") == true)
        clock.advance(seconds: 86_400)
        watch.check()
        #expect(warnings.lines.count == 2, "once more the next day")
    }

    @Test func nothingIsSaidWhenNextYearIsOfficial() throws {
        let clock = ManualClock("2026-10-15 08:00")
        let years = [2026, 2027].map { YearCalendar(year: $0, daysOff: [], workingDays: []) }
        let book = CalendarBook(try WorkingCalendar(years, provisional: ProvisionalYearBuilder()))
        let warnings = Warnings()
        CalendarWatch(book: book, clock: clock.officeClock()) { warnings.append($0) }.check()
        #expect(warnings.lines.isEmpty)
    }
}

private final class Warnings: Sendable {
    private let entries = Mutex<[String]>([])
    func append(_ line: String) { entries.withLock { $0.append(line) } }
    var lines: [String] { entries.withLock { $0 } }
}
