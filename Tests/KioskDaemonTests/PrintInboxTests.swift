import Foundation
import KioskCore
@testable import KioskDaemon
import KioskStore
import Testing

/// A printer lane's queue: work in order, a ticket never queued twice (not even while it prints),
/// staff's cancel reaching the ticket in flight, and stop ending the lane.
struct PrintInboxTests {
    static func tickets(_ count: Int) throws -> [StoredTicket] {
        let office = try InProcessOffice("inbox")
        let clock = ManualClock("2026-12-07 08:00").officeClock()
        return try (0..<count).map { _ in
            try office.store.issueTicket(service: "ho-tich", letter: "A", priority: "", terminal: "lay-so", issuedAt: clock.now(), day: clock.numberingDay, queue: office.config.queueLayout)
        }
    }

    func take(_ inbox: PrintInbox) -> PrintWork? {
        inbox.next(idle: { .wake(at: ThreadDeadline.now()) }, onRetry: {}, onWake: { inbox.requestStop() })
    }

    func number(_ work: PrintWork?) -> String? {
        switch work {
        case .ticket(let ticket), .reprint(let ticket): ticket.number.description
        default: nil
        }
    }

    @Test func aTicketIsQueuedOnceEvenWhileItIsPrinting() throws {
        let inbox = PrintInbox()
        let tickets = try Self.tickets(2)
        inbox.enqueue(.ticket(tickets[0]))
        inbox.enqueue(.ticket(tickets[0]))
        inbox.enqueue(.ticket(tickets[1]))
        #expect(number(take(inbox)) == "A001")
        inbox.enqueue(.ticket(tickets[0]))  // in flight: the lane follows its job, it is not sent twice
        #expect(number(take(inbox)) == "A002")
        inbox.finish(tickets[0])
        inbox.enqueue(.ticket(tickets[0]))  // finished (kept, say): it may be queued again
        #expect(number(take(inbox)) == "A001")
        #expect(take(inbox) == nil, "nothing else was queued: the idle wake stopped the inbox")
    }

    @Test func cancellingReachesTheQueuedTicketsAndTheOneInFlight() throws {
        let inbox = PrintInbox()
        let tickets = try Self.tickets(3)
        for ticket in tickets { inbox.enqueue(.ticket(ticket)) }
        #expect(number(take(inbox)) == "A001")
        #expect(!inbox.inFlightCancelled)
        inbox.forget([TicketKey(tickets[0]), TicketKey(tickets[1])])
        #expect(inbox.inFlightCancelled)
        #expect(number(take(inbox)) == "A003")
        inbox.finish(tickets[0])
        #expect(!inbox.inFlightCancelled, "the next ticket starts uncancelled")
    }

    @Test func aStaffRetryRunsBeforeTheNextWorkAndStopEndsTheLane() throws {
        let inbox = PrintInbox()
        let tickets = try Self.tickets(1)
        var retries = 0
        inbox.requestRetry()
        inbox.enqueue(.reprint(tickets[0]))
        let work = inbox.next(idle: { .sleep }, onRetry: { retries += 1 }, onWake: {})
        #expect(retries == 1)
        #expect(number(work) == "A001")
        inbox.requestStop()
        inbox.enqueue(.ticket(tickets[0]))
        #expect(inbox.next(idle: { .sleep }, onRetry: {}, onWake: {}) == nil)
        #expect(inbox.isStopping)
    }

    @Test func aFaultTakesEverythingQueuedAndTheTicketsMayBeQueuedAgainLater() throws {
        let inbox = PrintInbox()
        let tickets = try Self.tickets(2)
        for ticket in tickets { inbox.enqueue(.ticket(ticket)) }
        #expect(inbox.takeAll().map(number) == ["A001", "A002"])
        inbox.enqueue(.ticket(tickets[1]))
        #expect(number(take(inbox)) == "A002")
    }
}
