import Foundation

/// The office the ticket tests and `kiosk-bench print` run: an entrance ticket touchscreen (and
/// optionally a keypad) printing on a raw queue of a private CUPS.
///
/// Two services on the screen (A: left half, B: right half; the bottom strip of A is its priority
/// zone) and on the keypad (KP1 = A, KP2 = B, KP9 = A with priority).
public enum TicketOfficeTOML {
    public static let queue = "ve"

    public static func config(touchscreen: String, keypad: String?, cupsServer: String, extra: String = "") -> String {
        let keypadDevice = keypad.map {
            """
            [[devices]]
            path = "\($0)"
            role = "ticket_keypad"
            terminal = "lay-so"
            keys = { KEY_KP1 = "ho-tich", KEY_KP2 = "dat-dai", KEY_KP9 = { service = "ho-tich", priority = "Người khuyết tật" } }
            """
        } ?? ""
        return """
        [office]
        code = "TEST-OFFICE"
        name = "Bộ phận Một cửa UBND phường Thử Nghiệm"

        [ticketing]
        reset_hour = \(TestOfficeDay.resetHour)
        hotline = "1022"
        qr_url = "https://motcua.example.vn/ve/{office}/{number}"

        [[printers]]
        id = "may-in-ve"
        queue = "\(queue)"
        server = "\(cupsServer)"
        mode = "raw"
        width = 576
        timeout_seconds = 3
        job_timeout_seconds = 20

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
        id = "lay-so"
        kind = "ticket"
        printer = "may-in-ve"
        lockout_seconds = 0
        screen = { width = 1000, height = 500 }
        zones = [
          { service = "ho-tich", x = 0, y = 0, width = 500, height = 400 },
          { service = "dat-dai", x = 500, y = 0, width = 500, height = 500 },
          { service = "ho-tich", priority = "Người cao tuổi", x = 0, y = 400, width = 500, height = 100 },
        ]

        [[devices]]
        path = "\(touchscreen)"
        role = "ticket_touchscreen"
        terminal = "lay-so"

        \(keypadDevice)
        \(extra)
        """
    }
}
