import Foundation
import KioskCore
@testable import KioskDaemon
import KioskProtocol
import KioskStore
import Logging
import Synchronization
import Testing

/// The control socket's commands in-process: each answers the reply type its `ControlCall` names,
/// or a refusal that says what to do, and decodes on kioskctl's side as the same value.
struct ControlCommandsTests {
    typealias O = InProcessOffice

    /// The commands over a real store, a spooler whose lanes are not started (nothing is printed)
    /// and a sealer without a key; the events they publish are kept.
    final class Rig: Sendable {
        let office: O
        let clock = ManualClock("2026-12-07 08:00")
        let commands: ControlCommands
        let published = PublishedEvents()

        init(_ name: String) throws {
            office = try O(name)
            let clock = clock.officeClock()
            let logger = Logger(label: "test")
            let published = published
            let publish: @Sendable ([DaemonEvent]) -> Void = { published.append($0) }
            let spooler = PrintSpooler(
                config: office.config, store: office.store, board: PrinterBoard(printers: office.config.printers), logger: logger, clock: clock, publish: publish)
            let sealer = DaySealer(
                config: office.config, store: office.store, keyPath: office.directory.appendingPathComponent("no-key").path, logger: logger,
                clock: clock, publish: publish)
            commands = ControlCommands(config: office.config, store: office.store, spooler: spooler, slips: nil, sealer: sealer, replyTimeout: 0.2)
        }

        func run<Reply>(_ call: ControlCall<Reply>) throws -> Result<Reply, ControlFailure> {
            let line = commands.run(call.request)
            #expect(!line.contains("\n"))
            if let failure = try? ProtocolJSON.decode(ControlFailure.self, from: line) { return .failure(failure) }
            return .success(try ProtocolJSON.decode(Reply.self, from: line))
        }

        func issue(_ count: Int) throws -> [String] {
            let clock = clock.officeClock()
            return try (0..<count).map { _ in
                try office.store.issueTicket(
                    service: "ho-tich", letter: "A", priority: "", terminal: "lay-so", issuedAt: clock.now(), day: clock.numberingDay, queue: office.config.queueLayout
                ).number.description
            }
        }
    }

    @Test func reprintBeforeAnyTicketSaysSoAndAnUnknownTerminalNamesTheKnownOnes() throws {
        let rig = try Rig("reprint")
        #expect(try rig.run(.reprint(terminal: nil)) == .failure(ControlFailure(error: "terminal lay-so has issued no ticket yet")))
        guard case .failure(let unknown) = try rig.run(.reprint(terminal: "cua-sau")) else {
            Issue.record("an unknown terminal was reprinted")
            return
        }
        #expect(unknown.error == "unknown ticket terminal \"cua-sau\"; expected one of: lay-so")
        _ = try rig.issue(2)
        #expect(try rig.run(.reprint(terminal: nil)) == .success(ReprintReply(reprinting: "A002", terminal: "lay-so")))
    }

    @Test func cancellingGivesUpTheNamedAwaitingTicketsAndSaysWhich() throws {
        let rig = try Rig("cancel")
        let numbers = try rig.issue(3)
        #expect(try rig.run(.printCancel(numbers: [numbers[1], "Z999"])) == .success(CancelReply(cancelled: [numbers[1]])))
        #expect(try rig.office.store.ticketsAwaitingPrint().map(\.number.description) == [numbers[0], numbers[2]])
        #expect(rig.published.events == [.ticketsCancelled(numbers: [numbers[1]])])
        #expect(try rig.run(.printCancel(numbers: nil)) == .success(CancelReply(cancelled: [numbers[0], numbers[2]])))
    }

    @Test func retryingANumberThatIsNotKeptIsRefusedWithWhereToLook() throws {
        let rig = try Rig("retry")
        let numbers = try rig.issue(1)
        #expect(try rig.run(.printRetry(numbers: numbers)) == .success(RetryReply(released: [])), "an awaiting ticket is simply printed next")
        guard case .failure(let refusal) = try rig.run(.printRetry(numbers: ["B404"])) else {
            Issue.record("a ticket that is not kept was retried")
            return
        }
        #expect(refusal.error.contains("B404") && refusal.error.contains("kioskctl status"))
    }

    @Test func aTestPageOnAnUnknownPrinterIsRefusedAndOneThatDoesNotAnswerIsStillPrinting() throws {
        let rig = try Rig("test-page")
        guard case .failure(let refusal) = try rig.run(.printTest(printer: "may-in-phieu")) else {
            Issue.record("an unknown printer printed")
            return
        }
        #expect(refusal.error == "unknown printer \"may-in-phieu\"; expected one of: may-in-ve")
        // The lanes are not running: no answer within the reply timeout.
        #expect(try rig.run(.printTest(printer: nil)) == .success(TestPagesReply(results: [PrintOutcome(printer: "may-in-ve", printed: false, problem: "still-printing")])))
    }

    @Test func sealingWithoutAKeyAndSlipsWithoutASlipTableAreRefusedWithTheReason() throws {
        let rig = try Rig("seal")
        guard case .failure(let seal) = try rig.run(.seal) else {
            Issue.record("sealed without a key")
            return
        }
        #expect(seal.error.hasPrefix("the kiosk has no signing key"))
        #expect(try rig.run(.printSlip(request: "{}")) == .failure(ControlFailure(error: "slips are not configured: the office file has no [slips] table")))
    }
}

/// What a component published, in order.
final class PublishedEvents: Sendable {
    private let recorded = Mutex<[DaemonEvent]>([])

    func append(_ events: [DaemonEvent]) {
        recorded.withLock { $0 += events }
    }

    var events: [DaemonEvent] { recorded.withLock { $0 } }
}
