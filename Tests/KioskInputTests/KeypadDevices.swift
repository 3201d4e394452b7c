import Foundation
import KioskCore
import KioskTestSupport

/// The kinds of keypad kioskd meets, as their drivers report them, for tests that run over every
/// keypad (as the touch tests run over every panel): a USB numeric keypad (MSC_SCAN before each
/// key, a NumLock LED), the same pad where every key comes wrapped in a NumLock press and release,
/// and a 12-key telephone keypad on a key matrix (KEY_NUMERIC_*, no scan codes, no LED, no NumLock).
struct KeypadDevice: Sendable, CustomStringConvertible {
    var name: String
    private var evemu: Evemu
    var sendsScanCodes: Bool
    var wrapsKeysInNumLock: Bool
    var hasNumLock: Bool
    var one: UInt16
    var five: UInt16
    /// A third key, the one at the bottom right.
    var last: UInt16

    var description: String { name }

    private enum Evemu {
        case shipped(String)
        case written(name: String, text: String)
    }

    /// The evemu description fake-evdev makes the device from.
    func descriptionFile() throws -> URL {
        switch evemu {
        case .shipped(let file):
            return RepositoryPaths.deviceDescription(file)
        case .written(let name, let text):
            let file = try RepositoryPaths.temporaryDirectory("keypad").appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file
        }
    }

    /// The frames a key going down sends, all stamped `time` (a wrapping pad's NumLock tap first);
    /// nil: stamped by the device as it sends them, as the kernel stamps a real key.
    func press(_ code: UInt16, at time: Double?) -> [ScriptedEvent] {
        (wrapsKeysInNumLock ? numLockTap(at: time) : []) + frame(code, 1, at: time)
    }

    /// An auto-repeat of a held key.
    func repeated(_ code: UInt16, at time: Double) -> [ScriptedEvent] {
        frame(code, 2, at: time)
    }

    /// The frames a key going up sends (a wrapping pad's NumLock tap after).
    func release(_ code: UInt16, at time: Double) -> [ScriptedEvent] {
        frame(code, 0, at: time) + (wrapsKeysInNumLock ? numLockTap(at: time) : [])
    }

    private func frame(_ code: UInt16, _ value: Int32, at time: Double?) -> [ScriptedEvent] {
        let scan = sendsScanCodes ? [ScriptedEvent(4, 4, Int32(code), time: time)] : []
        return scan + [ScriptedEvent(1, code, value, time: time), ScriptedEvent(0, 0, 0, time: time)]
    }

    private func numLockTap(at time: Double?) -> [ScriptedEvent] {
        frame(KeyCodes.numLock, 1, at: time) + frame(KeyCodes.numLock, 0, at: time)
    }

    private static func key(_ name: String) -> UInt16 { KeyCodes.code(named: name)! }

    static let all: [KeypadDevice] = [
        KeypadDevice(
            name: "USB numeric keypad", evemu: .shipped("keypad.prop"), sendsScanCodes: true, wrapsKeysInNumLock: false,
            hasNumLock: true, one: key("KEY_KP1"), five: key("KEY_KP5"), last: key("KEY_KPENTER")),
        KeypadDevice(
            name: "USB numeric keypad wrapping every key in NumLock", evemu: .shipped("keypad.prop"), sendsScanCodes: true,
            wrapsKeysInNumLock: true, hasNumLock: true, one: key("KEY_KP1"), five: key("KEY_KP5"), last: key("KEY_KPENTER")),
        KeypadDevice(
            name: "12-key telephone keypad on a key matrix", evemu: .written(name: "telephone-keypad.prop", text: telephoneKeypad),
            sendsScanCodes: false, wrapsKeysInNumLock: false, hasNumLock: false,
            one: key("KEY_NUMERIC_1"), five: key("KEY_NUMERIC_5"), last: key("KEY_NUMERIC_POUND")),
    ]

    static let withNumLock = all.filter(\.hasNumLock)

    /// Made up (not a recording), as the matrix-keypad driver with autorepeat describes a 4×3
    /// matrix: KEY_NUMERIC_0–9 (0x200–0x209), KEY_NUMERIC_STAR and KEY_NUMERIC_POUND; EV_REP.
    private static let telephoneKeypad = """
        # EVEMU 1.3
        N: Fake Matrix Telephone Keypad
        I: 0019 0001 0001 0100
        P: 00 00 00 00 00 00 00 00
        B: 00 0b 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 ff 0f 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 01 00 00 00 00 00 00 00 00
        B: 02 00 00 00 00 00 00 00 00
        B: 03 00 00 00 00 00 00 00 00
        B: 04 00 00 00 00 00 00 00 00
        B: 05 00 00 00 00 00 00 00 00
        B: 11 00 00 00 00 00 00 00 00
        B: 12 00 00 00 00 00 00 00 00
        B: 14 03 00 00 00 00 00 00 00
        B: 15 00 00 00 00 00 00 00 00
        B: 15 00 00 00 00 00 00 00 00

        """
}
