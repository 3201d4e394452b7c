import Foundation
import KioskCore
import KioskPrint
import KioskProtocol
import KioskStore
import KioskTestSupport
import Testing

/// Slips through kioskd's HTTP API and `kioskctl print slip`, printed on a private cupsd.
@Suite struct SlipPrintingTests {
    static let token = "thu-nghiem-0123456789"
    static let timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    struct Office {
        let rig: DaemonRig
        let cups: PrivateCups
        let port: Int
        var base: String { "http://127.0.0.1:\(port)/api/v1" }
    }

    /// Slips on a raw 80 mm roll printer (or an A4 document printer), the HTTP API on a free port with a token.
    func office(_ name: String, deviceURI: String, mode: String = "raw", paper: String = "roll") throws -> Office {
        let cups = try PrivateCups(directory: try RepositoryPaths.temporaryDirectory("cups-\(name)"))
        try cups.addRawQueue("giay-hen", deviceURI: deviceURI)
        let port = try freeLoopbackPort()
        let calendar = RepositoryPaths.root.appendingPathComponent("kiosk-config/calendar").path
        let rig = try DaemonRig(name) { evdev in
            TicketOffice.config(
                evdev, cups: cups.server,
                extra: Self.slipsTOML(calendar: calendar, port: port, cups: cups.server) + """

                    mode = "\(mode)"
                    paper = "\(paper)"
                    """)
        }
        try rig.start()
        return Office(rig: rig, cups: cups, port: port)
    }

    /// The `[slips]`, `[calendar]` and `[http]` tables and the slip printer `giay-hen` (its `mode`
    /// and `paper` may follow) of the test offices that print slips.
    static func slipsTOML(calendar: String, port: Int, cups: String) -> String {
        """
        [slips]
        parent_body = "UBND thành phố Hà Nội"
        issuing_body = "UBND phường Thử Nghiệm"
        place = "Hà Nội"
        printer = "giay-hen"
        feedback_body = "Văn phòng UBND phường Thử Nghiệm"
        feedback_address = "Số 1 phố Thử Nghiệm, Hà Nội"
        feedback_hotline = "1022"

        [calendar]
        directory = "\(calendar)"

        [http]
        listen = "127.0.0.1:\(port)"
        token = "\(token)"

        [[printers]]
        id = "giay-hen"
        queue = "giay-hen"
        server = "\(cups)"
        """
    }

    static var request: [String: Any] { [
        "dossierCode": "000.20.36.H26-261123-0042",
        "applicant": [
            "name": "Nguyễn Thị Huyền Trang", "address": "Số 12 ngõ 34 phố Hàng Bạc, Hà Nội", "phone": "0912 345 678",
        ],
        "procedure": "Đăng ký khai sinh",
        "documents": [["name": "Tờ khai đăng ký khai sinh", "form": "Bản chính", "copies": 1], ["name": "Giấy chứng sinh"]],
        "processingWorkingDays": 3,
        "receivedAt": "2026-11-23T08:40:00+07:00",
        "recordBook": "05",
        "serialNumber": "0042",
        "receivingOfficer": "Lê Minh Đức",
    ] }

    static func body(_ changes: [String: Any] = [:]) -> Data {
        var request = Self.request
        for (key, value) in changes { request[key] = value }
        return try! JSONSerialization.data(withJSONObject: request)
    }

    /// The slip the request above must give: received Monday 23/11/2026 08:40 + 3 working days
    /// (Monday afternoon, then Wednesday to Friday morning: Tuesday 24/11 is Ngày Văn hóa Việt Nam)
    /// → returned Friday 27/11/2026 at 13:30.
    static func expectedSlip(returnAt: Date) -> SlipPrintout {
        SlipPrintout(
            parentBody: "UBND thành phố Hà Nội", issuingBody: "UBND phường Thử Nghiệm", place: "Hà Nội",
            dossierCode: "000.20.36.H26-261123-0042",
            applicant: .init(name: "Nguyễn Thị Huyền Trang", address: "Số 12 ngõ 34 phố Hàng Bạc, Hà Nội", phone: "0912 345 678"),
            procedure: "Đăng ký khai sinh",
            documents: [.init(name: "Tờ khai đăng ký khai sinh", form: "Bản chính", copies: 1), .init(name: "Giấy chứng sinh", copies: 1)],
            numberOfSets: 1, processingWorkingDays: 3,
            receivedAt: ISO8601DateFormatter().date(from: "2026-11-23T01:40:00Z")!, returnAt: returnAt, collection: .atCounter,
            recordBook: "05", serialNumber: "0042",
            feedback: .init(body: "Văn phòng UBND phường Thử Nghiệm", address: "Số 1 phố Thử Nghiệm, Hà Nội", hotline: "1022"),
            receivingOfficer: "Lê Minh Đức", timeZone: timeZone)
    }

