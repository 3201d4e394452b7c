import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// The hall screen through the display unit's own commands (read from
/// `systemd/kiosk-display@.service`): `kioskctl wait-page`, then cage with Xwayland and Chromium, as
/// an unprivileged user, against a running kioskd, photographed with grim. What the real
/// compositor shows is compared with the same page in headless Chromium, tile by tile, so a first-run
/// bubble, an infobar, a pointer, an error page or a black screen would fail it.
@Suite(.serialized, .enabled(if: KioskDisplay.missing == nil, "\(KioskDisplay.missing ?? "")"))
struct KioskDisplayTests {
    let callNext = KeyCodes.code(named: "KEY_KP1")!, done = KeyCodes.code(named: "KEY_KP5")!, ticketHoTich = KeyCodes.code(named: "KEY_KP1")!
    /// The worst 16×16 tile may differ by this much (of 255) between cage's Chromium and headless
    /// Chromium drawing the same page.
    static let sameScreen = 3.0

    @Test(arguments: ["1024x600", "1920x1080"])
    func theHallThroughCageShowsCallsWithinASecondAndComesBackFromEveryRestart(_ screen: String) throws {
        let parts = screen.split(separator: "x").compactMap { Int($0) }
        let size = (width: parts[0], height: parts[1])
        let port = try freeLoopbackPort()
        let rig = try CounterCallingTests.rig("display-\(size.width)", httpPort: port)
        let display = try KioskDisplay(width: size.width, height: size.height)
        let unit = try DisplayUnit(page: "screens/hall", base: "http://127.0.0.1:\(port)/", share: display.share)
        defer { display.stop() }

        // Before kioskd answers, the unit's ExecStartPre waits, and the browser is not started.
        let wait = try BackgroundCommand(display, unit.startPre)
        try awaitCondition("wait-page to say it waits for kioskd") { wait.errors.contains("Waiting for kioskd") }
        #expect(!wait.hasEnded)
        try CounterCallingTests.connect(rig)
        #expect(try wait.awaitEnd() == .exited(0), "\(wait.errors)")
        for _ in 0..<3 { try rig.evdev.emit("ticket-pad", EventScripts.keyTap(ticketHoTich)) }
        try rig.events!.await(.ticketIssued, count: 3)

        try display.start(unit.start, environment: unit.environment)
        let hall = try ScreenBrowser("http://127.0.0.1:\(port)/screens/hall", size: "\(size.width)x\(size.height)")
        #expect(try hall.shows("tr[data-service=ho-tich]", "data-waiting", "3"))
        try expectSameScreen(display, hall, "the hall once the browser started")

        // A staff call: the called number is on the screen within 1 s.
        let row = try rowRectangle(hall, "tr[data-counter=quay-2]")
        let before = try display.capture(x: row.x, y: row.y, width: row.width, height: row.height)
        let pressed = Date()
        try rig.evdev.emit("staff-pad", EventScripts.keyTap(callNext))
        var shots: [(seconds: Double, image: RGBImage)] = []
        while Date().timeIntervalSince(pressed) < 2 {
            let image = try display.capture(x: row.x, y: row.y, width: row.width, height: row.height)
            shots.append((Date().timeIntervalSince(pressed), image))
        }
        #expect(try hall.shows("tr[data-counter=quay-2]", "data-current", "A001"))
        #expect(try hall.shows("tr[data-counter=quay-2]", "class~", "flash"))
        let expected = try reference(hall).region(x: row.x, y: row.y, width: row.width, height: row.height)
        #expect(before.worstTileDifference(to: expected) > 4 * Self.sameScreen, "the row differs before the call")
        let shown = shots.first { $0.image.worstTileDifference(to: expected) <= Self.sameScreen }
        print("display \(size.width)×\(size.height): the call was on cage's screen after \(shown.map { String(format: "%.2f s", $0.seconds) } ?? "never") (\(shots.count) captures in 2 s)")
        #expect(shown.map { $0.seconds <= 1 } == true, "the call must show within 1 s")
        if let keep = ProcessInfo.processInfo.environment["KIOSK_KEEP_SCREENSHOTS"] {
            try display.savePNG(to: "\(keep)/hall-cage-\(size.width)x\(size.height).png")
        }

        // kioskd killed and started again: the page reconnects and shows the next call by itself.
        try rig.kill9()
        #expect(try hall.shows("body", "data-connection", "offline"))
        try expectSameScreen(display, hall, "the hall while kioskd is down (the page's own notice, not the browser's error page)")
        try CounterCallingTests.connect(rig)
        #expect(try hall.shows("body", "data-connection", "online"))
        try rig.evdev.emit("staff-pad", EventScripts.keyTap(done))
        try rig.evdev.emit("staff-pad", EventScripts.keyTap(callNext))
        #expect(try hall.shows("tr[data-counter=quay-2]", "data-current", "A002"))
        try expectSameScreen(display, hall, "the hall after kioskd restarted")

        // Chromium dies: cage ends with it, and the unit (Restart=always) starts both again.
        let browser = try #require(display.browser, "cage's browser process")
        kill(browser, SIGKILL)
        let ending = display.awaitCageEnd(timeout: 20)
        #expect(ending != nil, "cage must end when its browser dies, so that systemd restarts the unit")
        #expect(unit.restartSeconds > 0)
        #expect(try display.run(unit.startPre).status == 0)
        try display.start(unit.start, environment: unit.environment)
        let fresh = try ScreenBrowser("http://127.0.0.1:\(port)/screens/hall", size: "\(size.width)x\(size.height)")
        #expect(try fresh.shows("tr[data-counter=quay-2]", "data-current", "A002"))
        try expectSameScreen(display, fresh, "the hall after the browser was restarted")
    }

