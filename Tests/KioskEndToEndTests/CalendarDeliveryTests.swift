import Foundation
import KioskCore
import KioskProtocol
import KioskSeal
import KioskTestSupport
import Testing

/// The calendar's way with real processes: `collectord calendar add` signs a year's file with the
/// collector's key, `kioskctl push` fetches it with the kiosk's signed request, checks it against
/// `[sync] collector_key` and installs it in the state directory; the collector then lists what the
/// kiosk has. A kiosk configured with another collector key refuses it and keeps what it had. With
/// kioskd running, the push has it reload its calendar, and the next slip counts on the new file.
@Suite(.serialized) struct CalendarDeliveryTests {
    static func file(_ year: Int, note: String) -> String {
        "year = \(year)\n\n[[days_off]]\ndate = \"\(year)-01-01\"\nkind = \"holiday\"\nnote = \"\(note)\"\nsource = \"Bộ luật Lao động 2019, Điều 112\"\n"
    }

    static func office(collector: String, key: String) -> (FakeEvdev) -> String {
        { evdev in
            TestOffice.touchAndArmedKeypad(evdev) + """

                [sync]
                kiosk_id = "TEST-OFFICE-may-1"
                collector = "\(collector)"
                collector_key = "\(key)"
                """
        }
    }

    /// `collectord calendar add` of `text` as YEAR.toml, with the rig's key file.
    static func add(_ collector: CollectorRig, keyFile: String, year: Int, _ text: String) throws -> String {
        let directory = collector.directory.appendingPathComponent("upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("\(year).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try collector.collectord(["calendar", "add", "--key-file", keyFile, path])
    }

    @Test(arguments: CollectorBackend.available) func anUploadedCalendarReachesTheKioskOnItsNextPush(_ backend: CollectorBackend) throws {
        let collector = try CollectorRig("calendar-e2e", backend: backend)
        let keyFile = collector.directory.appendingPathComponent("collector-ed25519.key").path
        let collectorKey = try collector.collectord(["key", "--key-file", keyFile]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(KioskPublicKey(base64: collectorKey) != nil)
        #expect(try Self.add(collector, keyFile: keyFile, year: 2027, Self.file(2027, note: "Tết Dương lịch")).contains("added calendar 2027 version 1"))

        let rig = try DaemonRig("calendar-e2e", office: Self.office(collector: collector.collector.base, key: collectorKey))
        let enrolled = try DaySealingTests.enroll(rig)
        try collector.register("TEST-OFFICE-may-1", office: "TEST-OFFICE", key: try KioskSigningKey(contentsOf: enrolled.keyFile))
        let installed = rig.stateDirectory.appendingPathComponent("calendar/2027.toml").path

        let first = try PushTests.push(rig)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("Lịch 2027 phiên bản 1: đã cài"), "\(first.output)")
        #expect(try String(contentsOfFile: installed, encoding: .utf8) == Self.file(2027, note: "Tết Dương lịch"))
        let stamp = try ProtocolJSON.decode(
            CalendarStamp.self, from: try String(contentsOfFile: rig.stateDirectory.appendingPathComponent("calendar/2027.sig.json").path, encoding: .utf8))
        #expect(stamp.version == 1)
        #expect(try collector.collectord(["calendar", "list"]).contains("kiosk TEST-OFFICE-may-1\t2027\tversion 1"))

        #expect(try Self.add(collector, keyFile: keyFile, year: 2027, Self.file(2027, note: "Tết Dương lịch (sửa)")).contains("version 2"))
        let second = try PushTests.push(rig)
        #expect(second.status == 0, "\(second.output)")
        #expect(try String(contentsOfFile: installed, encoding: .utf8).contains("(sửa)"))
        let current = try PushTests.push(rig)
        #expect(current.output.contains("calendars are up to date (2027 v2)"), "\(current.output)")

        // The same kiosk told to trust another collector key refuses the collector's file and keeps its own.
        try FileManager.default.removeItem(atPath: rig.configPath)
        let other = KioskSigningKey.generate().publicKey.base64
        try Self.office(collector: collector.collector.base, key: other)(rig.evdev).write(toFile: rig.configPath, atomically: true, encoding: .utf8)
        #expect(try Self.add(collector, keyFile: keyFile, year: 2027, Self.file(2027, note: "Tết Dương lịch (lần 3)")).contains("version 3"))
        let before = try String(contentsOfFile: installed, encoding: .utf8)
        let refused = try PushTests.push(rig)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("lịch 2027 phiên bản 3 bị từ chối"), "\(refused.output)")
        #expect(try String(contentsOfFile: installed, encoding: .utf8) == before)
    }

