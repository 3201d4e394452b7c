import Foundation
import KioskConfigFile
import KioskCore
import KioskStore

/// An office for the in-process tests: its config read from TOML as kioskd reads it, and a real
/// SQLite file in a fresh directory. Device paths are never opened here.
struct InProcessOffice {
    let config: OfficeConfig
    let store: KioskDatabase
    let directory: URL

    /// Device sources, in the order of `[[devices]]` below.
    static let ratingTouchscreen = 0, ratingKeypad = 1, staffKeypad = 2, ticketTouchscreen = 3, ticketKeypad = 4

    static let toml = """
        [office]
        code = "TEST-OFFICE"
        name = "Bộ phận Một cửa thử nghiệm"
        time_zone = "Asia/Ho_Chi_Minh"

        [ticketing]
        reset_hour = 0

        [[printers]]
        id = "may-in-ve"
        queue = "ve"
        server = "127.0.0.1:1"
        mode = "raw"
        width = 576

        [[services]]
        id = "ho-tich"
        letter = "A"
        name = "Tư pháp – Hộ tịch"

        [[services]]
        id = "dat-dai"
        letter = "B"
        name = "Đất đai"

        [[counters]]
        id = "quay-1"
        number = 1
        services = ["ho-tich"]

        [[counters]]
        id = "quay-2"
        number = 2
        services = ["ho-tich", "dat-dai"]

        [survey]
        preset = "default"

        [[terminals]]
        id = "quay-1-danh-gia"
        kind = "rating"
        counter = "quay-1"
        policy = "free"
        lockout_seconds = 30
        min_press_ms = 40
        max_press_ms = 3000
        screen = { width = 1000, height = 500 }
        zones = [
          { choice = 1, x = 0,   y = 100, width = 250, height = 400 },
          { choice = 2, x = 250, y = 100, width = 250, height = 400 },
          { choice = 3, x = 500, y = 100, width = 250, height = 400 },
          { choice = 4, x = 750, y = 100, width = 250, height = 400 },
        ]

        [[terminals]]
        id = "quay-2-danh-gia"
        kind = "rating"
        counter = "quay-2"
        policy = "armed"
        arm_window_seconds = 60

        [[terminals]]
        id = "lay-so"
        kind = "ticket"
        printer = "may-in-ve"
        lockout_seconds = 2
        screen = { width = 1000, height = 500 }
        zones = [
          { service = "ho-tich", x = 0, y = 0, width = 500, height = 500 },
          { service = "dat-dai", x = 500, y = 0, width = 500, height = 500 },
        ]

        [[devices]]
        path = "/dev/input/by-path/rating-touch"
        role = "rating_touchscreen"
        terminal = "quay-1-danh-gia"

        [[devices]]
        path = "/dev/input/by-path/rating-pad"
        role = "rating_keypad"
        terminal = "quay-2-danh-gia"

        [[devices]]
        path = "/dev/input/by-path/staff-pad"
        role = "staff_keypad"
        counter = "quay-2"
        keys = { KEY_KPENTER = "arm", KEY_KP1 = "call_next", KEY_KP5 = "done" }

        [[devices]]
        path = "/dev/input/by-path/ticket-touch"
        role = "ticket_touchscreen"
        terminal = "lay-so"

        [[devices]]
        path = "/dev/input/by-path/ticket-pad"
        role = "ticket_keypad"
        terminal = "lay-so"
        keys = { KEY_KP1 = "ho-tich", KEY_KP2 = "dat-dai", KEY_KP9 = { service = "ho-tich", priority = "Người cao tuổi" } }
        """

    /// - Parameter surveyPreset: the survey's preset ("default": one question; "sipas5": five).
    init(_ name: String, extra: String = "", surveyPreset: String = "default") throws {
        let toml = Self.toml.replacingOccurrences(of: #"preset = "default""#, with: #"preset = "\#(surveyPreset)""#)
        switch OfficeConfigFile.parse(toml + "\n" + extra, file: "in-process.toml") {
        case .success(let config): self.config = config
        case .failure(let errors): throw errors
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try KioskDatabase(path: directory.appendingPathComponent("kiosk.sqlite").path)
    }
}
