/// A key of the 12-key telephone layout (ITU-T E.161) of a tactile keypad: 1 2 3 / 4 5 6 /
/// 7 8 9 / * 0 #, with a raised dot on 5.
public enum PhoneKey: String, Sendable, Equatable, Hashable, CaseIterable {
    case one = "1", two = "2", three = "3", four = "4", five = "5", six = "6", seven = "7", eight = "8", nine = "9"
    case zero = "0"
    case star = "*"
    case pound = "#"

    /// 1–9 for the digit keys that choose from a menu; nil for 0, * and #.
    public var menuNumber: Int? {
        switch self {
        case .zero, .star, .pound: nil
        default: Int(rawValue)
        }
    }
}
