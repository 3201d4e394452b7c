import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

/// The rating screen and the ticket menu in headless Chromium: their boxes are where the touch
/// zones are (within 1 % of the screen, at the panel's size and at full HD), and they follow what
/// happens: a rating's thank-you, a paused counter, the number just taken, a ticket not printed
/// and the printer's state (also on a page opened while the printer is in trouble).
@Suite(.serialized) struct TerminalScreenTests {
    static let ratingZones = [(8.0, 150.0, 240.0, 420.0), (264, 150, 240, 420), (520, 150, 240, 420), (776, 150, 240, 420)]
    static let ticketZones = [(0.0, 0.0, 500.0, 400.0), (500, 0, 500, 500), (0, 400, 500, 100)]

    static func rig(_ name: String, port: Int, beforeStart: (DaemonRig) throws -> Void = { _ in }) throws -> DaemonRig {
        let rig = try DaemonRig(name) { evdev in
            TicketOffice.config(evdev, cups: "/nonexistent/cups.sock", extra: """
                [http]
                listen = "127.0.0.1:\(port)"

                [[terminals]]
                id = "quay-1-danh-gia"
                kind = "rating"
                counter = "quay-1"
                policy = "free"
                lockout_seconds = 1
                screen = { width = 1024, height = 600 }
                zones = [\(ratingZones.enumerated().map { "{ choice = \($0.offset + 1), x = \(Int($0.element.0)), y = \(Int($0.element.1)), width = \(Int($0.element.2)), height = \(Int($0.element.3)) }" }.joined(separator: ", "))]

                [[devices]]
                path = "\(evdev.devicePath("rating-touch"))"
                role = "rating_touchscreen"
                terminal = "quay-1-danh-gia"

                [[devices]]
                path = "\(evdev.devicePath("staff-pad"))"
                role = "staff_keypad"
                counter = "quay-1"
                keys = { KEY_KP6 = "pause", KEY_KP7 = "resume" }
                """)
        }
        try rig.evdev.add("ticket-touch", description: DaemonRig.egalax)
        try rig.evdev.add("rating-touch", description: DaemonRig.egalax)
        try rig.evdev.add("ticket-pad", description: DaemonRig.keypad)
        try rig.evdev.add("staff-pad", description: DaemonRig.keypad)
        try beforeStart(rig)
        try rig.start()
        try awaitCondition("the four devices to connect") { rig.events!.count(of: .deviceConnected) >= 4 }
        return rig
    }

    func tap(_ rig: DaemonRig, _ device: String, x: Double, y: Double, screen: (Double, Double), at t: Double) throws {
        let (rx, ry) = (Int32(x / screen.0 * 32760), Int32(y / screen.1 * 32760))
        try rig.evdev.emit(device, EventScripts.slotDown(trackingID: Int32(t), x: rx, y: ry, time: t))
        try rig.evdev.emit(device, EventScripts.slotUp(time: t + 0.2))
    }

    /// The page's boxes against the zones scaled to the window, within 1 % of its width and height.
    func expectBoxes(_ page: ScreenBrowser, match zones: [(Double, Double, Double, Double)], screen: (Double, Double), window: (Double, Double)) throws {
        let rects = try PageRect.decode(try page.send("rects [data-zone]"))
        #expect(rects.count == zones.count)
        for (rect, zone) in zip(rects, zones) {
            let (sx, sy) = (window.0 / screen.0, window.1 / screen.1)
            let expected = [zone.0 * sx, zone.1 * sy, zone.2 * sx, zone.3 * sy]
            let actual = [rect.x, rect.y, rect.width, rect.height]
            for (index, (a, e)) in zip(actual, expected).enumerated() {
                let tolerance = 0.01 * (index % 2 == 0 ? window.0 : window.1)
                #expect(abs(a - e) <= tolerance, "zone \(rect.id ?? "?") \(["x", "y", "width", "height"][index]): \(a) vs \(e)")
            }
        }
    }

