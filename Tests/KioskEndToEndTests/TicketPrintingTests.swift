import Foundation
import KioskCore
import KioskPrint
import KioskProtocol
import KioskStore
import KioskTestSupport
import Testing

/// kioskd issuing tickets on emulated devices and printing them through a real, private cupsd.
@Suite struct TicketPrintingTests {
    let kp1 = KeyCodes.code(named: "KEY_KP1")!
    let kp2 = KeyCodes.code(named: "KEY_KP2")!
    let kp9 = KeyCodes.code(named: "KEY_KP9")!

    struct Office {
        let rig: DaemonRig
        let cups: PrivateCups
        var events: EventStream { rig.events! }
    }

    /// A private cupsd with the ticket queue on `deviceURI`, and kioskd on the ticket office.
    func office(_ name: String, deviceURI: String) throws -> Office {
        let cups = try PrivateCups(directory: try RepositoryPaths.temporaryDirectory("cups-\(name)"))
        try cups.addRawQueue(TicketOffice.queue, deviceURI: deviceURI)
        let rig = try DaemonRig(name) { TicketOffice.config($0, cups: cups.server) }
        try rig.evdev.add("ticket-touch", description: DaemonRig.egalax)
        try rig.evdev.add("ticket-pad", description: DaemonRig.keypad)
        try rig.start()
        try awaitCondition("both ticket devices to connect") { rig.events!.count(of: .deviceConnected) >= 2 }
        return Office(rig: rig, cups: cups)
    }

    /// Taps the 1000×500 test screen at (x, y) for 0.2 s.
    func tap(_ office: Office, x: Double, y: Double, at t: Double) throws {
        let (rx, ry) = (Int32(x / 1000 * 32760), Int32(y / 500 * 32760))
        try office.rig.evdev.emit("ticket-touch", EventScripts.slotDown(trackingID: Int32(t), x: rx, y: ry, time: t))
        try office.rig.evdev.emit("ticket-touch", EventScripts.slotUp(time: t + 0.2))
    }

    func numbers(_ events: EventStream, _ kind: EventKind) -> [String] {
        events.all(kind).compactMap(\.number)
    }

    /// The tickets issued, in order, with what the ticket-issued events say of them.
    func issued(_ events: EventStream) -> [(number: String, service: String, priority: Bool, waitingAhead: Int)] {
        events.events.compactMap { event in
            if case .ticketIssued(_, let number, let service, let priority, let waitingAhead) = event {
                (number, service, priority, waitingAhead)
            } else {
                nil
            }
        }
    }

