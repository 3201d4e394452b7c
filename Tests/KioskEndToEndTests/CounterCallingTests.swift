import Foundation
import KioskCore
import KioskProtocol
import KioskStore
import KioskTestSupport
import Testing

/// Counter staff calling tickets with a real (emulated) keypad through kioskd: priority first,
/// then first come, first served; recall and no-show; done arms one rating; transfer; pause; and
/// after kill -9 the floor goes on where it was.
@Suite struct CounterCallingTests {
    // The staff keypad's keys as bound below, and the ticket keypad's.
    let callNext = KeyCodes.code(named: "KEY_KP1")!, recall = KeyCodes.code(named: "KEY_KP2")!, noShow = KeyCodes.code(named: "KEY_KP3")!
    let start = KeyCodes.code(named: "KEY_KP4")!, done = KeyCodes.code(named: "KEY_KP5")!, pause = KeyCodes.code(named: "KEY_KP6")!
    let resume = KeyCodes.code(named: "KEY_KP7")!, transfer = KeyCodes.code(named: "KEY_KP8")!
    let ticketKP1 = KeyCodes.code(named: "KEY_KP1")!, ticketKP2 = KeyCodes.code(named: "KEY_KP2")!, ticketKP9 = KeyCodes.code(named: "KEY_KP9")!

    /// The ticket office (tickets are committed whether or not they print: no cupsd here), with
    /// counter 2's staff keypad and its rating keypad on the armed policy.
    static func rig(_ name: String, httpPort: Int? = nil, extra: String = "") throws -> DaemonRig {
        let rig = try DaemonRig(name) { evdev in
            TicketOffice.config(evdev, cups: "/nonexistent/cups.sock", extra: extra + (httpPort.map { "[http]\nlisten = \"127.0.0.1:\($0)\"\n\n" } ?? "") + """
                [[terminals]]
                id = "quay-2-danh-gia"
                kind = "rating"
                counter = "quay-2"
                policy = "armed"
                arm_window_seconds = 60

                [[devices]]
                path = "\(evdev.devicePath("staff-pad"))"
                role = "staff_keypad"
                counter = "quay-2"
                keys = { KEY_KP1 = "call_next", KEY_KP2 = "recall", KEY_KP3 = "no_show", KEY_KP4 = "start", KEY_KP5 = "done", KEY_KP6 = "pause", KEY_KP7 = "resume", KEY_KP8 = "transfer_to_counter:quay-1" }

                [[devices]]
                path = "\(evdev.devicePath("rating-pad"))"
                role = "rating_keypad"
                terminal = "quay-2-danh-gia"
                """)
        }
        for device in ["ticket-touch"] { try rig.evdev.add(device, description: DaemonRig.egalax) }
        for device in ["ticket-pad", "staff-pad", "rating-pad"] { try rig.evdev.add(device, description: DaemonRig.keypad) }
        return rig
    }

    static func connect(_ rig: DaemonRig) throws {
        try rig.start()
        try awaitCondition("the four devices to connect") { rig.events!.count(of: .deviceConnected) >= 4 }
    }

    func press(_ rig: DaemonRig, _ device: String, _ key: UInt16) throws {
        try rig.evdev.emit(device, EventScripts.keyTap(key))
    }

    /// Presses a staff key and waits for what it must produce.
    func staff(_ rig: DaemonRig, _ key: UInt16, expect kind: EventKind) throws -> DaemonEvent {
        let before = rig.events!.count(of: kind)
        try press(rig, "staff-pad", key)
        try rig.events!.await(kind, count: before + 1)
        return rig.events!.last(kind)!
    }

    func counterNumber(of event: DaemonEvent) -> Int? {
        if case .ticketCalled(_, let counterNumber, _, _, _) = event { counterNumber } else { nil }
    }

    func calls(of event: DaemonEvent) -> Int? {
        if case .ticketCalled(_, _, _, _, let calls) = event { calls } else { nil }
    }

    func issue(_ rig: DaemonRig, _ keys: [UInt16]) throws {
        let before = rig.events!.count(of: .ticketIssued)
        for key in keys { try press(rig, "ticket-pad", key) }
        try rig.events!.await(.ticketIssued, count: before + keys.count)
    }