    @Test func theRatingScreenIsLaidOutFromTheZonesAndFollowsTheCounter() throws {
        let port = try freeLoopbackPort()
        let rig = try Self.rig("rating-screen", port: port)
        let keep = ProcessInfo.processInfo.environment["KIOSK_KEEP_SCREENSHOTS"]
        for (size, window) in [("1024x600", (1024.0, 600.0)), ("1920x1080", (1920.0, 1080.0))] {
            let page = try ScreenBrowser("http://127.0.0.1:\(port)/screens/rating/quay-1-danh-gia", size: size)
            #expect(try page.shows("body", "data-state", "asking"))
            try expectBoxes(page, match: Self.ratingZones, screen: (1024, 600), window: window)
            #expect(try page.send("text [data-zone='1'] b") == #""Rất hài lòng""#)
            #expect(try page.send("external") == "[]")
            #expect(try page.send("overflow") == "[0, 0]", "the rating screen fits \(size) without scrolling")
            if let keep { try page.send("screenshot \(keep)/rating-\(size).png") }
        }
        let page = try ScreenBrowser("http://127.0.0.1:\(port)/screens/rating/quay-1-danh-gia", size: "1024x600")
        #expect(try page.shows("body", "data-state", "asking"))
        try tap(rig, "rating-touch", x: 128, y: 360, screen: (1024, 600), at: 10)
        try rig.events!.await(.voteCounted)
        #expect(try page.shows("body", "data-state", "thanks"))
        if let keep { try page.send("screenshot \(keep)/rating-thanks-1024x600.png") }
        try rig.evdev.emit("staff-pad", EventScripts.keyTap(KeyCodes.code(named: "KEY_KP6")!))
        #expect(try page.shows("body", "data-state", "paused"))
        // A page opened while the counter is paused shows it at once.
        let later = try ScreenBrowser("http://127.0.0.1:\(port)/screens/rating/quay-1-danh-gia", size: "1024x600")
        #expect(try later.shows("body", "data-state", "paused"))
        try rig.evdev.emit("staff-pad", EventScripts.keyTap(KeyCodes.code(named: "KEY_KP7")!))
        #expect(try later.shows("body", "data-state", "asking"))
    }

    /// The state directory's disk full: both screens tell citizens to ask a clerk (also a page
    /// opened meanwhile), and go back to normal when a press is stored again.
    @Test func theScreensSayWhenRatingsAndTicketsCannotBeStored() throws {
        let port = try freeLoopbackPort()
        nonisolated(unsafe) var disk: SmallDisk?
        let rig = try Self.rig("storage-screen", port: port) { rig in disk = try SmallDisk(at: rig.stateDirectory, bytes: 4 << 20) }
        let rating = try ScreenBrowser("http://127.0.0.1:\(port)/screens/rating/quay-1-danh-gia", size: "1024x600")
        let tickets = try ScreenBrowser("http://127.0.0.1:\(port)/screens/tickets/lay-so", size: "1000x500")
        #expect(try rating.shows("body", "data-state", "asking"))
        #expect(try tickets.shows("body", "data-state", "menu"))

        try disk!.fill()
        try tap(rig, "rating-touch", x: 128, y: 360, screen: (1024, 600), at: 10)
        try rig.events!.await(.storageFault)
        #expect(try rating.shows("body", "data-state", "storage"))
        #expect(try tickets.shows("body", "data-state", "storage"))
        #expect(try rating.send("text #storage").contains("Máy tạm thời không ghi nhận được đánh giá, vui lòng báo nhân viên"))
        #expect(try tickets.send("text #storage").contains("Máy tạm thời không cấp được số, vui lòng báo nhân viên"))
        let later = try ScreenBrowser("http://127.0.0.1:\(port)/screens/rating/quay-1-danh-gia", size: "1024x600")
        #expect(try later.shows("body", "data-state", "storage"))

        try disk!.makeRoom()
        try tap(rig, "rating-touch", x: 128, y: 360, screen: (1024, 600), at: 20)
        try rig.events!.await(.storageReady)
        #expect(try later.shows("body", "data-state", "thanks"))
        #expect(try tickets.shows("body", "data-state", "menu"))
    }

