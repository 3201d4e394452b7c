import Foundation
import KioskCore
@testable import KioskDaemon
import KioskInput
import KioskProtocol
import KioskStore
import Testing

/// The input thread's decisions, in-process: each press goes to the entrance, a rating terminal
/// or a counter's staff keys, is committed to a real SQLite file, and comes back as effects.
struct InputRouterTests {
    typealias O = InProcessOffice
    let kp1 = KeyCodes.code(named: "KEY_KP1")!, kp2 = KeyCodes.code(named: "KEY_KP2")!, kp5 = KeyCodes.code(named: "KEY_KP5")!, kp9 = KeyCodes.code(named: "KEY_KP9")!
    let kpEnter = KeyCodes.code(named: "KEY_KPENTER")!

    func touch(_ source: Int, x: Double, y: Double, seconds: Double = 0.1) -> InputAction {
        .touch(source: source, press: TouchPress(point: ScreenPoint(x: x, y: y), durationSeconds: seconds))
    }

    @Test func aTouchOnAChoiceIsCommittedBeforeItIsAcknowledged() throws {
        let office = try O("vote")
        let clock = ManualClock("2026-12-07 09:00")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock())
        let outcome = router.route(touch(O.ratingTouchscreen, x: 300, y: 300))
        #expect(outcome.events == [.voteCounted(terminal: "quay-1-danh-gia", question: office.config.survey.questions[0].id, questionIndex: 0, completesRating: true)])
        #expect(outcome.acknowledge == O.ratingTouchscreen)
        #expect(outcome.committed)
        let votes = try office.store.voteTallies(on: LocalDay(year: 2026, month: 12, day: 7)!)
        #expect(votes.map(\.count) == [1])
        #expect(votes.first?.key.choice == office.config.survey.questions[0].choices[1].id)
    }

    @Test func theFreeLockoutRunsOnTheOfficesMonotonicClock() throws {
        let office = try O("lockout")
        let clock = ManualClock("2026-12-07 09:00")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock())
        _ = router.route(touch(O.ratingTouchscreen, x: 100, y: 300))
        clock.advance(seconds: 29)
        let during = router.route(touch(O.ratingTouchscreen, x: 100, y: 300))
        #expect(during.events == [.pressRejected(terminal: "quay-1-danh-gia", kind: .duringLockout)])
        #expect(during.acknowledge == nil, "a rejected press is not acknowledged as a vote")
        clock.advance(seconds: 2)
        #expect(router.route(touch(O.ratingTouchscreen, x: 100, y: 300)).acknowledge == O.ratingTouchscreen)
        let day = LocalDay(year: 2026, month: 12, day: 7)!
        #expect(try office.store.voteTallies(on: day).reduce(0) { $0 + $1.count } == 2)
        #expect(try office.store.pressTallies(on: day).map(\.kind) == [.duringLockout])
    }

    @Test func anArmedTerminalTakesAVoteOnlyAfterTheStaffKeyWithinItsWindow() throws {
        let office = try O("armed")
        let clock = ManualClock("2026-12-07 10:00")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock())
        #expect(router.route(.key(source: O.ratingKeypad, code: kp1)).events == [.pressRejected(terminal: "quay-2-danh-gia", kind: .whileUnarmed)])
        let armed = router.route(.key(source: O.staffKeypad, code: kpEnter))
        #expect(armed.events == [.armed(terminal: "quay-2-danh-gia", windowSeconds: 60)])
        #expect(armed.acknowledge == O.staffKeypad)
        clock.advance(seconds: 30)
        #expect(router.route(.key(source: O.ratingKeypad, code: kp1)).acknowledge == O.ratingKeypad)
        _ = router.route(.key(source: O.staffKeypad, code: kpEnter))
        clock.advance(seconds: 61)
        #expect(router.route(.key(source: O.ratingKeypad, code: kp1)).events == [.pressRejected(terminal: "quay-2-danh-gia", kind: .whileUnarmed)])
    }

    @Test(arguments: [InProcessOffice.ticketTouchscreen, InProcessOffice.ticketKeypad])
    func anEntrancePressIssuesOneTicketAndADoubleTapNone(_ source: Int) throws {
        let office = try O("ticket")
        let clock = ManualClock("2026-12-07 07:45")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock())
        let press = source == O.ticketKeypad ? InputAction.key(source: source, code: kp2) : touch(source, x: 700, y: 200)
        let first = router.route(press)
        #expect(first.ticketToPrint?.number.description == "B001")
        #expect(first.events == [.ticketIssued(terminal: "lay-so", number: "B001", service: "dat-dai", priority: false, waitingAhead: 0)])
        #expect(first.committed)
        clock.advance(seconds: 1)
        let doubleTap = router.route(press)
        #expect(doubleTap.ticketToPrint == nil)
        #expect(doubleTap.events == [.pressRejected(terminal: "lay-so", kind: .ticketLockout)])
        clock.advance(seconds: 2)
        #expect(router.route(press).ticketToPrint?.number.description == "B002")
        #expect(try office.store.tickets(on: LocalDay(year: 2026, month: 12, day: 7)!).map(\.number.description) == ["B001", "B002"])
    }

    /// The event says the wait the ticket prints: forecast once, when the ticket is committed, with
    /// priority tickets first and the counters that call the service sharing the queue.
    @Test func theIssuedEventAndTheTicketCarryOneForecastWithPriorityFirst() throws {
        let office = try O("forecast")
        let clock = ManualClock("2026-12-07 07:45")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock())
        var issued: [InputOutcome] = []
        for code in [kp1, kp1, kp9] {
            issued.append(router.route(.key(source: O.ticketKeypad, code: code)))
            clock.advance(seconds: 3)
        }
        #expect(issued.flatMap(\.events) == [
            .ticketIssued(terminal: "lay-so", number: "A001", service: "ho-tich", priority: false, waitingAhead: 0),
            .ticketIssued(terminal: "lay-so", number: "A002", service: "ho-tich", priority: false, waitingAhead: 1),
            .ticketIssued(terminal: "lay-so", number: "A003", service: "ho-tich", priority: true, waitingAhead: 0),
        ])
        // Two counters call hộ tịch; 10 minutes per ticket until service times are measured.
        #expect(issued.map(\.ticketToPrint?.forecast) == [
            WaitForecast(ahead: 0, minutes: nil), WaitForecast(ahead: 1, minutes: 5), WaitForecast(ahead: 0, minutes: nil),
        ])
    }

    @Test func aCallIsAnnouncedAndACallToAnEmptyQueueIsRefusedWithoutABlink() throws {
        let office = try O("call")
        let clock = ManualClock("2026-12-07 08:00")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock())
        let empty = router.route(.key(source: O.staffKeypad, code: kp1))
        #expect(empty.acknowledge == nil)
        guard case .queueKeyRefused(let counter, _) = empty.events.first else {
            Issue.record("expected a refusal, got \(empty.events)")
            return
        }
        #expect(counter == "quay-2")
        _ = router.route(touch(O.ticketTouchscreen, x: 100, y: 100))
        clock.advance(seconds: 60)
        let call = router.route(.key(source: O.staffKeypad, code: kp1))
        #expect(call.calls.map(\.number) == ["A001"])
        #expect(call.calls.map(\.counterNumber) == [2])
        #expect(call.acknowledge == O.staffKeypad)
    }

    @Test func aFailedCommitTellsNothingAndItsLogLineNamesTheDeviceOnly() throws {
        let office = try O("failed")
        let clock = ManualClock("2026-12-07 09:00")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock())
        try office.store.close()
        let outcome = router.route(touch(O.ratingTouchscreen, x: 612, y: 345))
        let failure = try #require(outcome.failure)
        #expect(outcome.events.isEmpty)
        #expect(outcome.acknowledge == nil)
        #expect(!outcome.committed)
        #expect(failure.message.hasPrefix("NOT COUNTED: a press on /dev/input/by-path/rating-touch"))
        #expect(!failure.message.contains("612") && !failure.message.contains("345"), "a logged position tells which answer was given")
        let ticket = router.route(touch(O.ticketTouchscreen, x: 100, y: 100))
        #expect(ticket.failure?.message.hasPrefix("NO TICKET: a press on /dev/input/by-path/ticket-touch") == true)
        #expect(ticket.ticketToPrint == nil)
    }

    @Test func ticketsTakenBeforeTheResetHourBelongToTheDayBefore() throws {
        let office = try O("reset")
        let clock = ManualClock("2026-12-08 03:30")
        let router = InputRouter(config: office.config, store: office.store, clock: clock.officeClock(resetHour: 4))
        let early = router.route(touch(O.ticketTouchscreen, x: 100, y: 100))
        #expect(early.ticketToPrint?.day == LocalDay(year: 2026, month: 12, day: 7)!)
        clock.advance(seconds: 3600)
        let later = router.route(touch(O.ticketTouchscreen, x: 100, y: 100))
        #expect(later.ticketToPrint?.day == LocalDay(year: 2026, month: 12, day: 8)!)
        #expect(later.ticketToPrint?.number.description == "A001", "numbers start again on the new numbering day")
    }
}
