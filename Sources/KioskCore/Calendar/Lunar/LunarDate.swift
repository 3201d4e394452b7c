/// A day of the Vietnamese lunar calendar (âm lịch): the year is the solar year in which its
/// first month begins (Tết of that year), so 12/2025 âm lịch ends in February 2026.
public struct LunarDate: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    /// 1 (tháng Giêng) … 12 (tháng Chạp).
    public let month: Int
    public let day: Int
    /// The leap month (tháng nhuận) that repeats `month`.
    public let isLeapMonth: Bool

    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// e.g. "10/3 âm lịch năm Bính Ngọ", "1/4 nhuận âm lịch năm Quý Mão".
    public var vietnamese: String {
        "\(day)/\(month)\(isLeapMonth ? " nhuận" : "") âm lịch năm \(LunarDate.canChi(ofYear: year))"
    }

    /// e.g. "2026-03-10" or "2023-02L-01" for a day of a leap month.
    public var description: String {
        "\(LocalDay.padded(year, 4))-\(LocalDay.padded(month, 2))\(isLeapMonth ? "L" : "")-\(LocalDay.padded(day, 2))"
    }

    /// The sexagenary name of a lunar year (e.g. 2026 → "Bính Ngọ", 2027 → "Đinh Mùi").
    public static func canChi(ofYear year: Int) -> String {
        let stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
        let branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
        return stems[((year + 6) % 10 + 10) % 10] + " " + branches[((year + 8) % 12 + 12) % 12]
    }
}