    /// The whole way: a slip received 02/12/2026 with 30 working days gets a provisional
    /// 2027 date; the province uploads 2027.toml (one more day off in January), the nightly push
    /// installs it and has the running kioskd reload, and the same slip now gets the official date.
    @Test func anUploadedCalendarReachesARunningKioskdAndTheNextSlip() throws {
        let collector = try CollectorRig("calendar-slip", backend: .sqlite)
        let keyFile = collector.directory.appendingPathComponent("collector-ed25519.key").path
        let collectorKey = try collector.collectord(["key", "--key-file", keyFile]).trimmingCharacters(in: .whitespacesAndNewlines)
        let cups = try PrivateCups(directory: try RepositoryPaths.temporaryDirectory("cups-calendar-slip"))
        let sink = try SocketSink()
        try cups.addRawQueue("giay-hen", deviceURI: sink.deviceURI)
        let port = try freeLoopbackPort()
        let shipped = RepositoryPaths.root.appendingPathComponent("kiosk-config/calendar").path
        let rig = try DaemonRig("calendar-slip") { evdev in
            TicketOffice.config(
                evdev, cups: cups.server,
                extra: SlipPrintingTests.slipsTOML(calendar: shipped, port: port, cups: cups.server) + """

                    mode = "raw"

                    [sync]
                    kiosk_id = "TEST-OFFICE-may-1"
                    collector = "\(collector.collector.base)"
                    collector_key = "\(collectorKey)"
                    """)
        }
        let enrolled = try DaySealingTests.enroll(rig)
        try collector.register("TEST-OFFICE-may-1", office: "TEST-OFFICE", key: try KioskSigningKey(contentsOf: enrolled.keyFile))
        try rig.start()
        let slip = SlipPrintingTests.body(["receivedAt": "2026-12-02T09:00:00+07:00", "processingWorkingDays": 30])
        func post() throws -> SlipReply {
            let answer = try HTTPCall.send("POST", "http://127.0.0.1:\(port)/api/v1/slips", body: slip, token: SlipPrintingTests.token)
            #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
            return try answer.decoded(SlipReply.self)
        }
        let before = try post()
        #expect(before.provisional)
        #expect(before.returnAt == "2027-01-14T13:30:00+07:00")

        let official = Self.file(2027, note: "Tết Dương lịch") + """

            [[days_off]]
            date = "2027-01-05"
            kind = "holiday"
            note = "Ngày nghỉ thử nghiệm"
            source = "Quyết định thử nghiệm"

            """
        #expect(try Self.add(collector, keyFile: keyFile, year: 2027, official).contains("added calendar 2027 version 1"))
        let pushed = try PushTests.push(rig)
        #expect(pushed.status == 0, "\(pushed.output)")
        #expect(pushed.output.contains("kioskd reloaded its calendar (official years: "), "\(pushed.output)")
        #expect(pushed.output.contains("2027"), "\(pushed.output)")

        let after = try post()
        #expect(!after.provisional)
        #expect(after.returnAt == "2027-01-15T13:30:00+07:00", "one more day off in January")
        try sink.awaitJobs(2)
    }
}

