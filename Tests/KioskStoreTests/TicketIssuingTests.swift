import Foundation
import KioskCore
import KioskStore
import Synchronization
import Testing

/// Tickets are committed before printing: numbers run per service per day, are never reused,
/// and survive a reopen with their print state.
@Suite struct TicketIssuingTests {
    let day = LocalDay(year: 2026, month: 11, day: 23)!
    let noon = Date(timeIntervalSince1970: 1_795_410_000)

    func database() throws -> (KioskDatabase, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tickets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("kiosk.sqlite").path
        return (try KioskDatabase(path: path), path)
    }

    /// The wait is forecast when the ticket is issued, in the same transaction, and kept with it:
    /// the tickets before it (priority first), shared by the counters that call its service, times
    /// the minutes per ticket until service times are measured.
    @Test func theWaitIsForecastAtIssueAndKeptWithTheTicket() throws {
        let (db, path) = try database()
        let layout = QueueLayout(
            counters: [.init(id: "quay-1", services: ["ho-tich"]), .init(id: "quay-2", services: ["ho-tich", "dat-dai"])],
            services: ["ho-tich", "dat-dai"], maximumCalls: 3, fallbackMinutes: 10)
        func issue(_ service: String, _ letter: String, priority: String = "", at second: Double) throws -> StoredTicket {
            try db.issueTicket(service: service, letter: letter, priority: priority, terminal: "cua-vao", issuedAt: noon + second, day: day, queue: layout)
        }
        let a1 = try issue("ho-tich", "A", at: 0)
        let a2 = try issue("ho-tich", "A", at: 1)
        let a3 = try issue("ho-tich", "A", at: 2)
        let a4 = try issue("ho-tich", "A", priority: "nguoi-cao-tuoi", at: 3)
        let b1 = try issue("dat-dai", "B", at: 4)
        let b2 = try issue("dat-dai", "B", at: 5)
        let forecasts = [a1, a2, a3, a4, b1, b2].map(\.forecast)
        #expect(forecasts == [
            WaitForecast(ahead: 0, minutes: nil), WaitForecast(ahead: 1, minutes: 5), WaitForecast(ahead: 2, minutes: 10),
            WaitForecast(ahead: 0, minutes: nil), WaitForecast(ahead: 0, minutes: nil), WaitForecast(ahead: 1, minutes: 10),
        ])
        try db.close()
        let reopened = try KioskDatabase(path: path)
        #expect(try reopened.tickets(on: day).map(\.forecast) == forecasts)
    }

    @Test func numbersRunPerServicePerDayAndCountThoseBeforeThem() throws {
        let (db, _) = try database()
        let a1 = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon, day: day, queue: .withoutCounters)
        let a2 = try db.issueTicket(service: "ho-tich", letter: "A", priority: "nguoi-cao-tuoi", terminal: "cua-vao", issuedAt: noon + 1, day: day, queue: .withoutCounters)
        let b1 = try db.issueTicket(service: "dat-dai", letter: "B", terminal: "cua-vao", issuedAt: noon + 2, day: day, queue: .withoutCounters)
        let nextDay = LocalDay(year: 2026, month: 11, day: 24)!
        let a1Tomorrow = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 86_400, day: nextDay, queue: .withoutCounters)

        #expect([a1, a2, b1, a1Tomorrow].map(\.number.description) == ["A001", "A002", "B001", "A001"])
        // A2 has priority: nobody is before it, though A1 waits.
        #expect([a1, a2, b1, a1Tomorrow].map(\.forecast.ahead) == [0, 0, 0, 0])
        #expect(a2.priority == "nguoi-cao-tuoi")
        #expect(try db.tickets(on: day).map(\.number.description) == ["A001", "A002", "B001"])
    }

    @Test func ticketsAndPrintStatesSurviveAReopenAndNumbersAreNeverReused() throws {
        var (db, path) = try database()
        let first = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon, day: day, queue: .withoutCounters)
        _ = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 5, day: day, queue: .withoutCounters)
        try db.setPrintState(.printed, day: day, service: "ho-tich", number: first.number.number, job: 17)
        try db.setPrintState(.failed, day: day, service: "ho-tich", number: 2, message: "Máy in hết giấy")
        try db.close()

        db = try KioskDatabase(path: path)
        let stored = try db.tickets(on: day)
        #expect(stored.map(\.printState) == [.printed, .failed])
        #expect(stored[0].printJob == 17)
        #expect(stored[1].printMessage == "Máy in hết giấy")
        #expect(abs(stored[1].issuedAt.timeIntervalSince(noon + 5)) < 0.001)
        #expect(try db.ticketsAwaitingPrint().map(\.number.description) == ["A002"])
        #expect(try db.lastTicket(terminal: "cua-vao")?.number.description == "A002")
        #expect(try db.lastTicket(terminal: "khac") == nil)
        let third = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 9, day: day, queue: .withoutCounters)
        #expect(third.number.description == "A003")
    }

    /// cupsd crashing on a ticket's job: counted on the ticket (surviving a reopen); a held ticket
    /// awaits nothing until staff release it, keeps its count and its job id, and can be cancelled.
    @Test func printCrashesAreCountedAndHeldTicketsWaitForStaff() throws {
        var (db, path) = try database()
        let a1 = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon, day: day, queue: .withoutCounters)
        let a2 = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 1, day: day, queue: .withoutCounters)
        try db.setPrintState(.pending, day: day, service: "ho-tich", number: 1, job: 41)
        #expect(try db.recordPrintCrash(day: day, service: "ho-tich", number: 1) == 1)
        #expect(try db.recordPrintCrash(day: day, service: "ho-tich", number: 1) == 2)
        try db.setPrintState(.held, day: day, service: "ho-tich", number: 1, message: "CUPS stopped")
        try db.close()

        db = try KioskDatabase(path: path)
        #expect(try db.ticketsAwaitingPrint().map(\.number) == [a2.number])
        let held = try db.ticketsHeldFromPrint()
        #expect(held.map(\.number) == [a1.number])
        #expect(held.first?.printCrashes == 2)
        #expect(held.first?.printJob == 41)

        #expect(try db.releaseHeldPrint(day: day, numbers: [a2.number]).isEmpty)
        #expect(try db.releaseHeldPrint(day: day).map(\.number) == [a1.number])
        #expect(try db.ticketsHeldFromPrint().isEmpty)
        let released = try #require(try db.ticketsAwaitingPrint().first)
        #expect(released.number == a1.number && released.printState == .failed && released.printCrashes == 2)

        try db.setPrintState(.held, day: day, service: "ho-tich", number: 1)
        #expect(Set(try db.cancelAwaitingPrint(day: day).map(\.number)) == [a1.number, a2.number])
        #expect(try db.tickets(on: day).map(\.printState) == [.cancelled, .cancelled])
    }

    @Test func printStateOfAnUnknownTicketIsAnError() throws {
        let (db, _) = try database()
        #expect(throws: (any Error).self) {
            try db.setPrintState(.printed, day: day, service: "ho-tich", number: 1)
        }
    }

    @Test func concurrentIssuingNeverGivesTheSameNumberTwice() throws {
        let (db, _) = try database()
        let numbers = Mutex<[Int]>([])
        let group = DispatchGroup()
        for thread in 0..<4 {
            group.enter()
            Thread {
                for index in 0..<25 {
                    if let ticket = try? db.issueTicket(
                        service: "ho-tich", letter: "A", terminal: "t\(thread)", issuedAt: noon + Double(index), day: day, queue: .withoutCounters)
                    {
                        numbers.withLock { $0.append(ticket.number.number) }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(numbers.withLock { $0.sorted() } == Array(1...100))
    }
}
