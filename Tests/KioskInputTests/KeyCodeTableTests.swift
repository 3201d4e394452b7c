import CEvdev
import KioskCore
import Testing

/// KioskCore's key table (written by tools/keycodes/generate.py from the kernel header) against
/// libevdev's own: the office file's key names mean what the device reports.
struct KeyCodeTableTests {
    @Test func everyKeyLibevdevNamesHasTheSameCodeInTheTable() {
        var named = 0
        for code in UInt32(1)..<UInt32(0x2ff) {
            guard let cName = libevdev_event_code_get_name(UInt32(EV_KEY), code) else { continue }
            let name = String(cString: cName)
            guard name.hasPrefix("KEY_") || name.hasPrefix("BTN_") else { continue }
            named += 1
            #expect(KeyCodes.code(named: name) == UInt16(code), "\(name)")
            #expect(KeyCodes.name(of: UInt16(code)) != nil, "code \(code) (\(name)) has no name in the table")
        }
        #expect(named > 500)
    }

    @Test func namesLibevdevResolvesResolveToTheSameCode() {
        for name in ["KEY_KP0", "KEY_KP1", "KEY_KP9", "KEY_KPENTER", "KEY_KPASTERISK", "KEY_NUMLOCK", "KEY_ENTER", "BTN_TOUCH", "KEY_F24"] {
            let code = libevdev_event_code_from_name(UInt32(EV_KEY), name)
            #expect(code >= 0, "\(name)")
            #expect(KeyCodes.code(named: name).map(Int32.init) == code, "\(name)")
        }
    }
}