    @Test func theTicketMenuIsLaidOutFromTheZonesAndShowsTheNumberTaken() throws {
        let port = try freeLoopbackPort()
        let rig = try Self.rig("ticket-screen", port: port)
        let keep = ProcessInfo.processInfo.environment["KIOSK_KEEP_SCREENSHOTS"]
        // The panel is 1000×500; the page stretches its zones to whatever window shows it.
        for (size, window) in [("1000x500", (1000.0, 500.0)), ("1024x600", (1024.0, 600.0)), ("1920x1080", (1920.0, 1080.0))] {
            let page = try ScreenBrowser("http://127.0.0.1:\(port)/screens/tickets/lay-so", size: size)
            #expect(try page.shows("body", "data-state", "menu"))
            try expectBoxes(page, match: Self.ticketZones, screen: (1000, 500), window: window)
            #expect(try page.send("overflow") == "[0, 0]", "the ticket menu fits \(size) without scrolling")
            if let keep { try page.send("screenshot \(keep)/tickets-\(size).png") }
        }
        let page = try ScreenBrowser("http://127.0.0.1:\(port)/screens/tickets/lay-so", size: "1000x500")
        #expect(try page.send("text [data-zone='3']").contains("Ưu tiên / Priority: Người cao tuổi"))
        #expect(try page.shows("body", "data-state", "menu"))
        try tap(rig, "ticket-touch", x: 250, y: 200, screen: (1000, 500), at: 10)
        #expect(try page.shows("body", "data-state", "number"))
        #expect(try page.send("text #number") == #""A001""#)
        // No cupsd here: the printer fails. The number stays in front with kioskd's message (kept,
        // remember it), longer than the 4 s of a printed ticket's number; then the menu gives way
        // to the printer's problem.
        try rig.events!.await(.ticketNotPrinted)
        #expect(try page.shows("body", "data-kept", "yes"))
        let message = try page.send("text #kept")
        #expect(message.contains("Số A001 của bạn đã được ghi nhận") && message.contains("Xin hãy nhớ số A001"), "\(message)")
        #expect(try page.shows("body", "data-printer", "down"))
        #expect(try page.send("holds body data-state number 6") == "ok")
        if let keep { try page.send("screenshot \(keep)/tickets-number-1000x500.png") }
        #expect(try page.send("wait body data-state printer 25") == "ok")

        // A page opened while the printer is in trouble shows it at once, from the event stream's
        // first lines, with no new event; the screens' JSON says so too.
        let faults = rig.events!.count(of: .printerFault)
        let later = try ScreenBrowser("http://127.0.0.1:\(port)/screens/tickets/lay-so", size: "1000x500")
        #expect(try later.send("wait body data-state printer 3") == "ok")
        #expect(rig.events!.count(of: .printerFault) == faults)
        let printer = try #require(try Self.hallPrinters(port: port).first)
        #expect(printer.id == "may-in-ve")
        #expect(printer.ok == false)
        #expect(printer.problem == "cups-unreachable")
    }

    /// A printer out of paper as a USB thermal printer is (its job waits in the backend), on the
    /// machine's cupsd: the ticket screen shows the number kept with why, a page opened meanwhile
    /// shows the printer's trouble at once, and when the paper is back every page shows the menu.
    @Test func theTicketScreenFollowsAPrinterOutOfPaperAndBack() throws {
        let port = try freeLoopbackPort()
        let sink = try SocketSink()
        let cups = try PrivateCups(directory: try RepositoryPaths.temporaryDirectory("cups-ticket-screen"))
        let model = try cups.addModelPrinterQueue(TicketOffice.queue, sinkPort: sink.port)
        let rig = try DaemonRig("ticket-screen-paper") { evdev in
            TicketOffice.config(evdev, cups: cups.server, extra: """
                [http]
                listen = "127.0.0.1:\(port)"
                """)
        }
        try rig.evdev.add("ticket-touch", description: DaemonRig.egalax)
        try rig.evdev.add("ticket-pad", description: DaemonRig.keypad)
        try rig.start()
        try awaitCondition("both ticket devices to connect") { rig.events!.count(of: .deviceConnected) >= 2 }
        let url = "http://127.0.0.1:\(port)/screens/tickets/lay-so"
        let page = try ScreenBrowser(url, size: "1000x500")
        #expect(try page.shows("body", "data-state", "menu"))
        #expect(try page.shows("body", "data-printer", "ok"))

        model.paperOut()
        try rig.evdev.emit("ticket-pad", EventScripts.keyTap(KeyCodes.code(named: "KEY_KP1")!))
        try rig.events!.await(.printerFault)
        #expect(try page.shows("body", "data-printer", "down"))
        try rig.events!.await(.ticketNotPrinted)
        #expect(try page.shows("body", "data-kept", "yes"))
        let message = try page.send("text #kept")
        #expect(message.contains("A001") && message.contains("Máy in hết giấy"), "\(message)")
        #expect(try page.shows("body", "data-state", "number"))

        let later = try ScreenBrowser(url, size: "1000x500")
        #expect(try later.send("wait body data-state printer 3") == "ok")
        #expect(try Self.hallPrinters(port: port).first?.problem == "out-of-paper")

        model.paperBack()
        try rig.events!.await(.printerReady, timeout: 20)
        #expect(try later.shows("body", "data-state", "menu"))
        #expect(try later.shows("body", "data-printer", "ok"))
        #expect(try page.shows("body", "data-printer", "ok"))
        try sink.awaitJobs(1)
        #expect(try Self.hallPrinters(port: port).first?.ok == true)
    }

    /// The printers in `GET /api/v1/hall`.
    static func hallPrinters(port: Int) throws -> [ScreenPrinter] {
        let body = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-sf", "http://127.0.0.1:\(port)/api/v1/hall"])
        return try ProtocolJSON.decode(HallSnapshot.self, from: body).printers
    }
}
