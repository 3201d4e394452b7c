import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// The office files shipped in `kiosk-config/` must load as they are, with the values they spell out.
@Suite struct ShippedConfigTests {
    /// The repository root: this file is `Tests/KioskConfigFileTests/ShippedConfigTests.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ relativePath: String) throws -> OfficeConfig {
        let path = repositoryRoot.appendingPathComponent(relativePath).path
        switch OfficeConfigFile.load(path: path) {
        case .success(let config): return config
        case .failure(let errors):
            Issue.record("\(relativePath) should load without issues, found:\n\(errors)")
            throw errors
        }
    }

    // MARK: kiosk-config/demo/office.toml

    @Test func demoOfficeLoadsWithOfficeInfoAsWritten() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        #expect(config.office.code == "HCM-Q1-BEN-THANH")
        #expect(config.office.name == "Bộ phận Một cửa UBND phường Bến Thành")
        #expect(config.office.timeZone == "Asia/Ho_Chi_Minh")
        #expect(config.storage == StorageConfig(database: "kiosk.sqlite", controlSocket: "kioskd.sock"))
    }

    @Test func demoOfficeServicesAndCountersAreAsWritten() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        #expect(config.services.map(\.id) == ["ho-tich", "dat-dai", "xay-dung", "chinh-sach-xa-hoi"])
        #expect(config.services.map(\.letter) == ["A", "B", "C", "D"])
        #expect(config.counters == [
            CounterConfig(id: "quay-1", number: 1, name: "Quầy 1 – Tư pháp, Hộ tịch", services: ["ho-tich"]),
            CounterConfig(
                id: "quay-2", number: 2, name: "Quầy 2 – Đất đai, Xây dựng",
                services: ["dat-dai", "xay-dung", "chinh-sach-xa-hoi"]),
        ])
    }

    @Test func demoOfficeUsesTheDefaultPreset() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        #expect(config.survey == SurveyPresets.single)
    }

    @Test func demoFreeTouchscreenTerminalHasItsPolicyPressLimitsAndZones() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        let terminal = try #require(config.terminal(id: "quay-1-danh-gia"))
        #expect(terminal.counter == "quay-1")
        #expect(terminal.kind == .rating)
        #expect(terminal.policy == .free(lockoutSeconds: 3))
        #expect(terminal.pressLimits == PressLimits(minimumSeconds: 0.04, maximumSeconds: 3))
        #expect(terminal.sessionTimeoutSeconds == 60)
        #expect(terminal.screen == ScreenSize(width: 1024, height: 600))
        #expect(terminal.zones == [
            Zone(choice: 1, rect: Rect(x: 8, y: 150, width: 240, height: 420)),
            Zone(choice: 2, rect: Rect(x: 264, y: 150, width: 240, height: 420)),
            Zone(choice: 3, rect: Rect(x: 520, y: 150, width: 240, height: 420)),
            Zone(choice: 4, rect: Rect(x: 776, y: 150, width: 240, height: 420)),
        ])
    }

    @Test func demoArmedKeypadTerminalHasItsWindowAndDefaultsElsewhere() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        let terminal = try #require(config.terminal(id: "quay-2-danh-gia"))
        #expect(terminal.counter == "quay-2")
        #expect(terminal.policy == .armed(windowSeconds: 120))
        #expect(terminal.pressLimits == PressLimits.standard)
        #expect(terminal.screen == nil)
        #expect(terminal.zones.isEmpty)
    }

    @Test func demoDevicesHaveTheirRolesAndKeyBindings() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        #expect(config.devices.map(\.role) == [
            .ratingTouchscreen(terminal: "quay-1-danh-gia"),
            .ratingKeypad(terminal: "quay-2-danh-gia"),
            .staffKeypad(counter: "quay-2"),
            .ticketTouchscreen(terminal: "lay-so"),
        ])
        #expect(config.devices.map(\.path) == [
            "/run/kiosk-demo/input/dev/*eGalax*",
            "/run/kiosk-demo/input/dev/rating-keypad-quay-2",
            "/run/kiosk-demo/input/dev/staff-keypad-quay-2",
            "/run/kiosk-demo/input/dev/ticket-touchscreen-loi-vao",
        ])
        #expect(config.devices.map(\.grab) == [true, true, true, true])
        #expect(config.devices[0].mapping == .identity)
        #expect(config.devices[0].keys.isEmpty)
        // KEY_KP1 = 79, KEY_KP2 = 80, KEY_KP3 = 81, KEY_KP4 = 75 in <linux/input-event-codes.h>.
        #expect(config.devices[1].keys == [79: .choice(1), 80: .choice(2), 81: .choice(3), 75: .choice(4)])
        // KEY_KPENTER = 96; the queue keys on 79, 80, 81, 75, 76 (KEY_KP1…KEY_KP5).
        #expect(config.devices[2].keys == [
            96: .staff(.arm), 79: .staff(.queue(.callNext)), 80: .staff(.queue(.recall)), 81: .staff(.queue(.noShow)),
            75: .staff(.queue(.startServing)), 76: .staff(.queue(.done)),
        ])
    }

    @Test func demoPrintsTicketsAndSlipsOnItsPrivateCups() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        #expect(config.printers.map(\.id) == ["ve-loi-vao", "giay-hen-a4"])
        #expect(config.printers.allSatisfy { $0.server == "/run/kiosk-demo/cups/cups.sock" })
        #expect(config.printer(id: "ve-loi-vao")?.mode == .raw)
        #expect(config.printer(id: "giay-hen-a4")?.paper == .a4)
        let entrance = try #require(config.ticketTerminal(id: "lay-so"))
        #expect(Set(entrance.zones.map(\.choice.service)) == Set(config.services.map(\.id)))
        #expect(entrance.zones.filter { $0.choice.priority != nil }.count == 1)
        #expect(config.slips?.printer == "giay-hen-a4")
        #expect(config.localAPI?.isLoopback == true)
        #expect(config.calendarDirectory == "../calendar")
    }

    @Test func demoSealsAndPushesToTheDemoCollector() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        #expect(config.sync == SyncConfig(
            kioskID: "HCM-Q1-BEN-THANH-1", sealAt: OfficeHours.ClockTime(hour: 5, minute: 30)!, collector: "http://127.0.0.1:8480"))
    }

    @Test func demoVietnameseTextIsPrecomposed() throws {
        let config = try Self.load("kiosk-config/demo/office.toml")
        let texts = [config.office.name] + config.services.map(\.name) + config.counters.map(\.name)
        for text in texts {
            #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text)")
        }
        // "Đất đai" is 7 scalars precomposed (Đ, ấ, t, space, đ, a, i); decomposed it would be more.
        #expect(config.services[1].name.unicodeScalars.count == 7)
    }

    // MARK: kiosk-config/office.example.toml

    @Test func exampleOfficeLoadsWithOfficeInfoAsWritten() throws {
        let config = try Self.load("kiosk-config/office.example.toml")
        #expect(config.office.code == "HN-BA-DINH-DIEN-BIEN")
        #expect(config.office.name == "Bộ phận Một cửa UBND phường Điện Biên")
        #expect(config.office.timeZone == "Asia/Ho_Chi_Minh")
        #expect(config.services.map(\.id) == ["ho-tich", "dat-dai"])
        #expect(config.counters == [
            CounterConfig(id: "quay-1", number: 1, name: "Quầy 1", services: ["ho-tich", "dat-dai"], slipPrinter: "a4-quay")
        ])
    }

    @Test func examplePrintingKeysAreAsWritten() throws {
        let config = try Self.load("kiosk-config/office.example.toml")
        #expect(config.printers.map(\.id) == ["ve", "a4-quay"])
        #expect(config.printer(id: "ve") == PrinterConfig(
            id: "ve", queue: "kiosk-ticket", server: "/run/cups/cups.sock", mode: .raw, width: 576, paper: .roll,
            timeoutSeconds: 5, jobTimeoutSeconds: 30))
        #expect(config.ticketing == TicketingConfig(
            resetHour: 5, hotline: "1022", qrURLTemplate: "https://dichvucong.example.vn/hang-doi/{office}/{number}",
            minutesPerTicket: 10))
        #expect(config.hours == .standard)
        #expect(config.slips?.printer == "a4-quay")
        #expect(config.localAPI == LocalAPIConfig(host: "127.0.0.1", port: 8470, token: nil))
        #expect(config.sync == SyncConfig(
            kioskID: "HN-HK-HANG-TRONG-1", sealAt: OfficeHours.ClockTime(hour: 5, minute: 30)!, collector: "https://thongke.example.vn",
            keyFile: "kiosk-ed25519.key"))
        let entrance = try #require(config.ticketTerminal(id: "lay-so"))
        #expect(entrance.lockoutSeconds == 1.5)
        #expect(entrance.zones.count == 3)
        #expect(config.devices.last?.role == .ticketTouchscreen(terminal: "lay-so"))
    }

    @Test func exampleOfficeUsesTheSipasFivePreset() throws {
        let config = try Self.load("kiosk-config/office.example.toml")
        #expect(config.survey == SurveyPresets.sipasFive)
        #expect(config.survey.questions.count == 5)
    }

    @Test func exampleArmedTerminalHasEveryKeyAsWritten() throws {
        let config = try Self.load("kiosk-config/office.example.toml")
        #expect(config.terminals.count == 1)
        let terminal = try #require(config.terminals.first)
        #expect(terminal.id == "quay-1-danh-gia")
        #expect(terminal.counter == "quay-1")
        #expect(terminal.policy == .armed(windowSeconds: 120))
        #expect(terminal.pressLimits == PressLimits(minimumSeconds: 0.03, maximumSeconds: 3))
        #expect(terminal.sessionTimeoutSeconds == 60)
        #expect(terminal.screen == ScreenSize(width: 1024, height: 600))
        #expect(terminal.zones.map(\.choice) == [1, 2, 3, 4])
        #expect(terminal.zones.last?.rect == Rect(x: 776, y: 150, width: 240, height: 420))
    }

    @Test func exampleDevicesHaveTheirRolesMappingAndKeys() throws {
        let config = try Self.load("kiosk-config/office.example.toml")
        #expect(config.devices.count == 3)
        let touchscreen = try #require(config.devices.first)
        #expect(touchscreen.path == "/dev/input/by-id/usb-eGalax_Inc._USB_TouchController-event-if00")
        #expect(touchscreen.role == .ratingTouchscreen(terminal: "quay-1-danh-gia"))
        #expect(touchscreen.grab == true)
        #expect(touchscreen.mapping == TouchMapping(calibration: [1, 0, 0, 0, 1, 0], rotation: .none))
        let staff = config.devices[1]
        #expect(staff.path == "/dev/input/by-id/usb-*Keypad*-event-kbd")
        #expect(staff.role == .staffKeypad(counter: "quay-1"))
        #expect(staff.keys == [96: .staff(.arm)])
    }
}
