import Foundation
import KioskCore
import KioskProtocol
import KioskStore
import KioskTestSupport
import Testing

/// A simulated office day on emulated devices: 200 tickets over 4 services (some with priority)
/// from the entrance keypad, 3 counters with staff keypads and armed rating keypads; calls,
/// recalls, no-shows, transfers and ratings in a fixed pseudo-random order. Every call kioskd makes
/// is checked against the queue's rules (`QueueFloor`, run beside it as the oracle); at the end no
/// ticket is lost or called twice, ratings counted only when armed, and the day's tallies add up.
@Suite struct OfficeDayTests {
    static let services = ["ho-tich", "dat-dai", "xay-dung", "chinh-sach"]
    static let counters = [("quay-1", ["ho-tich", "dat-dai"]), ("quay-2", ["dat-dai", "xay-dung"]), ("quay-3", ["xay-dung", "chinh-sach", "ho-tich"])]
    static func key(_ name: String) -> UInt16 { KeyCodes.code(named: name)! }

    static func office(_ evdev: FakeEvdev) -> String {
        var text = """
            [office]
            code = "OFFICE-DAY"
            name = "Bộ phận Một cửa UBND phường Mô Phỏng"

            [ticketing]
            max_calls = 2
            reset_hour = \(TestOfficeDay.resetHour)

            [[printers]]
            id = "ve"
            queue = "ve"
            server = "/nonexistent/cups.sock"
            mode = "raw"
            width = 576

            [survey]
            preset = "default"

            [[terminals]]
            id = "lay-so"
            kind = "ticket"
            printer = "ve"
            lockout_seconds = 0

            [[devices]]
            path = "\(evdev.devicePath("ticket-pad"))"
            role = "ticket_keypad"
            terminal = "lay-so"
            keys = { KEY_KP1 = "ho-tich", KEY_KP2 = "dat-dai", KEY_KP3 = "xay-dung", KEY_KP4 = "chinh-sach", KEY_KP9 = { service = "dat-dai", priority = "Người cao tuổi" } }

            """
        for (index, service) in services.enumerated() {
            text += "[[services]]\nid = \"\(service)\"\nletter = \"\(["A", "B", "C", "D"][index])\"\nname = \"Lĩnh vực \(index + 1)\"\n\n"
        }
        for (index, counter) in counters.enumerated() {
            text += """
                [[counters]]
                id = "\(counter.0)"
                number = \(index + 1)
                services = [\(counter.1.map { "\"\($0)\"" }.joined(separator: ", "))]

                [[terminals]]
                id = "\(counter.0)-danh-gia"
                kind = "rating"
                counter = "\(counter.0)"
                policy = "armed"
                arm_window_seconds = 600

                [[devices]]
                path = "\(evdev.devicePath("staff-\(index + 1)"))"
                role = "staff_keypad"
                counter = "\(counter.0)"
                keys = { KEY_KP1 = "call_next", KEY_KP2 = "recall", KEY_KP3 = "no_show", KEY_KP4 = "start", KEY_KP5 = "done", KEY_KP8 = "transfer:chinh-sach" }

                [[devices]]
                path = "\(evdev.devicePath("rating-\(index + 1)"))"
                role = "rating_keypad"
                terminal = "\(counter.0)-danh-gia"

                """
        }
        return text
    }

