/// One public holiday of the law, as a rule that dates it in any year. A provisional year is
/// built from a list of these (`HolidayRule.inForce`); a holiday the law adds later is one more
/// element, with the first year it applies.
public enum HolidayRule: Sendable, Hashable {
    /// A fixed day of the solar calendar, a holiday from the year `since` on.
    case solar(month: Int, day: Int, note: String, source: String, since: Int = 1)
    /// A fixed day of the Vietnamese lunar calendar (its year is the solar year's lunar year).
    case lunar(month: Int, day: Int, note: String, source: String)
    /// Tết Âm lịch: five days the Prime Minister fixes each year; see `ProvisionalChoices.tetDays`.
    case lunarNewYear(source: String)
    /// Quốc khánh: 2/9 and one day before or after it the Prime Minister fixes; see
    /// `ProvisionalChoices.nationalDayNeighbour`.
    case nationalDay(source: String)

    /// Bộ luật Lao động 2019 (Luật số 45/2019/QH14), Điều 112 khoản 1, the holidays of every
    /// year, in the order the article lists them.
    public static let laborCode2019: [HolidayRule] = [
        .solar(month: 1, day: 1, note: "Tết Dương lịch", source: "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a"),
        .lunarNewYear(source: "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b và khoản 3"),
        .solar(
            month: 4, day: 30, note: "Ngày Chiến thắng (Ngày Giải phóng miền Nam, thống nhất đất nước)",
            source: "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c"),
        .solar(month: 5, day: 1, note: "Ngày Quốc tế Lao động", source: "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d"),
        .nationalDay(source: "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ và khoản 3"),
        .lunar(month: 3, day: 10, note: "Giỗ Tổ Hùng Vương", source: "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e"),
    ]

    /// The holidays in force: the Labour Code's, and Ngày Văn hóa Việt Nam (24/11) from 2026, a day
    /// off with full pay under Nghị quyết 28/2026/QH16 of the National Assembly (in force 01/07/2026).
    public static let inForce: [HolidayRule] =
        laborCode2019 + [
            .solar(
                month: 11, day: 24, note: "Ngày Văn hóa Việt Nam",
                source: "Nghị quyết 28/2026/QH16 của Quốc hội về phát triển văn hóa Việt Nam (hiệu lực 01/07/2026)", since: 2026)
        ]
}
