import ArgumentParser
import Foundation
import Glibc
import KioskCore
import KioskProtocol
import KioskTestSupport

/// Runs the demo office (kiosk-config/demo/office.toml) on simulated devices and a private CUPS
/// and shows what happened: citizens taking tickets (one while the printer is stopped), a citizen
/// who cannot see taking one in speech mode, a slip posted to the HTTP API, one returned in 2027
/// on a provisional calendar, a real touchscreen recording replayed, citizens rating, staff
/// calling tickets and arming the rating keypad, the day's tallies as staff would read them, the
/// nightly push that also brings the 2027 calendar the province uploaded, and PNG copies of what
/// was printed.
@main
struct KioskDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-demo", abstract: "The demo office on a simulated touchscreen and keypads (needs root for FUSE).")

    @Option(help: "Where the demo's emulated devices are mounted (the demo office file names this path).")
    var mountPoint = "/run/kiosk-demo/input"

    @Option(help: "kioskd's state directory for the demo (its tally database is recreated each run).")
    var stateDir = RepositoryPaths.root.appendingPathComponent(".demo/state").path

    func run() throws {
        var step = 0
        func section(_ text: String) {
            step += 1
            say("\(step). \(text)")
        }
        let state = URL(fileURLWithPath: stateDir)
        try? FileManager.default.removeItem(at: state)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        Self.unmountStale(mountPoint)

        section("Thiết bị giả lập / Simulated devices at \(mountPoint)")
        let evdev = try FakeEvdev(mountPoint: URL(fileURLWithPath: mountPoint))
        defer { evdev.stop() }
        let touch = "usb-eGalax_Inc._USB_TouchController-event-if00"
        try evdev.add(touch, description: RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop"))
        try evdev.add("rating-keypad-quay-2", description: RepositoryPaths.deviceDescription("keypad.prop"))
        try evdev.add("staff-keypad-quay-2", description: RepositoryPaths.deviceDescription("keypad.prop"))
        let ticketScreen = "ticket-touchscreen-loi-vao"
        try evdev.add(ticketScreen, description: RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop"))
        try evdev.add(DemoSpeech.keypad, description: RepositoryPaths.deviceDescription("keypad.prop"))
        for name in [touch, "rating-keypad-quay-2", "staff-keypad-quay-2", ticketScreen, DemoSpeech.keypad] { print("   \(evdev.devicePath(name))") }
        let speechFolder = state.deletingLastPathComponent().appendingPathComponent("speech")
        try? FileManager.default.removeItem(at: speechFolder)
        let audio = try SpeechAudio(directory: speechFolder)
        print("   loa của chế độ đọc / speech mode's speaker: ALSA \(SpeechAudio.device) → \(speechFolder.path)/speech.wav")

        let printers = try DemoPrinters()
        print("   CUPS riêng / private CUPS: \(DemoPrinters.directory.path)/cups.sock")
        print("   máy in vé / ticket printer ve-loi-vao (80 mm, ESC/POS) → \(printers.tickets.deviceURI)")
        print("   máy in A4 / A4 printer giay-hen-a4 (PDF) → \(printers.slips.deviceURI)")

        section("Máy chủ tổng hợp của quận / The district's collector: collectord on http://127.0.0.1:8480")
        let collectorDatabase = RepositoryPaths.root.appendingPathComponent(".demo/collector/collector.sqlite")
        try? FileManager.default.removeItem(at: collectorDatabase.deletingLastPathComponent())
        try FileManager.default.createDirectory(at: collectorDatabase.deletingLastPathComponent(), withIntermediateDirectories: true)
        let collector = try CollectordProcess(database: collectorDatabase.path, port: 8480)
        defer { try? collector.stop() }
        print("   \(collector.stderr.lines.joined(separator: "\n   "))")
        let collectorKey = try CollectordProcess.run(["key"], database: collectorDatabase.path).trimmingCharacters(in: .whitespacesAndNewlines)
        print("   collectord key: khoá ký lịch của máy chủ / the collector's calendar-signing key \(collectorKey)")
        let config = try Self.officeFile(collectorKey: collectorKey, in: state.deletingLastPathComponent())
        print("   tệp văn phòng của demo / the demo's office file: \(config) (kiosk-config/demo/office.toml with [sync] collector_key)")

        section("Lịch sử mẫu / Sample history: ratings generated for the week before today, so there are finished days to seal")
        let history = try DemoHistory.write(
            database: state.appendingPathComponent("kiosk.sqlite").path, timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        for (day, votes) in history { print("   \(day): \(votes) đánh giá / ratings") }

        section("kioskctl enroll: khoá ký của máy, đăng ký với quận / the kiosk's signing key, registered at the district")
        let kioskctl = { (arguments: [String]) in
            try KioskdProcess.run(RepositoryPaths.binary("kioskctl"), arguments + ["--config", config, "--state-dir", stateDir])
        }
        print(try kioskctl(["enroll"]).split(separator: "\n").map { "   \($0)" }.joined(separator: "\n"))
        let enrolled = try ProtocolJSON.decode(EnrollmentReport.self, from: try kioskctl(["enroll", "--json"]))
        let registered = try CollectordProcess.run(
            [
                "kiosk", "add", "--id", "HCM-Q1-BEN-THANH-1", "--office-code", "HCM-Q1-BEN-THANH",
                "--office-name", "Bộ phận Một cửa UBND phường Bến Thành", "--district", "Quận 1", "--province", "Thành phố Hồ Chí Minh",
                "--public-key", enrolled.publicKey,
            ], database: collectorDatabase.path)
        print("   collectord kiosk add: \(registered.trimmingCharacters(in: .whitespacesAndNewlines))")
        try Self.addDemoUser(database: collectorDatabase.path)

        section("kioskd --config \(config) --state-dir \(stateDir)")
        let daemon = try KioskdProcess(config: config, stateDirectory: state, environment: audio.environment)
        try daemon.awaitReady()
        let events = try EventStream(socketPath: daemon.controlSocket)
        try awaitCondition("the five devices to connect") { events.count(of: .deviceConnected) >= 5 }
        for line in daemon.stderr.lines { print("   kioskd: \(line)") }
        let printer = EventPrinter(events: events)

        section("Lối vào: công dân chạm để lấy số / Entrance: citizens tap a service to take a ticket")
        var ticketTime = 5_000.0
        func takeTicket(_ label: String, x: Double, y: Double, expecting count: Int) throws {
            try evdev.emit(ticketScreen, EventScripts.slotDown(trackingID: Int32(ticketTime), x: Int32(x / 1024 * 32760), y: Int32(y / 600 * 32760), time: ticketTime))
            try evdev.emit(ticketScreen, EventScripts.slotUp(time: ticketTime + 0.2))
            print("   chạm / tap: \(label)")
            try printer.flush(expecting: count)
            ticketTime += 10
            Thread.sleep(forTimeInterval: 1.6)  // the next citizen, after the 1.5 s double-tap guard
        }
        try takeTicket("Tư pháp – Hộ tịch", x: 256, y: 125, expecting: 2)
        try takeTicket("Đất đai", x: 768, y: 125, expecting: 2)
        try takeTicket("Tư pháp – Hộ tịch, ưu tiên / priority", x: 512, y: 550, expecting: 2)
        try takeTicket("Xây dựng", x: 256, y: 375, expecting: 2)

        section("Máy in vé hết giấy / The ticket printer runs out of paper (its USB backend waits in the job)")
        printers.ticketPrinter.paperOut()
        try takeTicket("Chính sách xã hội", x: 768, y: 375, expecting: 3)
        print("   kioskctl status:")
        let status = try daemon.kioskctl(["status"])
        for line in status.components(separatedBy: "\n").drop(while: { !$0.hasPrefix("Máy in") }) { print("   \(line)") }
        printers.ticketPrinter.paperBack()
        print("   cán bộ thay giấy / staff refill the paper: the waiting job finishes, printed once")
        try printer.flush(expecting: 2)

        section("Chế độ đọc: người khiếm thị lấy số chỉ bằng bàn phím / Speech mode: a citizen who cannot see takes a ticket with the keypad alone")
        try DemoSpeech.run(evdev: evdev, audio: audio, printer: printer, folder: speechFolder)

        section("Phần mềm một cửa gửi giấy tiếp nhận qua HTTP / The case software posts a slip: POST http://127.0.0.1:8470/api/v1/slips (kiosk-config/demo/slip.json)")
        let slipFile = RepositoryPaths.root.appendingPathComponent("kiosk-config/demo/slip.json")
        let (code, body) = try Self.post(Data(contentsOf: slipFile), to: "http://127.0.0.1:8470/api/v1/slips")
        if let reply = try? ProtocolJSON.decode(SlipReply.self, from: body) {
            print("   HTTP \(code): hẹn trả kết quả / return \(reply.returnText) (\(reply.returnAt))")
        } else {
            let failure = try? ProtocolJSON.decode(ControlFailure.self, from: body)
            print("   HTTP \(code): \(failure?.error ?? String(decoding: body, as: UTF8.self))")
        }
        try printer.flush(expecting: 1)
        if code != 201 { throw ExitCode(1) }

        let slip2027 = RepositoryPaths.root.appendingPathComponent("kiosk-config/demo/slip-2027.json")
        section("Hồ sơ 30 ngày làm việc nhận 02/12/2026: năm 2027 chưa có lịch chính thức, ngày hẹn tạm tính\n   A 30-working-day dossier received 2 December 2026: 2027 has no official calendar yet, so the date is provisional (kiosk-config/demo/slip-2027.json)")
        let provisional = try Self.postSlip(slip2027)
        try printer.flush(expecting: 1)
        guard provisional.provisional else { throw HarnessError("the 2027 slip should be provisional") }

        section("Quầy 1: phát lại bản ghi thật của màn hình cảm ứng eGalax (11 lần chạm, 4,6 s)\n   Counter 1: replaying a real eGalax touchscreen recording (11 taps in 4.6 s; lockout 3 s)")
        let recording = try EvemuRecording(contentsOf: RepositoryPaths.fixture("evemu/egalax-0eef-72a1-taps.event"))
        var previous: Double?
        for frame in recording.frames {
            if let previous, let time = frame.first?.time { Thread.sleep(forTimeInterval: max(0, time - previous)) }
            previous = frame.first?.time
            try evdev.emit(touch, frame)
        }
        try printer.flush(expecting: 11)

        section("Quầy 1: công dân chạm vào các mặt cười / Counter 1: citizens tap the faces")
        var time = 2_000.0
        for (choice, x) in [(1, 128.0), (2, 384.0), (1, 128.0), (4, 896.0)] {
            Thread.sleep(forTimeInterval: 3.1)  // the citizen after the previous one, past the 3 s lockout
            try evdev.emit(touch, EventScripts.slotDown(trackingID: Int32(time), x: Int32(x / 1024 * 32760), y: 24000, time: time))
            try evdev.emit(touch, EventScripts.slotUp(time: time + 0.25))
            print("   chạm / tap: lựa chọn / choice \(choice)")
            try printer.flush(expecting: 1)
            time += 10
        }

        section("Quầy 2: cán bộ gọi số; bàn phím đánh giá chỉ nhận khi cán bộ hoàn tất / Counter 2: staff call tickets; the rating keypad counts only after \"done\"")
        print("   Màn hình / Screens (while the demo runs): http://127.0.0.1:8470/screens/hall · /screens/rating/quay-1-danh-gia · /screens/tickets/lay-so")
        let hallDisplay = try Self.showHallThroughCage()
        let kp = { (n: Int) in KeyCodes.code(named: "KEY_KP\(n)")! }
        let enter = KeyCodes.code(named: "KEY_KPENTER")!
        func staff(_ key: UInt16, _ words: String, expecting count: Int) throws {
            try evdev.emit("staff-keypad-quay-2", EventScripts.keyTap(key))
            print("   cán bộ / staff: \(words)")
            try printer.flush(expecting: count)
        }
        func rate(_ choice: Int, expecting count: Int = 1) throws {
            try evdev.emit("rating-keypad-quay-2", EventScripts.numLockWrappedKeyTap(kp(choice)))
            print("   công dân / citizen: phím / key \(choice)")
            try printer.flush(expecting: count)
        }
        try rate(1)  // not armed yet: misuse
        try staff(kp(1), "1 gọi số tiếp / call next", expecting: 1)
        try staff(kp(4), "4 bắt đầu phục vụ / start serving", expecting: 1)
        try staff(kp(5), "5 xong / done", expecting: 2)
        try rate(2)
        try staff(kp(1), "1 gọi số tiếp / call next", expecting: 1)
        try staff(kp(2), "2 gọi lại / recall", expecting: 1)
        try staff(kp(3), "3 vắng mặt / no-show", expecting: 1)
        try staff(kp(1), "1 gọi số tiếp / call next", expecting: 1)
        try staff(kp(5), "5 xong / done", expecting: 2)
        try rate(1)
        for choice in [2, 3] {
            try staff(enter, "Enter mở một lượt đánh giá / arm one rating", expecting: 1)
            try rate(choice)
        }

        if let hallDisplay {
            let screens = state.deletingLastPathComponent().appendingPathComponent("screens")
            try FileManager.default.createDirectory(at: screens, withIntermediateDirectories: true)
            let shot = screens.appendingPathComponent("hall-cage-\(hallDisplay.width)x\(hallDisplay.height).png")
            try hallDisplay.savePNG(to: shot.path)
            print("   Màn hình gọi số qua cage / The hall screen through cage (the display unit's own command): \(shot.path)")
            hallDisplay.stop()
        }

        section("kioskctl status")
        print(try daemon.kioskctl(["status"]))
        section("kioskctl tally — kết quả trong ngày / the day's tallies")
        print(try daemon.kioskctl(["tally"]))

        section("Tỉnh tải lịch 2027 lên máy chủ tổng hợp / The province uploads a 2027 calendar: collectord calendar add kiosk-config/demo/calendar-upload/2027.toml (a demo example, not a Government decision)")
        let upload = RepositoryPaths.root.appendingPathComponent("kiosk-config/demo/calendar-upload/2027.toml").path
        print("   " + (try CollectordProcess.run(["calendar", "add", upload], database: collectorDatabase.path)).trimmingCharacters(in: .whitespacesAndNewlines))

        section("kioskctl days — những ngày đã niêm phong khi khởi động / the days kioskd sealed at start-up")
        print(try daemon.kioskctl(["days"]))
        section("kioskctl push → collectord (http://127.0.0.1:8480/api/v1/days): the sealed days out, the signed 2027 calendar in, kioskd reloads it")
        print(try daemon.kioskctl(["push"]))
        section("kioskctl calendar 2027 — lịch 2027 nay là chính thức / the 2027 calendar is now official")
        print(try daemon.kioskctl(["calendar", "2027"]))
        section("Cùng hồ sơ gửi lại: ngày hẹn theo lịch chính thức / The same dossier again: its date now comes from the official calendar")
        let official = try Self.postSlip(slip2027)
        try printer.flush(expecting: 1)
        guard !official.provisional else { throw HarnessError("after the push the 2027 slip should not be provisional") }
        section("Máy chủ tổng hợp đã nhận / What the collector stored: collectord days --kiosk HCM-Q1-BEN-THANH-1")
        print(try CollectordProcess.run(["days", "--kiosk", "HCM-Q1-BEN-THANH-1"], database: collectorDatabase.path))
        print("   Bảng điều khiển / Dashboard: \(collector.base)/  —  đăng nhập / sign in: \(Self.demoUser) / \(Self.demoPassword)")
        print("   (chạy lại sau khi demo kết thúc / to open it after the demo: .build/debug/collectord serve --listen 127.0.0.1:8480 --database \(collectorDatabase.path))")
        print("   Cơ sở dữ liệu / Database: \(collectorDatabase.path)")
        print("   Đọc lại / Read again: .build/debug/collectord days --kiosk HCM-Q1-BEN-THANH-1 --database \(collectorDatabase.path)")

        daemon.signal(SIGTERM)
        let exit = try daemon.awaitExit()
        section("kioskd dừng / stopped (exit \(exit)). Dữ liệu / Data: \(daemon.database)")
        print("   Xem lại / Read again: .build/debug/kioskctl tally --config \(config) --state-dir \(stateDir)")

        let printed = events.all(.ticketPrinted).compactMap(\.number)
        let folder = state.deletingLastPathComponent().appendingPathComponent("printed")
        section("Bản sao những gì đã in / Copies of what was printed (\(printed.count) vé / tickets, \(printers.slips.jobs.count) giấy tiếp nhận / slip)")
        for path in try printers.saveCopies(ticketNumbers: printed, to: folder) { print("   \(path)") }
        printers.cups.stop()
        if exit != 0 || printed.count != 6 { throw ExitCode(1) }
    }

    /// The hall as a box shows it: kiosk-display@.service's own commands (kioskctl wait-page, then
    /// cage with Xwayland and Chromium) as an unprivileged user, on a virtual 1024×600 screen.
    static func showHallThroughCage() throws -> KioskDisplay? {
        if let missing = KioskDisplay.missing {
            print("   (màn hình qua cage bỏ qua / the hall through cage skipped: \(missing))")
            return nil
        }
        let display = try KioskDisplay(width: 1024, height: 600)
        let unit = try DisplayUnit(page: "screens/hall", base: "http://127.0.0.1:8470/", share: display.share)
        let waited = try display.run(unit.startPre)
        guard waited.status == 0 else { throw HarnessError("kioskctl wait-page: \(waited.errorText)") }
        try display.start(unit.start, environment: unit.environment)
        print("   cage + Chromium (kiosk-display@screens-hall.service) trên màn hình ảo / on a virtual screen 1024×600")
        return display
    }

    static let demoUser = "quan1"
    static let demoPassword = "demo-quan-1-2026"

    /// The demo's dashboard account: district staff of Quận 1 (the password is the demo's, printed above).
    static func addDemoUser(database: String) throws {
        let finished = try ChildProcess.run(
            RepositoryPaths.binary("collectord"),
            ["user", "add", "--database", database, "--name", demoUser, "--role", "district-staff", "--district", "Quận 1"],
            input: Data((demoPassword + "\n").utf8))
        guard finished.status == 0 else { throw HarnessError("collectord user add exited \(finished.status): \(finished.errorText)") }
    }

    /// The demo office file with the demo collector's key: kiosk-config/demo/office.toml, its
    /// calendar directory made absolute, `[sync] collector_key` added (the key is new each run).
    static func officeFile(collectorKey: String, in directory: URL) throws -> String {
        let shipped = RepositoryPaths.root.appendingPathComponent("kiosk-config/demo/office.toml")
        var text = try String(contentsOf: shipped, encoding: .utf8)
        let calendars = RepositoryPaths.root.appendingPathComponent("kiosk-config/calendar").path
        let relative = "directory = \"../calendar\""
        guard text.contains(relative), text.contains("\n[sync]\n") else {
            throw HarnessError("\(shipped.path): expected `\(relative)` and a [sync] table to fill in")
        }
        text = text.replacingOccurrences(of: relative, with: "directory = \"\(calendars)\"")
        text = text.replacingOccurrences(of: "\n[sync]\n", with: "\n[sync]\ncollector_key = \"\(collectorKey)\"\n")
        let file = directory.appendingPathComponent("office.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Posts a slip to kioskd's HTTP API and prints its return date, and whether it is provisional.
    static func postSlip(_ file: URL) throws -> SlipReply {
        let (code, body) = try post(Data(contentsOf: file), to: "http://127.0.0.1:8470/api/v1/slips")
        guard code == 201, let reply = try? ProtocolJSON.decode(SlipReply.self, from: body) else {
            throw HarnessError("HTTP \(code): \(String(decoding: body, as: UTF8.self))")
        }
        print("   HTTP \(code): hẹn trả kết quả / return \(reply.returnText) (\(reply.returnAt))")
        print("   " + (reply.calendarNotice ?? "lịch chính thức / official calendar"))
        return reply
    }

    /// POSTs JSON and returns the status and the answer's body.
    static func post(_ body: Data, to url: String) throws -> (Int, Data) {
        let answer = try HTTPExchange.send("POST", url, body: body)
        return (answer.status, answer.body)
    }

    func say(_ text: String) {
        print("\n== \(text)")
    }

    /// A previous demo killed mid-way may leave its FUSE mount behind.
    static func unmountStale(_ path: String) {
        let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
        if mounts.split(separator: "\n").contains(where: { $0.split(separator: " ").dropFirst().first == Substring(path) }) {
            _ = try? KioskdProcess.run(URL(fileURLWithPath: "/bin/umount"), ["-l", path])
        }
    }
}

/// Prints kioskd's events as they come, in words.
final class EventPrinter {
    let events: EventStream
    /// Votes, rejections and arms printed so far (device events are not counted).
    private var printed = 0

    init(events: EventStream) {
        self.events = events
    }

    /// Waits for `count` new events (votes, rejections, arms) and prints them.
    func flush(expecting count: Int) throws {
        // Device and sealing events come on their own schedule; the steps count the others.
        let relevant = {
            self.events.events.filter { ![.deviceConnected, .deviceDisconnected, .daySealed].contains($0.kind) }
        }
        try awaitCondition("\(count) event(s) from kioskd") { relevant().count >= self.printed + count }
        let all = relevant()
        for event in all[printed...] {
            print("   → " + Self.describe(event))
        }
        printed = all.count
    }

    static func describe(_ event: DaemonEvent) -> String {
        switch event {
        case .voteCounted(let terminal, _, _, _): "\(terminal): đã ghi nhận đánh giá / rating counted (LED/màn hình cảm ơn / thank-you)"
        case .armed(let terminal, _): "\(terminal): đã mở cho một lượt đánh giá / armed for one rating"
        case .ticketIssued(let terminal, let number, _, let priority, let waitingAhead):
            "\(terminal): cấp số / ticket \(number)\(priority ? ", ưu tiên / priority" : ""), \(waitingAhead) người chờ trước / waiting ahead"
        case .ticketPrinted(_, let number, let printer): "\(printer): đã in vé / printed \(number)"
        case .ticketNotPrinted(let terminal, _, _, _, let message): "\(terminal): \(message)"
        case .printerFault(let printer, _, let message): "\(printer): ⚠ \(message)"
        case .printerReady(let printer): "\(printer): máy in hoạt động trở lại / printer back"
        case .slipPrinted(let printer, let dossierCode): "\(printer): đã in giấy tiếp nhận / slip printed \(dossierCode)"
        case .ticketCalled(_, let counterNumber, let number, _, let calls):
            "Mời số \(number) đến quầy \(counterNumber) / Number \(number) to counter \(counterNumber)"
                + (calls > 1 ? " (lần \(calls) / call \(calls))" : "")
        case .ticketServing(let counter, let number): "\(counter): đang phục vụ / serving \(number)"
        case .ticketServed(let counter, let number, _, _): "\(counter): đã phục vụ xong / served \(number)"
        case .ticketNoShow(let counter, let number): "\(counter): vắng mặt / no-show \(number)"
        case .queueKeyRefused(let counter, let message): "\(counter): \(message)"
        case .pressRejected(let terminal, let kind): "\(terminal): \(Self.words(for: kind))"
        case .speechStarted(let terminal): "\(terminal): bắt đầu chế độ đọc / speech mode started"
        case .speechEnded(let terminal, let reason): "\(terminal): kết thúc chế độ đọc / speech mode ended (\(reason))"
        case .speechFailed(let terminal, let reason): "\(terminal): ⚠ chế độ đọc không phát được / speech mode cannot play: \(reason)"
        case .deviceConnected, .deviceDisconnected, .ticketsCancelled, .storageFault, .storageReady, .slipNotPrinted, .daySealed,
            .ticketTransferred, .counterPaused, .counterResumed, .announcementStarted, .announcementFailed:
            event.json
        }
    }

    static func words(for rejection: PressRejection) -> String {
        switch rejection {
        case .duringLockout: "trong thời gian khoá, tính là bấm sai / during the lockout: misuse"
        case .whileUnarmed: "chưa được mở, tính là bấm sai / not armed: misuse"
        case .tooShort: "chạm quá ngắn, bỏ qua / too short: ignored"
        case .tooLong: "chạm quá lâu, bỏ qua / too long: ignored"
        case .lostToOverflow: "mất do tràn bộ đệm, bỏ qua / lost to an input overflow: ignored"
        case .outsideZones: "ngoài vùng chọn, bỏ qua / outside the choices: ignored"
        case .ticketLockout: "lấy số lần nữa trong thời gian khoá, bỏ qua / a second ticket within the lockout: ignored"
        }
    }
}
