import KioskConfigFile
import KioskCore
import Testing

/// The printing side of the office file: printers, the ticket terminal, ticketing, slips, hours,
/// the calendar directory and the HTTP API — read correctly, and every mistake named.
@Suite struct PrintingConfigTests {
    static let printing = """

        [hours]
        morning = "08:00-12:00"
        afternoon = "13:00-17:00"

        [calendar]
        directory = "../calendar"

        [ticketing]
        reset_hour = 5
        hotline = "1022"
        qr_url = "https://motcua.example.vn/ve/{office}/{number}"
        minutes_per_ticket = 8

        [slips]
        parent_body = "UBND thành phố Hà Nội"
        issuing_body = "UBND phường Hoàn Kiếm"
        place = "Hà Nội"
        printer = "a4"
        feedback_address = "Số 126 phố Hàng Trống"
        feedback_hotline = "1022"

        [http]
        listen = "127.0.0.1:8470"

        [[printers]]
        id = "ve"
        queue = "kiosk-ticket"
        mode = "raw"
        width = 384

        [[printers]]
        id = "a4"
        queue = "quay-a4"
        server = "127.0.0.1:631"
        mode = "document"
        paper = "a5"

        [[terminals]]
        id = "lay-so"
        kind = "ticket"
        printer = "ve"
        screen = { width = 800, height = 600 }
        zones = [
          { service = "ho-tich", x = 0, y = 0, width = 400, height = 500 },
          { service = "dat-dai", x = 400, y = 0, width = 400, height = 500 },
          { service = "ho-tich", priority = "Người cao tuổi", x = 0, y = 500, width = 800, height = 100 },
        ]

        [[devices]]
        path = "/dev/input/by-id/ticket-touch"
        role = "ticket_touchscreen"
        terminal = "lay-so"

        [[devices]]
        path = "/dev/input/by-id/ticket-pad"
        role = "ticket_keypad"
        terminal = "lay-so"
        keys = { KEY_KP1 = "ho-tich", KEY_KP9 = { service = "dat-dai", priority = "Phụ nữ mang thai" } }

        """

    static var office: String { OfficeTOML.minimal + printing }

