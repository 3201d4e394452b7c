import Foundation
import KioskTestSupport

/// An office with an entrance ticket touchscreen and keypad printing on a private CUPS queue
/// (`TicketOfficeTOML`).
enum TicketOffice {
    static let queue = TicketOfficeTOML.queue

    static func config(_ evdev: FakeEvdev, cups: String, extra: String = "") -> String {
        TicketOfficeTOML.config(
            touchscreen: evdev.devicePath("ticket-touch"), keypad: evdev.devicePath("ticket-pad"), cupsServer: cups, extra: extra)
    }
}
