import Foundation
import Glibc
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

@Suite struct DaemonLifecycleTests {
    let kp1 = KeyCodes.code(named: "KEY_KP1")!

    @Test func checkConfigPrintsEveryProblemAtOnceAndRefusesToStart() throws {
        let directory = try RepositoryPaths.temporaryDirectory("kioskd-badconfig")
        let path = directory.appendingPathComponent("office.toml").path
        let bad = TestOffice.header.replacingOccurrences(of: "number = 2", with: "number = 1") + """
            [survey]
            preset = "sipas5"

            [[terminals]]
            id = "t"
            kind = "rating"
            counter = "quay-9"
            policy = "free"

            [[devices]]
            path = "/dev/input/event0"
            role = "printer"
            """
        try bad.write(toFile: path, atomically: true, encoding: .utf8)

        for arguments in [["--check-config", "--config", path], ["--config", path, "--state-dir", directory.path]] {
            let result = try runKioskd(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains("devices[0].role: expected one of: rating_touchscreen, rating_keypad, staff_keypad"))
        }
        // The reading errors come first; once fixed, the cross-checks are all reported together.
        let fixedRole = bad.replacingOccurrences(of: "role = \"printer\"", with: "role = \"rating_keypad\"\nterminal = \"t\"")
        try fixedRole.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runKioskd(["--check-config", "--config", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path): counters[1].number: duplicate number \"1\""))
        #expect(result.stderr.contains("\(path): terminals[0].counter: unknown counter \"quay-9\""))
        #expect(result.stderr.contains("(2 problems)"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("kiosk.sqlite").path))
    }

    @Test func shippedDemoConfigPassesTheCheck() throws {
        let demo = RepositoryPaths.root.appendingPathComponent("kiosk-config/demo/office.toml").path
        let result = try runKioskd(["--check-config", "--config", demo])
        #expect(result.status == 0)
        #expect(result.stdout.contains("OK (office HCM-Q1-BEN-THANH, 3 terminal(s), 4 device(s), 2 printer(s); calendar official 2025, 2026; provisional 1900–2100 otherwise)"))
    }

    /// An office that prints slips needs its working-day calendar: a broken or missing calendar
    /// directory refuses to start (exit 2), naming the file, key and expectation.
    @Test func officeWithSlipsRefusesToStartOnABadCalendar() throws {
        let directory = try RepositoryPaths.temporaryDirectory("kioskd-badcalendar")
        let path = directory.appendingPathComponent("office.toml").path
        let office = TestOffice.header + """
            [survey]
            preset = "default"

            [slips]
            issuing_body = "UBND phường Thử Nghiệm"
            place = "Hà Nội"
            printer = "a4"
            feedback_address = "Số 1 phố Thử Nghiệm"
            feedback_hotline = "1022"

            [[printers]]
            id = "a4"
            queue = "a4"
            mode = "document"

            [[terminals]]
            id = "quay-1-danh-gia"
            kind = "rating"
            counter = "quay-1"
            policy = "free"

            [[devices]]
            path = "/dev/input/by-id/rating-pad"
            role = "rating_keypad"
            terminal = "quay-1-danh-gia"

            """
        try office.write(toFile: path, atomically: true, encoding: .utf8)
        let missing = try runKioskd(["--check-config", "--config", path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("\(directory.path)/calendar: cannot read the calendar directory"))

        let calendar = directory.appendingPathComponent("calendar")
        try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: true)
        try """
            year = 2026
            [[days_off]]
            date = "2027-01-01"
            kind = "holiday"
            note = "Tết Dương lịch"
            source = "Bộ luật Lao động 2019, Điều 112"
            """.write(to: calendar.appendingPathComponent("2026.toml"), atomically: true, encoding: .utf8)
        let wrongYear = try runKioskd(["--config", path, "--state-dir", directory.path])
        #expect(wrongYear.status == 2)
        #expect(wrongYear.stderr.contains("2026.toml: days_off[0].date"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("kiosk.sqlite").path))

        try FileManager.default.copyItem(
            at: RepositoryPaths.root.appendingPathComponent("kiosk-config/calendar/2026.toml"),
            to: calendar.appendingPathComponent("fixed.tmp"))
        try FileManager.default.removeItem(at: calendar.appendingPathComponent("2026.toml"))
        try FileManager.default.moveItem(at: calendar.appendingPathComponent("fixed.tmp"), to: calendar.appendingPathComponent("2026.toml"))
        let fixed = try runKioskd(["--check-config", "--config", path])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("calendar official 2026; provisional 1900–2100 otherwise"))
    }

    @Test func sigtermStopsCleanlyClosesDevicesAndRemovesTheSocket() throws {
        let rig = try DaemonRig("sigterm") { TestOffice.freeKeypad($0) }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        let daemon = try rig.start()
        try rig.evdev.awaitOpened("rating-pad")
        daemon.signal(SIGTERM)
        #expect(try daemon.awaitExit() == 0)
        try rig.evdev.output.await("kioskd to close the keypad") { $0 == "closed rating-pad" }
        #expect(!FileManager.default.fileExists(atPath: daemon.controlSocket))
        #expect(daemon.stderr.lines.contains { $0.contains("stopped cleanly") })
    }

    @Test func cannotStartWithoutAWritableStateDirectory() throws {
        let rig = try DaemonRig("nostate") { TestOffice.freeKeypad($0) }
        // The state "directory" is a regular file.
        try "".write(to: rig.stateDirectory, atomically: true, encoding: .utf8)
        let result = try runKioskd(["--config", rig.configPath, "--state-dir", rig.stateDirectory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot start"))
    }

    @Test func systemdNotifyReadyWatchdogAndStopping() throws {
        let notify = try NotifySocket()
        let rig = try DaemonRig("notify") { TestOffice.freeKeypad($0) }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        // WATCHDOG_USEC = 0.2 s: kioskd must ping from its input loop every 0.1 s.
        let daemon = try rig.start(environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "200000"])
        try notify.messages.await("READY=1") { $0.contains("READY=1") }
        try awaitCondition("three watchdog pings") { notify.messages.lines.filter { $0 == "WATCHDOG=1" }.count >= 3 }
        daemon.signal(SIGTERM)
        #expect(try daemon.awaitExit() == 0)
        try notify.messages.await("STOPPING=1") { $0 == "STOPPING=1" }
    }

    @Test func statusReportsConnectedAndMissingDevices() throws {
        let rig = try DaemonRig("status") { TestOffice.touchAndArmedKeypad($0) }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        let daemon = try rig.start()
        let events = try #require(rig.events)
        try events.await(.deviceConnected, count: 1)
        let status = try ProtocolJSON.decode(StatusReport.self, from: try daemon.kioskctl(["status", "--json"]))
        let devices = status.devices
        #expect(status.office == "TEST-OFFICE")
        #expect(devices.map(\.role) == ["rating_touchscreen", "rating_keypad", "staff_keypad"])
        #expect(devices.map(\.connected) == [false, true, false])
        #expect(devices.first?.problem?.contains("waiting for a device") == true)
        let text = try daemon.kioskctl(["status"]).split(separator: "\n").map(String.init)
        #expect(text.first?.hasPrefix("Văn phòng / Office: TEST-OFFICE — kioskd pid \(daemon.pid)") == true)
        #expect(text.contains { $0.hasPrefix("  ✘ chưa kết nối / not connected  rating_touchscreen quay-1-danh-gia") })
        #expect(text.contains { $0.hasPrefix("  ✔ đã kết nối / connected  rating_keypad quay-2-danh-gia  \(rig.evdev.devicePath("rating-pad"))") })
    }

    /// A laptop's touchpad where the touchscreen was expected: not read, and staff are told
    /// which device, why and what to do, in `kioskctl status` and the journal.
    @Test func aTouchpadConfiguredAsTheTouchscreenIsRefusedAndStatusSaysWhy() throws {
        let rig = try DaemonRig("touchpad") { TestOffice.touchAndArmedKeypad($0) }
        try rig.evdev.add("touchpad", description: RepositoryPaths.deviceDescription("touchpad.prop"))
        let daemon = try rig.start()
        let path = rig.evdev.devicePath("touchpad")
        try daemon.stderr.await("the refusal") { $0.contains("Không dùng \(path)") }
        let status = try ProtocolJSON.decode(StatusReport.self, from: try daemon.kioskctl(["status", "--json"]))
        let touchscreen = try #require(status.devices.first)
        #expect(touchscreen.connected == false)
        #expect(touchscreen.path == path)
        let problem = try #require(touchscreen.problem)
        #expect(problem.hasPrefix("Không dùng \(path) (Fake Synaptics TouchPad) làm rating_touchscreen: đây là bàn di chuột (touchpad)"))
        #expect(problem.contains("Not reading \(path) (Fake Synaptics TouchPad) as a rating_touchscreen: it is a touchpad"))
        #expect(problem.contains("accept_indirect = true"))
        let text = try daemon.kioskctl(["status"])
        #expect(text.contains("⚠ \(problem)"))
        #expect(daemon.stderr.lines.filter { $0.contains("Không dùng") }.count == 1)
    }

    /// libevdev's complaints about a device go through kioskd's logger, with the device's path,
    /// a burst a minute; never libevdev's own lines on stderr.
    @Test func libevdevMessagesGoThroughTheLoggerRateLimited() throws {
        let rig = try DaemonRig("libevdev-log") { TestOffice.touchAndArmedKeypad($0) }
        try rig.evdev.add("touch-1", description: DaemonRig.egalax)
        let daemon = try rig.start()
        let events = try #require(rig.events)
        try events.await(.deviceConnected, count: 1)
        try rig.evdev.emit("touch-1", EventScripts.slotDown(trackingID: 1, x: 1000, y: 1000, time: 1))
        for id in 2...30 {
            try rig.evdev.emit("touch-1", [ScriptedEvent(3, 0x39, Int32(id)), ScriptedEvent(0, 0, 0)])  // ABS_MT_TRACKING_ID
        }
        try rig.evdev.emit("touch-1", EventScripts.slotUp(time: 1.5))
        try daemon.stderr.await("the fifth libevdev line") { $0.contains("more like it are not logged for a minute") }
        let path = rig.evdev.devicePath("touch-1")
        let lines = daemon.stderr.lines.filter { $0.contains("double tracking ID") }
        #expect(lines.count == 5, "\(lines)")
        #expect(lines.allSatisfy { $0.contains("libevdev: \(path): BUG:") })
        #expect(!daemon.stderr.lines.contains { $0.hasPrefix("libevdev error") })
    }

    @Test func tallyTextShowsVietnameseLabelsCountsAndIndex() throws {
        let rig = try DaemonRig("tallytext") { TestOffice.freeKeypad($0) }
        try rig.evdev.add("rating-pad", description: DaemonRig.keypad)
        let daemon = try rig.start()
        let events = try #require(rig.events)
        try events.await(.deviceConnected, count: 1)
        for key in ["KEY_KP1", "KEY_KP1", "KEY_KP3", "KEY_KP4"] {
            try rig.evdev.emit("rating-pad", EventScripts.keyTap(KeyCodes.code(named: key)!))
        }
        try events.await(.voteCounted, count: 4)
        let text = try daemon.kioskctl(["tally"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("    Rất hài lòng / Very satisfied") && $0.hasSuffix(" 2") })
        #expect(lines.contains { $0.hasPrefix("    Hài lòng / Satisfied") && $0.hasSuffix(" 0") })
        #expect(lines.contains { $0.hasPrefix("    Bình thường / Neutral") && $0.hasSuffix(" 1") })
        #expect(lines.contains { $0.hasPrefix("    Không hài lòng / Not satisfied") && $0.hasSuffix(" 1") })
        #expect(text.contains("Tỷ lệ hài lòng / Satisfied: 50.0 % (2/4 câu trả lời / answers) · Điểm trung bình / Mean score: 62.5"))
        // Another day has nothing.
        let empty = try daemon.kioskctl(["tally", "--date", "2020-01-01"])
        #expect(empty.contains("Chưa có đánh giá nào / No ratings yet"))
    }

    func runKioskd(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let finished = try ChildProcess.run(RepositoryPaths.binary("kioskd"), arguments)
        return (finished.status, finished.outputText, finished.errorText)
    }
}

/// A datagram socket standing in for systemd's $NOTIFY_SOCKET.
final class NotifySocket: @unchecked Sendable {
    let path: String
    let messages = LineCollector()
    private let fd: Int32
    private let readerEnded = DispatchSemaphore(value: 0)

    init() throws {
        path = try RepositoryPaths.temporaryDirectory("notify").appendingPathComponent("notify.sock").path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw HarnessError("cannot bind \(path)") }
        let socketFD = fd
        let collector = messages
        let ended = readerEnded
        Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socketFD, &buffer, buffer.count, 0)
                if count <= 0 { break }
                collector.append(Data(buffer[0..<count] + [10]))
            }
            ended.signal()
        }.start()
    }

    /// Ends the reader's `recv`, waits for it, then closes the socket (see EventStream).
    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        _ = readerEnded.wait(timeout: .now() + 10)
        close(fd)
    }
}