    @Test func everyPrintingSettingIsRead() throws {
        let config = try decodeValid(Self.office)
        #expect(config.printers.map(\.id) == ["ve", "a4"])
        let ticketPrinter = try #require(config.printer(id: "ve"))
        #expect(ticketPrinter.mode == .raw)
        #expect(ticketPrinter.width == 384)
        #expect(ticketPrinter.paper == .roll)
        #expect(ticketPrinter.server == "/run/cups/cups.sock")
        let a4 = try #require(config.printer(id: "a4"))
        #expect(a4.mode == .document)
        #expect(a4.paper == .a5)
        #expect(a4.server == "127.0.0.1:631")

        let terminal = try #require(config.ticketTerminal(id: "lay-so"))
        #expect(terminal.printer == "ve")
        #expect(terminal.lockoutSeconds == 1.5)
        #expect(terminal.zones.map(\.choice) == [
            TicketChoice(service: "ho-tich"), TicketChoice(service: "dat-dai"),
            TicketChoice(service: "ho-tich", priority: "Người cao tuổi"),
        ])
        #expect(config.terminals.map(\.id) == ["man-hinh", "ban-phim"])  // the rating terminals stay apart

        let pad = try #require(config.devices.first { $0.role == .ticketKeypad(terminal: "lay-so") })
        #expect(pad.keys[try keyCode("KEY_KP1")] == .ticket(TicketChoice(service: "ho-tich")))
        #expect(pad.keys[try keyCode("KEY_KP9")] == .ticket(TicketChoice(service: "dat-dai", priority: "Phụ nữ mang thai")))

        #expect(config.ticketing.resetHour == 5)
        #expect(config.ticketing.minutesPerTicket == 8)
        #expect(
            config.ticketing.qrURL(office: "X", service: "ho-tich", number: "A001", day: LocalDay(year: 2026, month: 11, day: 23)!)
                == "https://motcua.example.vn/ve/X/A001")
        #expect(config.slips?.printer == "a4")
        #expect(config.slips?.parentBody == "UBND thành phố Hà Nội")
        #expect(config.hours.morning.description == "08:00–12:00")
        #expect(config.calendarDirectory == "../calendar")
        #expect(config.localAPI == LocalAPIConfig(host: "127.0.0.1", port: 8470, token: nil))
    }

    @Test func officeWithoutPrintingKeepsTheDefaults() throws {
        let config = try decodeValid(OfficeTOML.minimal)
        #expect(config.printers.isEmpty)
        #expect(config.ticketTerminals.isEmpty)
        #expect(config.slips == nil)
        #expect(config.localAPI == nil)
        #expect(config.hours == .standard)
        #expect(config.ticketing == .defaults)
    }

    @Test(arguments: [
        ("printer = \"ve\"\nscreen", "printer = \"may-in\"\nscreen", "terminals[2].printer", "unknown printer \"may-in\"; expected one of: ve, a4"),
        ("{ service = \"dat-dai\", x = 400", "{ service = \"xay-dung\", x = 400", "terminals[2].zones[1].service", "unknown service \"xay-dung\""),
        ("x = 400, y = 0, width = 400, height = 500", "x = 300, y = 0, width = 400, height = 500", "terminals[2].zones[1]", "overlaps terminals[2].zones[0]"),
        ("x = 0, y = 500, width = 800, height = 100", "x = 0, y = 500, width = 800, height = 101", "terminals[2].zones[2]", "inside the 800×600 screen"),
        ("KEY_KP1 = \"ho-tich\"", "KEY_KP1 = \"ho-tic\"", "devices[4].keys.KEY_KP1", "unknown service \"ho-tic\""),
        ("KEY_KP1 = \"ho-tich\"", "KEY_KP1 = 1", "devices[4].keys.KEY_KP1", "expected a service id"),
        ("mode = \"raw\"\nwidth", "mode = \"text\"\nwidth", "printers[0].mode", "expected one of: raw, document; found \"text\""),
        ("width = 384", "width = 100", "printers[0].width", "expected an integer from 200 to 2000"),
        ("queue = \"kiosk-ticket\"", "queue = \"kiosk ticket\"", "printers[0].queue", "expected a CUPS queue name"),
        ("mode = \"raw\"\nwidth = 384", "mode = \"raw\"\npaper = \"a4\"\nwidth = 384", "printers[0].paper", "only paper = \"roll\" applies"),
        ("printer = \"a4\"\nfeedback", "printer = \"a3\"\nfeedback", "slips.printer", "unknown printer \"a3\""),
        ("feedback_hotline = \"1022\"\n", "", "slips.feedback_hotline", "missing"),
        ("reset_hour = 5", "reset_hour = 24", "ticketing.reset_hour", "expected an integer from 0 to 23"),
        ("qr_url = \"https", "qr_url = \"ftp", "ticketing.qr_url", "expected an http:// or https:// URL template"),
        ("morning = \"08:00-12:00\"", "morning = \"8h-12h\"", "hours.morning", "expected \"HH:MM-HH:MM\""),
        ("afternoon = \"13:00-17:00\"", "afternoon = \"11:00-17:00\"", "hours", "must start at or after the morning session"),
        ("listen = \"127.0.0.1:8470\"", "listen = \"0.0.0.0:8470\"", "http.token", "needs a token"),
        ("listen = \"127.0.0.1:8470\"", "listen = \"127.0.0.1\"", "http.listen", "expected HOST:PORT"),
        ("[[devices]]\npath = \"/dev/input/by-id/ticket-touch\"\nrole = \"ticket_touchscreen\"\nterminal = \"lay-so\"", "[[devices]]\npath = \"/dev/input/by-id/ticket-touch\"\nrole = \"ticket_touchscreen\"\nterminal = \"man-hinh\"", "devices[3].terminal", "unknown ticket terminal \"man-hinh\""),
    ])
    func eachMistakeIsNamed(_ original: String, _ replacement: String, key: String, message: String) {
        expectSingleIssue(Self.office.replacingFirst(original, with: replacement), key: key, messageContains: message)
    }

    @Test func ticketKeypadWithoutKeysIsRejected() {
        expectSingleIssue(
            Self.office.replacingFirst(
                "keys = { KEY_KP1 = \"ho-tich\", KEY_KP9 = { service = \"dat-dai\", priority = \"Phụ nữ mang thai\" } }", with: ""),
            key: "devices[4].keys", messageContains: "a ticket_keypad needs keys")
    }

    @Test func terminalIdsAreUniqueAcrossBothKinds() {
        expectSingleIssue(
            Self.office.replacingFirst("id = \"lay-so\"", with: "id = \"man-hinh\"")
                .replacingOccurrences(of: "terminal = \"lay-so\"", with: "terminal = \"man-hinh\""),
            key: "terminals[2].id", messageContains: "duplicate id \"man-hinh\"")
    }
}