    /// A small fixed pseudo-random sequence (the same day every run).
    struct Dice {
        var state: UInt64 = 0x5EED_2026
        mutating func roll(_ sides: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(sides))
        }
    }

    @Test func aDayOf200TicketsAt3CountersKeepsEveryRule() throws {
        let rig = try DaemonRig("office-day") { Self.office($0) }
        try rig.evdev.add("ticket-pad", description: DaemonRig.keypad)
        for index in 1...3 {
            try rig.evdev.add("staff-\(index)", description: DaemonRig.keypad)
            try rig.evdev.add("rating-\(index)", description: DaemonRig.keypad)
        }
        try rig.start()
        let events = try #require(rig.events)
        try awaitCondition("the seven keypads to connect") { events.count(of: .deviceConnected) >= 7 }

        var oracle = QueueFloor(
            counters: Self.counters.map { QueueFloor.Counter(id: $0.0, services: $0.1) }, services: Set(Self.services), maximumCalls: 2)
        var dice = Dice()
        var issued = 0
        var issuedPerService: [String: Int] = [:]
        var priorityIssued = 0
        var ratings = 0
        var unarmedPresses = 0
        // A "done" arms the counter's rating keypad until a citizen answers (the window is long).
        var armed = [false, false, false]
        var calls: [String] = []
        let clock = Date(timeIntervalSince1970: 0)

        func issue(_ count: Int) throws {
            for _ in 0..<count where issued < 200 {
                let pick = dice.roll(10)
                let (keyName, service, priority): (String, String, String?) =
                    pick == 9 ? ("KEY_KP9", "dat-dai", "Người cao tuổi") : (["KEY_KP1", "KEY_KP2", "KEY_KP3", "KEY_KP4"][pick % 4], Self.services[pick % 4], nil)
                try rig.evdev.emit("ticket-pad", EventScripts.keyTap(Self.key(keyName)))
                issued += 1
                try events.await(.ticketIssued, count: issued)
                let number = events.last(.ticketIssued)!.number!
                issuedPerService[service, default: 0] += 1
                priorityIssued += priority == nil ? 0 : 1
                oracle.add(QueueTicket(
                    id: .init(service: service, number: Int(number.dropFirst())!), number: TicketNumber(letter: String(number.prefix(1)), number: Int(number.dropFirst())!),
                    issuedAt: clock.addingTimeInterval(Double(issued)), priorityClass: priority))
            }
        }

        /// Presses a staff key at counter `index` (1-based) and checks kioskd did what the oracle does.
        func staff(_ index: Int, _ command: QueueCommand, _ keyName: String) throws {
            let counter = Self.counters[index - 1].0
            let expected = (try? oracle.apply(command, at: counter, now: clock)) ?? nil
            let kinds: [EventKind] = [.ticketCalled, .ticketServing, .ticketServed, .ticketNoShow, .ticketTransferred, .queueKeyRefused]
            let before = kinds.reduce(0) { $0 + events.count(of: $1) }
            try rig.evdev.emit("staff-\(index)", EventScripts.keyTap(Self.key(keyName)))
            try awaitCondition("counter \(index): \(command)") { kinds.reduce(0) { $0 + events.count(of: $1) } > before }
            let answer = events.events.last { kinds.contains($0.kind) }!
            if let expected, case .called(_, let number, _, let count) = expected.last {
                let called: Bool
                if case .ticketCalled(_, _, number.description, _, count) = answer { called = true } else { called = false }
                #expect(called,
                    "counter \(index) should call \(number) (call \(count)), kioskd said \(answer)")
                calls.append("\(number)×\(count)")
            } else if expected == nil {
                #expect(answer.kind == .queueKeyRefused, "counter \(index) \(command) should be refused, kioskd said \(answer)")
            }
        }

        try issue(30)
        var round = 0
        while true {
            round += 1
            try issue(dice.roll(6))
            for index in 1...3 {
                let counter = Self.counters[index - 1].0
                guard oracle.current(at: counter) != nil || !oracle.queue(for: counter).isEmpty else { continue }
                if oracle.current(at: counter) == nil { try staff(index, .callNext, "KEY_KP1") }
                guard oracle.current(at: counter) != nil else { continue }
                switch dice.roll(12) {
                case 0:
                    try staff(index, .recall, "KEY_KP2")
                    try staff(index, .noShow, "KEY_KP3")
                case 1:
                    try staff(index, .recall, "KEY_KP2")
                    try staff(index, .recall, "KEY_KP2")  // over max_calls = 2: refused
                    try staff(index, .noShow, "KEY_KP3")
                case 2 where oracle.current(at: counter)?.waitingFor != "chinh-sach":
                    try staff(index, .transferToService("chinh-sach"), "KEY_KP8")
                default:
                    if dice.roll(4) == 0 {
                        // A press on the rating keypad before this citizen is served: misuse when
                        // not armed; the previous citizen's unused rating when still armed.
                        let (rejected, counted) = (events.count(of: .pressRejected), events.count(of: .voteCounted))
                        try rig.evdev.emit("rating-\(index)", EventScripts.keyTap(Self.key("KEY_KP\(1 + dice.roll(4))")))
                        if armed[index - 1] {
                            try events.await(.voteCounted, count: counted + 1)
                            ratings += 1
                            armed[index - 1] = false
                        } else {
                            try events.await(.pressRejected, count: rejected + 1)
                            unarmedPresses += 1
                        }
                    }
                    try staff(index, .startServing, "KEY_KP4")
                    let armings = events.count(of: .armed)
                    try staff(index, .done, "KEY_KP5")
                    try events.await(.armed, count: armings + 1)
                    armed[index - 1] = true
                    if dice.roll(5) != 0 {
                        let counted = events.count(of: .voteCounted)
                        try rig.evdev.emit("rating-\(index)", EventScripts.keyTap(Self.key("KEY_KP\(1 + dice.roll(4))")))
                        try events.await(.voteCounted, count: counted + 1)
                        ratings += 1
                        armed[index - 1] = false
                    }
                }
            }
            try #require(round < 2000, "the day never ends")
            if issued >= 200 && oracle.tickets.values.allSatisfy({ !$0.isWaiting }) && Self.counters.allSatisfy({ oracle.current(at: $0.0) == nil }) { break }
        }

        // Every ticket was issued once and ended served or no-show; nobody was called out of turn (checked per call above).
        let store = try KioskDatabase(readOnlyPath: rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        defer { try? store.close() }
        let day = TestOfficeDay.numbering()
        let stored = try store.queueFloor(day: day, layout: QueueLayout(counters: [], services: [], maximumCalls: 2, fallbackMinutes: 10), includingFinished: true)
        #expect(stored.tickets.count == 200)
        #expect(stored.tickets.values.allSatisfy { if case .served = $0.state { true } else if case .noShow = $0.state { true } else { false } })
        let firstCalls = calls.filter { $0.hasSuffix("×1") }.map { String($0.dropLast(2)) }
        #expect(Set(firstCalls).count == firstCalls.count - events.count(of: .ticketTransferred),
            "a ticket is first-called again only after a transfer")
        let servedInOracle = oracle.tickets.values.filter { if case .served = $0.state { true } else { false } }.count
        // Tickets are tallied on their numbering day.
        let tallies = try store.dayTallies(on: day, kiosk: "K", office: "O")
        #expect(tallies.tickets.reduce(0) { $0 + $1.issued } == 200)
        #expect(Dictionary(uniqueKeysWithValues: tallies.tickets.map { ($0.service, $0.issued) }) == issuedPerService)
        #expect(tallies.tickets.reduce(0) { $0 + $1.served } == servedInOracle)
        #expect(tallies.tickets.reduce(0) { $0 + $1.served + $1.noShow } == 200)
        #expect(tallies.tickets.reduce(0) { $0 + $1.priority } == priorityIssued)
        // Ratings and presses on the calendar day: one per rated "done", none unarmed.
        let today = try store.dayTallies(on: LocalDay(Date(), in: TestOfficeDay.timeZone), kiosk: "K", office: "O")
        #expect(today.votes.reduce(0) { $0 + $1.count } == ratings)
        #expect(today.presses.filter { $0.kind == "misuse-unarmed" }.reduce(0) { $0 + $1.count } == unarmedPresses)
        #expect(ratings > 50 && unarmedPresses > 5 && priorityIssued > 5, "ratings \(ratings), unarmed \(unarmedPresses), priority \(priorityIssued)")
        #expect(events.count(of: .ticketTransferred) > 3 && events.count(of: .ticketNoShow) > 3 && events.count(of: .queueKeyRefused) > 3)
    }
}
