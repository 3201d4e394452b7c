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

    @Test func numbersRunPerServicePerDayAndCountThoseWaitingAhead() throws {
        let (db, _) = try database()
        let a1 = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon, day: day)
        let a2 = try db.issueTicket(service: "ho-tich", letter: "A", priority: "nguoi-cao-tuoi", terminal: "cua-vao", issuedAt: noon + 1, day: day)
        let b1 = try db.issueTicket(service: "dat-dai", letter: "B", terminal: "cua-vao", issuedAt: noon + 2, day: day)
        let nextDay = LocalDay(year: 2026, month: 11, day: 24)!
        let a1Tomorrow = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 86_400, day: nextDay)

        #expect([a1, a2, b1, a1Tomorrow].map(\.number.description) == ["A001", "A002", "B001", "A001"])
        #expect([a1, a2, b1, a1Tomorrow].map(\.waitingAhead) == [0, 1, 0, 0])
        #expect(a2.priority == "nguoi-cao-tuoi")
        #expect(try db.tickets(on: day).map(\.number.description) == ["A001", "A002", "B001"])
    }

    @Test func ticketsAndPrintStatesSurviveAReopenAndNumbersAreNeverReused() throws {
        var (db, path) = try database()
        let first = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon, day: day)
        _ = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 5, day: day)
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
        let third = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 9, day: day)
        #expect(third.number.description == "A003")
    }

    /// cupsd crashing on a ticket's job: counted on the ticket (surviving a reopen); a held ticket
    /// awaits nothing until staff release it, keeps its count and its job id, and can be cancelled.
    @Test func printCrashesAreCountedAndHeldTicketsWaitForStaff() throws {
        var (db, path) = try database()
        let a1 = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon, day: day)
        let a2 = try db.issueTicket(service: "ho-tich", letter: "A", terminal: "cua-vao", issuedAt: noon + 1, day: day)
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
                        service: "ho-tich", letter: "A", terminal: "t\(thread)", issuedAt: noon + Double(index), day: day)
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
