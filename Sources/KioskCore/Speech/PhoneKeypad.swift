/// A tactile keypad used in speech mode: the device and which of its Linux key codes is which
/// telephone key.
public struct PhoneKeypad: Sendable, Equatable {
    public var path: String
    public var keys: [UInt16: PhoneKey]

    public init(path: String, keys: [UInt16: PhoneKey] = PhoneKeypad.defaultKeys) {
        self.path = path
        self.keys = keys
    }

    /// KEY_NUMERIC_0–9, KEY_NUMERIC_STAR and KEY_NUMERIC_POUND (telephone keypads), and a PC
    /// numeric keypad's KEY_KP0–9 with KEY_KPASTERISK as * and KEY_KPDOT, the key right of 0, as #.
    public static let defaultKeys: [UInt16: PhoneKey] = {
        var keys: [UInt16: PhoneKey] = [:]
        for key in PhoneKey.allCases {
            let names: [String] = switch key {
            case .star: ["KEY_NUMERIC_STAR", "KEY_KPASTERISK"]
            case .pound: ["KEY_NUMERIC_POUND", "KEY_KPDOT"]
            default: ["KEY_NUMERIC_\(key.rawValue)", "KEY_KP\(key.rawValue)"]
            }
            for name in names { keys[KeyCodes.code(named: name)!] = key }
        }
        return keys
    }()
}
