import Foundation
import KioskCore
@testable import KioskDaemon
import KioskPrint
import KioskPrintSamples
import KioskStore
import Logging
import Testing

/// The spooler in-process, its lanes not started: what it keeps, cancels and refuses is decided on
/// the store and the office file, before any printer is asked.
struct PrintSpoolerTests {
    final class Rig: Sendable {
        let office: InProcessOffice
        let clock = ManualClock("2026-12-07 08:00")
        let published = PublishedEvents()
        let spooler: PrintSpooler

        init(_ name: String) throws {
            office = try InProcessOffice(name)
            let published = published
            spooler = PrintSpooler(
                config: office.config, store: office.store, board: PrinterBoard(printers: office.config.printers), logger: Logger(label: "test"),
                clock: clock.officeClock(), publish: { published.append($0) })
        }

        func issue(_ count: Int, at time: OfficeClock? = nil) throws -> [StoredTicket] {
            let clock = time ?? self.clock.officeClock()
            return try (0..<count).map { _ in
                try office.store.issueTicket(service: "dat-dai", letter: "B", priority: "", terminal: "lay-so", issuedAt: clock.now(), day: clock.numberingDay, queue: office.config.queueLayout)
            }
        }
    }

    @Test func workForAPrinterTheOfficeDoesNotHaveIsAnsweredAtOnce() throws {
        let rig = try Rig("unknown-printer")
        let slip = Reply<PrintResult>(), page = Reply<PrintResult>()
        rig.spooler.enqueue(.slip(SamplePrintouts.slip, copies: 1, printer: "may-in-phieu", reply: slip))
        rig.spooler.enqueue(.testPage(printer: "may-in-phieu", reply: page))
        #expect(slip.wait(timeout: 1) == PrintResult(printer: "may-in-phieu", job: nil, problem: .refused("no printer may-in-phieu")))
        #expect(page.wait(timeout: 1)?.problem == .refused("no printer may-in-phieu"))
    }

    @Test func todaysAwaitingTicketsAreKeptByPrinterAndYesterdaysAreNot() throws {
        let rig = try Rig("kept")
        _ = try rig.issue(1, at: ManualClock("2026-12-06 16:00").officeClock())
        _ = try rig.issue(2)
        #expect(rig.spooler.keptTickets() == KeptTickets(awaiting: ["may-in-ve": 2], held: [:]))
    }

    @Test func cancellingTodaysTicketsAnnouncesThemOnceAndLeavesNothingKept() throws {
        let rig = try Rig("cancel-all")
        let tickets = try rig.issue(2).map(\.number.description)
        #expect(rig.spooler.cancelTickets(nil) == tickets)
        #expect(rig.spooler.cancelTickets(nil) == [])
        #expect(rig.published.events == [.ticketsCancelled(numbers: tickets)])
        #expect(rig.spooler.keptTickets() == KeptTickets())
    }
}