    @Test func postedSlipGetsItsReturnTimeFromTheCalendarAndPrintsBothCopies() throws {
        let sink = try SocketSink()
        let office = try office("slip-http", deviceURI: sink.deviceURI)
        let answer = try HTTPCall.send("POST", "\(office.base)/slips", body: Self.body(), token: Self.token)
        #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
        let reply = try answer.decoded(SlipReply.self)
        #expect(reply.returnAt == "2026-11-27T13:30:00+07:00")
        #expect(reply.returnText == "13:30 thứ Sáu, 27/11/2026")
        #expect(reply.printed == true)
        #expect(reply.printer == "giay-hen")

        try sink.awaitJobs(1)
        let pages = try EscPosRaster.decodePages(sink.jobs[0])
        let returnAt = ISO8601DateFormatter().date(from: "2026-11-27T06:30:00Z")!
        #expect(pages == (try Self.expectedSlip(returnAt: returnAt).renderBitmaps(width: 576)))
        #expect(pages.count == 2)
        // Counted for the day's sealed tallies by procedure, nothing about the applicant.
        let store = try KioskDatabase(readOnlyPath: office.rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        let tallies = try store.dayTallies(on: LocalDay(Date(), in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!), kiosk: "", office: "")
        #expect(tallies.slips == [.init(procedure: "Đăng ký khai sinh", count: 1)])
    }

    /// The case: received Wednesday 02/12/2026 with 30 working days, the return date falls
    /// in 2027, which has no calendar file: printed as usual, and the answer says it is provisional.
    @Test func slipIntoAYearWithoutAFileIsPrintedWithAProvisionalDate() throws {
        let sink = try SocketSink()
        let office = try office("slip-provisional", deviceURI: sink.deviceURI)
        let answer = try HTTPCall.send(
            "POST", "\(office.base)/slips",
            body: Self.body(["receivedAt": "2026-12-02T09:00:00+07:00", "processingWorkingDays": 30]), token: Self.token)
        #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
        let reply = try answer.decoded(SlipReply.self)
        #expect(reply.returnAt == "2027-01-14T13:30:00+07:00")
        #expect(reply.printed)
        #expect(reply.provisional)
        #expect(reply.calendarNotice?.hasPrefix("Ngày hẹn trả là tạm tính: năm 2027") == true)
        try sink.awaitJobs(1)
        #expect(try EscPosRaster.decodePages(sink.jobs[0]).count == 2)

        // Staff see it: the provisional 2027 (as long as no 2027.toml is shipped), and status's years.
        let year = try office.rig.daemon!.kioskctl(["calendar", "2027"])
        #expect(year.hasPrefix("Lịch năm 2027: TẠM TÍNH, chưa có tệp lịch chính thức / Calendar 2027: PROVISIONAL, no official file"))
        #expect(year.contains("thứ Năm 04/02/2027  [Nghỉ lễ, tết]  Tết Nguyên đán Đinh Mùi – 28 tháng Chạp"))
        #expect(year.contains("thứ Hai 03/05/2027  [Nghỉ bù]"))
        let official = try office.rig.daemon!.kioskctl(["calendar", "2026"])
        #expect(official.contains("tệp / file: \(RepositoryPaths.root.path)/kiosk-config/calendar/2026.toml"))
        let status = try ProtocolJSON.decode(StatusReport.self, from: try office.rig.daemon!.kioskctl(["status", "--json"]))
        #expect(status.calendar?.officialYears.prefix(2) == [2025, 2026])
        #expect(status.calendar?.provisionalFrom == 1900)
        #expect(try office.rig.daemon!.kioskctl(["status"]).contains("Lịch ngày làm việc / Working-day calendar: chính thức / official 2025, 2026"))
    }

    @Test func badRequestsAreRefusedWithTheFieldAndTheReason() throws {
        let sink = try SocketSink()
        let office = try office("slip-bad", deviceURI: sink.deviceURI)
        let url = "\(office.base)/slips"

        let noToken = try HTTPCall.send("POST", url, body: Self.body())
        #expect(noToken.status == 401)
        #expect(try HTTPCall.send("POST", url, body: Self.body(), token: "wrong-token-0123456789").status == 401)

        let notJSON = try HTTPCall.send("POST", url, body: Data("dossierCode=42".utf8), token: Self.token)
        #expect(notJSON.status == 400)
        #expect(try !notJSON.decoded(ControlFailure.self).error.isEmpty)

        let invalid = try HTTPCall.send(
            "POST", url, body: Self.body(["processingWorkingDays": 0, "counter": "quay-9", "numberOfSets": true]), token: Self.token)
        #expect(invalid.status == 422)
        let fields = try invalid.decoded(ControlFailure.self).problems?.map(\.field) ?? []
        #expect(fields.contains("processingWorkingDays"))
        #expect(fields.contains("numberOfSets"))

        let unknownCounter = try HTTPCall.send("POST", url, body: Self.body(["counter": "quay-9"]), token: Self.token)
        #expect(unknownCounter.status == 422)
        let problem = try #require(try unknownCounter.decoded(ControlFailure.self).problems?.first)
        #expect(problem.field == "counter")
        #expect(problem.reason.contains("quay-1, quay-2"))

        // A year beyond the provisional ones (1900–2100) without a calendar file is an error that says so.
        let uncovered = try HTTPCall.send("POST", url, body: Self.body(["receivedAt": "2101-03-02T08:00:00+07:00"]), token: Self.token)
        #expect(uncovered.status == 422)
        let reason = try #require(try uncovered.decoded(ControlFailure.self).problems?.first?.reason)
        #expect(reason.contains("2101"))
        #expect(reason.hasPrefix("Chưa có lịch ngày làm việc năm 2101"))

        let huge = try HTTPCall.send("POST", url, body: Data(repeating: 0x20, count: 300 * 1024), token: Self.token)
        #expect(huge.status == 413)
        // Nothing reached the printer.
        #expect(sink.jobs.isEmpty)
    }

    @Test func slipOnAStoppedPrinterAnswers503WithTheReason() throws {
        let sink = try SocketSink()
        let office = try office("slip-stopped", deviceURI: sink.deviceURI)
        try office.cups.run("cupsdisable", ["giay-hen"])
        let answer = try HTTPCall.send("POST", "\(office.base)/slips", body: Self.body(), token: Self.token)
        #expect(answer.status == 503)
        let reply = try answer.decoded(SlipReply.self)
        #expect(reply.printed == false)
        #expect(reply.message?.hasPrefix("Máy in đang tạm dừng") == true)
    }

    @Test func kioskctlPrintsASlipFromAFileAndNamesWhatIsWrong() throws {
        let sink = try SocketSink()
        let office = try office("slip-kioskctl", deviceURI: sink.deviceURI)
        let good = office.rig.directory.appendingPathComponent("slip.json")
        try Self.body(["returnAt": "2026-11-27T09:00:00+07:00"]).write(to: good)
        let output = try office.rig.daemon!.kioskctl(["print", "slip", "--file", good.path])
        #expect(output.contains("09:00 thứ Sáu, 27/11/2026"))
        try sink.awaitJobs(1)
        #expect(try EscPosRaster.decodePages(sink.jobs[0]).count == 2)

        let bad = office.rig.directory.appendingPathComponent("bad.json")
        try Self.body(["applicant": ["name": "Trang"]]).write(to: bad)
        let error = try #require(throws: HarnessError.self) { try office.rig.daemon!.kioskctl(["print", "slip", "--file", bad.path]) }
        #expect("\(error)".contains("applicant.phone"))
        #expect("\(error)".contains("applicant.address"))
    }

    @Test func documentPrinterGetsBothCopiesAsOnePDF() throws {
        let sink = try SocketSink()
        let office = try office("slip-pdf", deviceURI: sink.deviceURI, mode: "document", paper: "a5")
        let answer = try HTTPCall.send("POST", "\(office.base)/slips", body: Self.body(["copies": 2]), token: Self.token)
        #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
        try sink.awaitJobs(1)
        let pdf = sink.jobs[0]
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/Count 2"))
    }
}
