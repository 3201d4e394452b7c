import Foundation
import KioskCore
import KioskPrint
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
        try awaitCondition("both ticket devices to connect") { rig.events!.count(of: "device-connected") >= 2 }
        return Office(rig: rig, cups: cups)
    }

    /// Taps the 1000×500 test screen at (x, y) for 0.2 s.
    func tap(_ office: Office, x: Double, y: Double, at t: Double) throws {
        let (rx, ry) = (Int32(x / 1000 * 32760), Int32(y / 500 * 32760))
        try office.rig.evdev.emit("ticket-touch", EventScripts.slotDown(trackingID: Int32(t), x: rx, y: ry, time: t))
        try office.rig.evdev.emit("ticket-touch", EventScripts.slotUp(time: t + 0.2))
    }

    func numbers(_ events: EventStream, _ kind: String) -> [String] {
        events.events.filter { $0["event"] as? String == kind }.compactMap { $0["number"] as? String }
    }

    func storedTickets(_ office: Office) throws -> [StoredTicket] {
        let store = try KioskDatabase(readOnlyPath: office.rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        defer { try? store.close() }
        let day = LocalDay(Date(), in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        return try store.tickets(on: day)
    }

    /// Today's tallies as they will be sealed (for the printer faults counted).
    func todaysTallies(_ office: Office) throws -> DayTallies {
        let store = try KioskDatabase(readOnlyPath: office.rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        defer { try? store.close() }
        return try store.dayTallies(on: LocalDay(Date(), in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!), kiosk: "", office: "")
    }

    func status(_ office: Office) throws -> [String: Any] {
        let answer = try office.rig.daemon!.kioskctl(["status", "--json"])
        return try JSONSerialization.jsonObject(with: Data(answer.utf8)) as! [String: Any]
    }

    func printerStatus(_ office: Office) throws -> [String: Any] {
        try #require((try status(office)["printers"] as? [[String: Any]])?.first)
    }

    @Test func tapIssuesATicketWhosePrintedRasterIsTheRenderedTicket() throws {
        let sink = try SocketSink()
        let office = try office("ticket-raster", deviceURI: sink.deviceURI)
        try tap(office, x: 250, y: 200, at: 100)
        try office.events.await("ticket-printed")
        try sink.awaitJobs(1)

        let issued = try #require(office.events.events.first { $0["event"] as? String == "ticket-issued" })
        #expect(issued["number"] as? String == "A001")
        #expect(issued["service"] as? String == "ho-tich")
        #expect(issued["priority"] as? Bool == false)
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
        try office.events.await("ticket-printed", count: 1)
        try tap(office, x: 250, y: 200, at: 101)  // A002: A001 before it
        try office.events.await("ticket-printed", count: 2)
        try tap(office, x: 250, y: 450, at: 102)  // A003, priority: nobody before it
        try office.events.await("ticket-printed", count: 3)
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
    }

    @Test func zonesAndKeysNumberEachServiceOnItsOwnAndMarkPriority() throws {
        let sink = try SocketSink()
        let office = try office("ticket-numbering", deviceURI: sink.deviceURI)
        try tap(office, x: 250, y: 200, at: 100)  // A001
        try office.events.await("ticket-issued", count: 1)
        try tap(office, x: 750, y: 200, at: 101)  // B001
        try office.events.await("ticket-issued", count: 2)
        try tap(office, x: 250, y: 450, at: 102)  // A002, priority
        try office.events.await("ticket-issued", count: 3)
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp2))  // B002
        try office.events.await("ticket-issued", count: 4)
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp9))  // A003, priority
        try office.events.await("ticket-issued", count: 5)
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp1))  // A004
        try office.events.await("ticket-printed", count: 6, timeout: 30)

        #expect(numbers(office.events, "ticket-issued") == ["A001", "B001", "A002", "B002", "A003", "A004"])
        #expect(Set(numbers(office.events, "ticket-printed")) == ["A001", "B001", "A002", "B002", "A003", "A004"])
        let priorities = office.events.events.filter { $0["event"] as? String == "ticket-issued" }.map { $0["priority"] as? Bool }
        #expect(priorities == [false, false, true, false, true, false])
        let stored = try storedTickets(office)
        #expect(stored.first { $0.number.description == "A002" }?.priority == "Người cao tuổi")
        #expect(stored.first { $0.number.description == "A003" }?.priority == "Người khuyết tật")
        #expect(stored.allSatisfy { $0.printState == .printed })
        #expect(sink.jobs.count == 6)
        // Waiting ahead counts the same service only: A004 has A001…A003 before it.
        let a004 = try #require(office.events.events.first { $0["number"] as? String == "A004" && $0["event"] as? String == "ticket-issued" })
        #expect(a004["waitingAhead"] as? Int == 3)
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
        try office.events.await("ticket-not-printed")
        let notPrinted = try #require(office.events.events.first { $0["event"] as? String == "ticket-not-printed" })
        #expect(notPrinted["number"] as? String == "A001")
        #expect(notPrinted["problem"] as? String == problem)
        let text = try #require(notPrinted["message"] as? String)
        #expect(text.hasPrefix("Số A001 của bạn đã được ghi nhận"))
        #expect(text.contains(message))
        try office.events.await("printer-fault")

        let printer = try printerStatus(office)
        #expect(printer["ok"] as? Bool == false)
        #expect(printer["problem"] as? String == problem)
        #expect((printer["message"] as? String)?.contains(message) == true)
        #expect(printer["ticketsAwaiting"] as? Int == 1)
        let human = try office.rig.daemon!.kioskctl(["status"])
        #expect(human.contains(message))
        #expect(try storedTickets(office).map(\.printState) == [.failed])
        // Counted once for the day's sealed tallies, however many tickets it keeps back.
        #expect(try todaysTallies(office).printerFaults == [.init(printer: "may-in-ve", fault: problem, count: 1)])

        // A second citizen meanwhile: a new number, also kept.
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyTap(kp1))
        try office.events.await("ticket-issued", count: 2)
        if printingHangs {
            // Issued while the print thread still waits on the hung cupsd (3 s timeout): input never waits for printing.
            #expect(office.events.count(of: "ticket-not-printed") == 1)
        }
        try office.events.await("ticket-not-printed", count: 2)

        try fixIt(office, sink)
        try office.events.await("printer-ready")
        try office.events.await("ticket-printed", count: 2, timeout: 20)
        #expect(numbers(office.events, "ticket-printed") == ["A001", "A002"])
        #expect(sink.jobs.count == 2)
        #expect(try EscPosRaster.decode(sink.jobs[0]).width == 576)
        #expect(try storedTickets(office).map(\.printState) == [.printed, .printed])
        #expect(try printerStatus(office)["ok"] as? Bool == true)
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
        try office.events.await("ticket-not-printed")
        try tap(office, x: 750, y: 200, at: 101)
        try office.events.await("ticket-not-printed", count: 2)

        let output = try office.rig.daemon!.kioskctl(["print", "cancel", "A001"])
        #expect(output.contains("A001"))
        try office.events.await("tickets-cancelled")
        #expect(try printerStatus(office)["ticketsAwaiting"] as? Int == 1)
        _ = try office.rig.daemon!.kioskctl(["print", "cancel"])
        try office.events.await("tickets-cancelled", count: 2)
        #expect(try storedTickets(office).map(\.printState) == [.cancelled, .cancelled])

        try office.cups.run("cupsenable", [TicketOffice.queue])
        try office.events.await("printer-ready")
        try tap(office, x: 250, y: 200, at: 102)
        try office.events.await("ticket-printed")
        // Only the new ticket printed, with a new number: A001 is never reused.
        #expect(numbers(office.events, "ticket-printed") == ["A002"])
        try sink.awaitJobs(1)
        #expect(sink.jobs.count == 1)
    }

    @Test func reprintAndTestPageGoToThePrinter() throws {
        let sink = try SocketSink()
        let office = try office("reprint", deviceURI: sink.deviceURI)
        try tap(office, x: 750, y: 200, at: 100)
        try office.events.await("ticket-printed")
        let output = try office.rig.daemon!.kioskctl(["reprint"])
        #expect(output.contains("B001"))
        try office.events.await("ticket-printed", count: 2)
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
        try office.events.await("ticket-issued")
        try office.rig.kill9()
        try office.cups.run("cupsenable", [TicketOffice.queue])
        try office.rig.start()
        try awaitCondition("the kept ticket to print after the restart", timeout: 20) { sink.jobs.count == 1 }
        try awaitCondition("its state to be recorded") { try storedTickets(office).map(\.printState) == [.printed] }
        #expect(try storedTickets(office).map(\.number.description) == ["A001"])
    }
}
