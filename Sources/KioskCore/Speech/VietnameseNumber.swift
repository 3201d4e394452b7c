/// Numbers as Vietnamese people say them, for everything the kiosk speaks: counts and counter
/// numbers as numbers ("hai mươi mốt", "một trăm linh năm"), ticket digits one by one.
public enum VietnameseNumber {
    /// How the empty tens of 105 are said: "linh" (the North, the default) or "lẻ" (the South).
    public enum ZeroTens: String, Sendable, Equatable {
        case linh
        case le = "lẻ"
    }

    static let digitWords = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// One digit, 0–9, as it is read in a ticket or telephone number: 4 is "bốn", 5 "năm".
    public static func digit(_ value: Int) -> String {
        digitWords[value]
    }

    /// 0 to 999,999,999: "mười lăm", "hai mươi tư", "một trăm linh năm", "hai nghìn không trăm hai mươi tư".
    public static func cardinal(_ value: Int, zeroTens: ZeroTens = .linh) -> String {
        precondition((0..<1_000_000_000).contains(value), "spoken numbers go up to 999,999,999")
        if value == 0 { return digitWords[0] }
        let groups = [value % 1000, value / 1000 % 1000, value / 1_000_000]
        let scale = ["", "nghìn", "triệu"]
        let highest = groups.lastIndex { $0 != 0 }!
        var words: [String] = []
        for index in stride(from: highest, through: 0, by: -1) where groups[index] != 0 {
            // Below a higher group, the hundreds are said even when nil: 1005 is "một nghìn không trăm linh năm".
            words += hundreds(groups[index], sayEmptyHundreds: index < highest, zeroTens: zeroTens)
            if !scale[index].isEmpty { words.append(scale[index]) }
        }
        return words.joined(separator: " ")
    }

    private static func hundreds(_ value: Int, sayEmptyHundreds: Bool, zeroTens: ZeroTens) -> [String] {
        let (hundred, ten, unit) = (value / 100, value / 10 % 10, value % 10)
        var words: [String] = []
        let hasHundreds = hundred > 0 || sayEmptyHundreds
        if hasHundreds { words += [digitWords[hundred], "trăm"] }
        switch ten {
        case 0:
            if unit > 0 {
                if hasHundreds { words.append(zeroTens.rawValue) }
                words.append(digitWords[unit])
            }
        case 1:
            words.append("mười")
            if unit > 0 { words.append(unit == 5 ? "lăm" : digitWords[unit]) }
        default:
            words += [digitWords[ten], "mươi"]
            switch unit {
            case 0: break
            case 1: words.append("mốt")
            case 4: words.append("tư")
            case 5: words.append("lăm")
            default: words.append(digitWords[unit])
            }
        }
        return words
    }
}
