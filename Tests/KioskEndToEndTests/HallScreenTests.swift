import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The hall display and the screens' event stream, with real staff keys on emulated keypads, in a
/// real headless Chromium: a call shows at once, and after kioskd is killed and started again the
/// page reconnects by itself and goes on.
@Suite(.serialized) struct HallScreenTests {
    let callNext = KeyCodes.code(named: "KEY_KP1")!, done = KeyCodes.code(named: "KEY_KP5")!, ticketHoTich = KeyCodes.code(named: "KEY_KP1")!

    func press(_ rig: DaemonRig, _ device: String, _ key: UInt16) throws {
        try rig.evdev.emit(device, EventScripts.keyTap(key))
    }

    @Test func theEventStreamCarriesCallsButNoDossierCodesOrDevicePaths() throws {
        let port = try freeLoopbackPort()
        let rig = try CounterCallingTests.rig("hall-events", httpPort: port)
        try CounterCallingTests.connect(rig)
        let stream = rig.directory.appendingPathComponent("events.txt")
        FileManager.default.createFile(atPath: stream.path, contents: nil)
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sN", "http://127.0.0.1:\(port)/api/v1/events"]
        curl.standardInput = FileHandle.nullDevice
        curl.standardOutput = try FileHandle(forWritingTo: stream)
        curl.standardError = FileHandle.nullDevice
        try curl.run()
        defer { curl.terminate() }
        try awaitCondition("the stream to open") { (try? String(contentsOf: stream, encoding: .utf8))?.contains("retry: 1000") == true }

        try press(rig, "ticket-pad", ticketHoTich)
        try rig.events!.await(.ticketIssued)
        try press(rig, "staff-pad", callNext)
        try awaitCondition("the call on the stream") { (try? String(contentsOf: stream, encoding: .utf8))?.contains(#""event":"ticket-called""#) == true }
        let text = try String(contentsOf: stream, encoding: .utf8)
        let events = text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }
        #expect(events.contains { $0.contains(#""event":"ticket-issued""#) && $0.contains(#""number":"A001""#) })
        #expect(events.contains { $0.contains(#""counterNumber":2"#) && $0.contains(#""number":"A001""#) })
        #expect(!text.contains("device-connected") && !text.contains("/input/"), "no device paths on the screens' stream")

        // Stopped while the page listens: its stream ends, and kioskd does not wait for the page.
        rig.daemon!.signal(SIGTERM)
        #expect(try rig.daemon!.awaitExit(timeout: 5) == 0)
        try awaitCondition("the page's stream to end") { !curl.isRunning }
    }

    @Test func theHallShowsACallAtOnceAndReconnectsAfterKioskdRestarts() throws {
        let port = try freeLoopbackPort()
        let rig = try CounterCallingTests.rig("hall-screen", httpPort: port)
        try CounterCallingTests.connect(rig)
        for _ in 0..<3 { try press(rig, "ticket-pad", ticketHoTich) }
        try rig.events!.await(.ticketIssued, count: 3)

        let hall = try ScreenBrowser("http://127.0.0.1:\(port)/screens/hall", size: "1920x1080")
        #expect(try hall.shows("body", "data-connection", "online"))
        #expect(try hall.shows("tr[data-service=ho-tich]", "data-waiting", "3"))
        #expect(try hall.send("text header") == #""Bộ phận Một cửa UBND phường Thử Nghiệm""#)

        try press(rig, "staff-pad", callNext)
        #expect(try hall.shows("tr[data-counter=quay-2]", "data-current", "A001"))
        #expect(try hall.shows("tr[data-counter=quay-2]", "class~", "flash"))
        #expect(try hall.shows("tr[data-service=ho-tich]", "data-waiting", "2"))
        let row = try hall.send("text tr[data-counter=quay-2]")
        #expect(row.contains("Quầy 2") && row.contains("A001"), "\(row)")
        #expect(try hall.send("external") == "[]")
        #expect(try hall.send("overflow") == "[0, 0]", "the hall fits 1920×1080 without scrolling")
        let small = try ScreenBrowser("http://127.0.0.1:\(port)/screens/hall", size: "1024x600")
        #expect(try small.shows("tr[data-counter=quay-2]", "data-current", "A001"))
        #expect(try small.send("overflow") == "[0, 0]", "the hall fits 1024×600 without scrolling")
        if let keep = ProcessInfo.processInfo.environment["KIOSK_KEEP_SCREENSHOTS"] {
            try hall.send("screenshot \(keep)/hall-1920x1080.png")
            try small.send("screenshot \(keep)/hall-1024x600.png")
        }

        try rig.kill9()
        #expect(try hall.shows("body", "data-connection", "offline"))
        try CounterCallingTests.connect(rig)
        #expect(try hall.shows("body", "data-connection", "online"))
        try press(rig, "staff-pad", done)
        try press(rig, "staff-pad", callNext)
        #expect(try hall.shows("tr[data-counter=quay-2]", "data-current", "A002"))
        #expect(try hall.shows("tr[data-service=ho-tich]", "data-waiting", "1"))
    }
}