    /// A page the unit names but kioskd does not serve: wait-page says so at once and fails, so the
    /// journal tells why the screen stays dark.
    @Test func waitPageFailsAtOnceOnAPageKioskdDoesNotServe() throws {
        let port = try freeLoopbackPort()
        let rig = try CounterCallingTests.rig("display-404", httpPort: port)
        try CounterCallingTests.connect(rig)
        let unit = try DisplayUnit(page: "screens/no-such-screen", base: "http://127.0.0.1:\(port)/", share: URL(fileURLWithPath: "/nonexistent"))
        let finished = try ChildProcess.run(URL(fileURLWithPath: unit.startPre[0]), Array(unit.startPre.dropFirst()), timeout: 30)
        #expect(finished.status == 1)
        #expect(finished.errorText.contains("404") && finished.errorText.contains("screens/no-such-screen"), "\(finished.errorText)")
    }

    /// Awaits cage's screen to be the same as headless Chromium's rendering of the page (the
    /// browser may still be starting or reconnecting), and fails with the difference if it never is.
    func expectSameScreen(_ display: KioskDisplay, _ browser: ScreenBrowser, _ what: String) throws {
        var worst = (difference: 255.0, x: 0, y: 0)
        var shot: RGBImage?, expected: RGBImage?
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            shot = try display.capture()
            expected = try reference(browser)
            worst = shot!.worstTile(against: expected!)
            if worst.difference <= Self.sameScreen { break }
        }
        print("display \(display.width)×\(display.height): \(what): worst tile differs by \(String(format: "%.2f", worst.difference)) of 255")
        guard worst.difference > Self.sameScreen, let shot, let expected else { return }
        let kept = try RepositoryPaths.temporaryDirectory("display-mismatch")
        try shot.ppmData().write(to: kept.appendingPathComponent("cage.ppm"))
        try expected.ppmData().write(to: kept.appendingPathComponent("headless.ppm"))
        Issue.record("\(what): cage's screen is not the page: the 16×16 tile at (\(worst.x), \(worst.y)) differs by \(worst.difference); both pictures in \(kept.path)")
    }

    func reference(_ browser: ScreenBrowser) throws -> RGBImage {
        let png = try RepositoryPaths.temporaryDirectory("reference").appendingPathComponent("page.png")
        defer { try? FileManager.default.removeItem(at: png.deletingLastPathComponent()) }
        try #require(try browser.send("screenshot \(png.path)") == "ok")
        let ppm = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/pngtopnm"), [png.path], timeout: 30)
        return try RGBImage(ppm: ppm.output)
    }

    func rowRectangle(_ browser: ScreenBrowser, _ selector: String) throws -> (x: Int, y: Int, width: Int, height: Int) {
        let answer = try browser.send("rects \(selector)")
        let rect = try #require(try PageRect.decode(answer).first, "no \(selector) on the page: \(answer)")
        return (Int(rect.x.rounded()), Int(rect.y.rounded()), Int(rect.width.rounded()), Int(rect.height.rounded()))
    }
}

/// A command of the unit run in the background as the display's user (`ExecStartPre`, awaited
/// while kioskd is still down).
final class BackgroundCommand {
    private let process = Process()
    private let watch: ExitWatch
    private let output = LineCollector()

    init(_ display: KioskDisplay, _ command: [String]) throws {
        watch = ExitWatch(process)
        let pipe = try ChildPipe(child: .writes)
        output.collect(from: pipe)
        let (executable, arguments) = display.asUser(command)
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe.childEnd
        process.standardError = pipe.childEnd
        try process.run(handingOver: pipe)
    }

    deinit { watch.stop(process) }

    var errors: String { output.lines.joined(separator: "\n") }
    var hasEnded: Bool { watch.hasExited }

    func awaitEnd(timeout: Double = 30) throws -> ExitWatch.Ending? {
        watch.wait(timeout: timeout) ? watch.ended : nil
    }
}