    func statuses(_ rig: DaemonRig) throws -> [String: String] {
        let store = try KioskDatabase(readOnlyPath: rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        defer { try? store.close() }
        let day = TestOfficeDay.numbering()
        let floor = try store.queueFloor(day: day, layout: QueueLayout(counters: [], services: [], maximumCalls: 3, fallbackMinutes: 10), includingFinished: true)
        return Dictionary(uniqueKeysWithValues: floor.tickets.values.map { ticket in
            let state: String
            switch ticket.state {
            case .waiting: state = "waiting"
            case .called(let counter, let calls, _): state = "called \(counter) ×\(calls)"
            case .serving(let counter, _): state = "serving \(counter)"
            case .served(let counter): state = "served \(counter)"
            case .noShow(let counter): state = "no-show \(counter)"
            }
            return (ticket.number.description, state)
        })
    }

    @Test func staffKeysCallInOrderRecallMarkNoShowServeAndArmOneRating() throws {
        let rig = try Self.rig("calling")
        try Self.connect(rig)
        // A001 (hộ tịch), B001 (đất đai), A002, then A003 with priority.
        try issue(rig, [ticketKP1, ticketKP2, ticketKP1, ticketKP9])

        var called = try staff(rig, callNext, expect: .ticketCalled)
        #expect(called.number == "A003", "priority first")
        #expect(counterNumber(of: called) == 2)
        _ = try staff(rig, start, expect: .ticketServing)
        let served = try staff(rig, done, expect: .ticketServed)
        #expect(served.number == "A003")
        try rig.events!.await(.armed, count: 1)
        try press(rig, "rating-pad", ticketKP2)
        try rig.events!.await(.voteCounted, count: 1)
        try press(rig, "rating-pad", ticketKP1)  // the one rating was used
        try rig.events!.await(.pressRejected, count: 1)

        called = try staff(rig, callNext, expect: .ticketCalled)
        #expect(called.number == "A001", "then the earliest issued")
        called = try staff(rig, recall, expect: .ticketCalled)
        #expect(calls(of: called) == 2)
        let refused = try staff(rig, callNext, expect: .queueKeyRefused)
        #expect(refused.message?.hasPrefix("Số A001 đang được gọi") == true)
        _ = try staff(rig, noShow, expect: .ticketNoShow)
        called = try staff(rig, callNext, expect: .ticketCalled)
        #expect(called.number == "B001")
        let moved = try staff(rig, transfer, expect: .ticketTransferred)
        guard case .ticketTransferred(_, _, let toCounter) = moved else { Issue.record("not a transfer: \(moved)"); return }
        #expect(toCounter == "quay-1")
        called = try staff(rig, callNext, expect: .ticketCalled)
        #expect(called.number == "A002", "B001 now waits for quay-1 only")
        _ = try staff(rig, pause, expect: .counterPaused)

        #expect(try statuses(rig) == [
            "A001": "no-show quay-2", "B001": "waiting", "A002": "called quay-2 ×1", "A003": "served quay-2",
        ])
        #expect(try rig.voteCount() == 1)
        // The rating armed by A003's "done" counts for A003's service (a service, not a ticket).
        let votes = try rig.tally().votes
        #expect(votes.map(\.service) == ["ho-tich"])
        #expect(votes.first?.counter == "quay-2")
    }

    @Test func afterKill9TheFloorGoesOnWhereItWas() throws {
        let rig = try Self.rig("calling-crash")
        try Self.connect(rig)
        try issue(rig, [ticketKP1, ticketKP1, ticketKP1])
        #expect(try staff(rig, callNext, expect: .ticketCalled).number == "A001")
        _ = try staff(rig, start, expect: .ticketServing)
        _ = try staff(rig, pause, expect: .counterPaused)

        try rig.kill9()
        try Self.connect(rig)
        // Still paused, A001 still at the counter: nothing lost, called twice or skipped.
        #expect(try staff(rig, callNext, expect: .queueKeyRefused).message == QueueRefusal.counterPaused.description)
        _ = try staff(rig, resume, expect: .counterResumed)
        let events = try staff(rig, callNext, expect: .ticketCalled)
        #expect(events.number == "A002")
        #expect(rig.events!.all(.ticketServed).contains { $0.number == "A001" })
        _ = try staff(rig, done, expect: .ticketServed)
        #expect(try staff(rig, callNext, expect: .ticketCalled).number == "A003")
        #expect(try statuses(rig) == ["A001": "served quay-2", "A002": "served quay-2", "A003": "called quay-2 ×1"])
    }
}