    func storedTickets(_ office: Office) throws -> [StoredTicket] {
        let store = try KioskDatabase(readOnlyPath: office.rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        defer { try? store.close() }
        return try store.tickets(on: TestOfficeDay.numbering())
    }

    /// Today's tallies as they will be sealed (for the printer faults counted).
    func todaysTallies(_ office: Office) throws -> DayTallies {
        let store = try KioskDatabase(readOnlyPath: office.rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        defer { try? store.close() }
        return try store.dayTallies(on: LocalDay(Date(), in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!), kiosk: "", office: "")
    }

    func status(_ office: Office) throws -> StatusReport {
        let answer = try office.rig.daemon!.kioskctl(["status", "--json"])
        return try ProtocolJSON.decode(StatusReport.self, from: answer)
    }

    func printerStatus(_ office: Office) throws -> StatusReport.Printer {
        try #require(try status(office).printers.first)
    }

    @Test func tapIssuesATicketWhosePrintedRasterIsTheRenderedTicket() throws {
        let sink = try SocketSink()
        let office = try office("ticket-raster", deviceURI: sink.deviceURI)
        try tap(office, x: 250, y: 200, at: 100)
        try office.events.await(.ticketPrinted)
        try sink.awaitJobs(1)

        let first = try #require(issued(office.events).first)
        #expect(first.number == "A001")
        #expect(first.service == "ho-tich")
        #expect(first.priority == false)
        let ticket = try #require(try storedTickets(office).first)
        #expect(ticket.printState == .printed)
        #expect(ticket.printJob != nil)

        // The bytes that reached the printer decode to exactly the ticket rendered from what was stored.
        let expected = TicketPrintout(
            officeName: "Bộ phận Một cửa UBND phường Thử Nghiệm", serviceName: "Tư pháp – Hộ tịch", number: "A001",
            issuedAt: ticket.issuedAt, waitingAhead: 0, estimatedWaitMinutes: nil, counters: [1, 2], hotline: "1022",
            qrURL: "https://motcua.example.vn/ve/TEST-OFFICE/A001")
        let printed = try EscPosRaster.decode(sink.jobs[0])
        #expect(printed.width == 576)
        #expect(printed == (try expected.renderBitmap(width: 576)))
    }

    /// The wait printed on a ticket: the tickets before it in its queue (priority first), shared by
    /// the counters that call the service (two for hộ tịch), times 10 minutes until service times
    /// are measured.
    @Test func aTicketSaysHowManyAreBeforeItAndTheEstimatedWait() throws {
        let sink = try SocketSink()
        let office = try office("ticket-wait", deviceURI: sink.deviceURI)
        try tap(office, x: 250, y: 200, at: 100)  // A001
        try office.events.await(.ticketPrinted, count: 1)
        try tap(office, x: 250, y: 200, at: 101)  // A002: A001 before it
        try office.events.await(.ticketPrinted, count: 2)
        try tap(office, x: 250, y: 450, at: 102)  // A003, priority: nobody before it
        try office.events.await(.ticketPrinted, count: 3)
        try sink.awaitJobs(3)
        let tickets = try storedTickets(office)
        func expected(_ index: Int, ahead: Int, minutes: Int?, priority: String? = nil) throws -> MonochromeBitmap {
            let number = tickets[index].number.description
            return try TicketPrintout(
                officeName: "Bộ phận Một cửa UBND phường Thử Nghiệm", serviceName: "Tư pháp – Hộ tịch", number: number,
                issuedAt: tickets[index].issuedAt, waitingAhead: ahead, estimatedWaitMinutes: minutes, counters: [1, 2], priority: priority,
                hotline: "1022", qrURL: "https://motcua.example.vn/ve/TEST-OFFICE/\(number)"
            ).renderBitmap(width: 576)
        }
        #expect(try EscPosRaster.decode(sink.jobs[1]) == (try expected(1, ahead: 1, minutes: 5)))
        #expect(try EscPosRaster.decode(sink.jobs[2]) == (try expected(2, ahead: 0, minutes: nil, priority: "Người cao tuổi")))
        // The event said what the paper says: the forecast is made once, when the ticket is issued.
        #expect(issued(office.events).map(\.waitingAhead) == [0, 1, 0])
    }

    @Test func zonesAndKeysNumberEachServiceOnItsOwnAndMarkPriority() throws {
        let sink = try SocketSink()
        let office = try office("ticket-numbering", deviceURI: sink.deviceURI)
        try tap(office, x: 250, y: 200, at: 100)  // A001
        try office.events.await(.ticketIssued, count: 1)
        try tap(office, x: 750, y: 200, at: 101)  // B001
        try office.events.await(.ticketIssued, count: 2)
        try tap(office, x: 250, y: 450, at: 102)  // A002, priority
        try office.events.await(.ticketIssued, count: 3)
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp2))  // B002
        try office.events.await(.ticketIssued, count: 4)
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp9))  // A003, priority
        try office.events.await(.ticketIssued, count: 5)
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp1))  // A004
        try office.events.await(.ticketPrinted, count: 6, timeout: 30)

        #expect(numbers(office.events, .ticketIssued) == ["A001", "B001", "A002", "B002", "A003", "A004"])
        #expect(Set(numbers(office.events, .ticketPrinted)) == ["A001", "B001", "A002", "B002", "A003", "A004"])
        #expect(issued(office.events).map(\.priority) == [false, false, true, false, true, false])
        let stored = try storedTickets(office)
        #expect(stored.first { $0.number.description == "A002" }?.priority == "Người cao tuổi")
        #expect(stored.first { $0.number.description == "A003" }?.priority == "Người khuyết tật")
        #expect(stored.allSatisfy { $0.printState == .printed })
        #expect(sink.jobs.count == 6)
        // Waiting ahead counts the same service only: A004 has A001…A003 before it.
        let a004 = try #require(issued(office.events).first { $0.number == "A004" })
        #expect(a004.waitingAhead == 3)
    }

    /// A fault on the printer: the ticket is committed and kept, the terminal and `kioskctl status`
    /// say why in Vietnamese first, and the same ticket prints once the printer is back.
    func faultKeepsTheTicketAndPrintsItWhenBack(
        _ name: String, deviceURI: (SocketSink) -> String, problem: String, message: String, printingHangs: Bool = false,
        breakIt: (Office) throws -> Void, fixIt: (Office, SocketSink) throws -> Void
    ) throws {
        let sink = try SocketSink()
        let office = try office(name, deviceURI: deviceURI(sink))
        try breakIt(office)
        try tap(office, x: 250, y: 200, at: 100)
        try office.events.await(.ticketNotPrinted)
        let notPrinted = try #require(office.events.first(.ticketNotPrinted))
        #expect(notPrinted.number == "A001")
        #expect(notPrinted.problem == problem)
        let text = try #require(notPrinted.message)
        #expect(text.hasPrefix("Số A001 của bạn đã được ghi nhận"))
        #expect(text.contains(message))
        try office.events.await(.printerFault)

        let printer = try printerStatus(office)
        #expect(printer.ok == false)
        #expect(printer.problem == problem)
        #expect(printer.message?.contains(message) == true)
        #expect(printer.ticketsAwaiting == 1)
        let human = try office.rig.daemon!.kioskctl(["status"])
        #expect(human.contains(message))
        #expect(try storedTickets(office).map(\.printState) == [.failed])
        // Counted once for the day's sealed tallies, however many tickets it keeps back.
        #expect(try todaysTallies(office).printerFaults == [.init(printer: "may-in-ve", fault: problem, count: 1)])

        // A second citizen meanwhile: a new number, also kept.
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp1))
        try office.events.await(.ticketIssued, count: 2)
        if printingHangs {
            // Issued while the print thread still waits on the hung cupsd (3 s timeout): input never waits for printing.
            #expect(office.events.count(of: .ticketNotPrinted) == 1)
        }
        try office.events.await(.ticketNotPrinted, count: 2)

        try fixIt(office, sink)
        try office.events.await(.printerReady)
        try office.events.await(.ticketPrinted, count: 2, timeout: 20)
        #expect(numbers(office.events, .ticketPrinted) == ["A001", "A002"])
        #expect(sink.jobs.count == 2)
        #expect(try EscPosRaster.decode(sink.jobs[0]).width == 576)
        #expect(try storedTickets(office).map(\.printState) == [.printed, .printed])
        #expect(try printerStatus(office).ok == true)
    }

    @Test func outOfPaperKeepsTheTicket() throws {
        try faultKeepsTheTicketAndPrintsItWhenBack(
            "fault-paper", deviceURI: { _ in "kioskfault:/media-empty-error" }, problem: "out-of-paper",
            message: "Máy in hết giấy", breakIt: { _ in },
            fixIt: { office, sink in
                try office.cups.run("lpadmin", ["-p", TicketOffice.queue, "-v", sink.deviceURI])
                try office.cups.run("cupsenable", [TicketOffice.queue])
            })
    }

    @Test func disabledPrinterKeepsTheTicket() throws {
        try faultKeepsTheTicketAndPrintsItWhenBack(
            "fault-disabled", deviceURI: { $0.deviceURI }, problem: "stopped", message: "Máy in đang tạm dừng",
            breakIt: { office in try office.cups.run("cupsdisable", [TicketOffice.queue]) },
            fixIt: { office, _ in try office.cups.run("cupsenable", [TicketOffice.queue]) })
    }

    @Test func rejectingPrinterKeepsTheTicket() throws {
        try faultKeepsTheTicketAndPrintsItWhenBack(
            "fault-reject", deviceURI: { $0.deviceURI }, problem: "not-accepting", message: "Máy in không nhận lệnh in",
            breakIt: { office in try office.cups.run("cupsreject", [TicketOffice.queue]) },
            fixIt: { office, _ in try office.cups.run("cupsaccept", [TicketOffice.queue]) })
    }

    /// cupsd itself stopped (SIGSTOP: it accepts connections but never answers, like a hung
    /// service): the submission times out instead of blocking, and input goes on meanwhile.
    @Test func hungCupsKeepsTheTicketAndNeverBlocksInput() throws {
        try faultKeepsTheTicketAndPrintsItWhenBack(
            "fault-hung", deviceURI: { $0.deviceURI }, problem: "cups-unreachable", message: "Không kết nối được dịch vụ in",
            printingHangs: true,
            breakIt: { office in office.cups.signal(SIGSTOP) },
            fixIt: { office, _ in office.cups.signal(SIGCONT) })
    }

    @Test func staffCancelKeepsTheNumbersUsedAndNothingPrintsLater() throws {
        let sink = try SocketSink()
        let office = try office("cancel", deviceURI: sink.deviceURI)
        try office.cups.run("cupsdisable", [TicketOffice.queue])
        try tap(office, x: 250, y: 200, at: 100)
        try office.events.await(.ticketNotPrinted)
        try tap(office, x: 750, y: 200, at: 101)
        try office.events.await(.ticketNotPrinted, count: 2)

        let output = try office.rig.daemon!.kioskctl(["print", "cancel", "A001"])
        #expect(output.contains("A001"))
        try office.events.await(.ticketsCancelled)
        #expect(try printerStatus(office).ticketsAwaiting == 1)
        _ = try office.rig.daemon!.kioskctl(["print", "cancel"])
        try office.events.await(.ticketsCancelled, count: 2)
        #expect(try storedTickets(office).map(\.printState) == [.cancelled, .cancelled])

        try office.cups.run("cupsenable", [TicketOffice.queue])
        try office.events.await(.printerReady)
        try tap(office, x: 250, y: 200, at: 102)
        try office.events.await(.ticketPrinted)
        // Only the new ticket printed, with a new number: A001 is never reused.
        #expect(numbers(office.events, .ticketPrinted) == ["A002"])
        try sink.awaitJobs(1)
        #expect(sink.jobs.count == 1)
    }

    @Test func reprintAndTestPageGoToThePrinter() throws {
        let sink = try SocketSink()
        let office = try office("reprint", deviceURI: sink.deviceURI)
        try tap(office, x: 750, y: 200, at: 100)
        try office.events.await(.ticketPrinted)
        let output = try office.rig.daemon!.kioskctl(["reprint"])
        #expect(output.contains("B001"))
        try office.events.await(.ticketPrinted, count: 2)
        try sink.awaitJobs(2)
        #expect(sink.jobs[0] == sink.jobs[1])

        let test = try office.rig.daemon!.kioskctl(["print", "test"])
        #expect(test.contains("may-in-ve"))
        try sink.awaitJobs(3)
        let page = try EscPosRaster.decode(sink.jobs[2])
        #expect(page.width == 576)
        #expect(page.blackPixelCount > 1000)
    }

    @Test func ticketCommittedBeforeAKillIsPrintedAfterTheRestart() throws {
        let sink = try SocketSink()
        let office = try office("kill", deviceURI: sink.deviceURI)
        try office.cups.run("cupsdisable", [TicketOffice.queue])
        try tap(office, x: 250, y: 200, at: 100)
        try office.events.await(.ticketIssued)
        try office.rig.kill9()
        try office.cups.run("cupsenable", [TicketOffice.queue])
        try office.rig.start()
        try awaitCondition("the kept ticket to print after the restart", timeout: 20) { sink.jobs.count == 1 }
        try awaitCondition("its state to be recorded") { try storedTickets(office).map(\.printState) == [.printed] }
        #expect(try storedTickets(office).map(\.number.description) == ["A001"])
    }
}
