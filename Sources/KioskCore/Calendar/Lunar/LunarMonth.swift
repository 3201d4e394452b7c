/// One month of the lunar calendar: its number, whether it is the leap month, and the solar days
/// it runs over (from one new moon's day to the day before the next).
public struct LunarMonth: Sendable, Hashable, CustomStringConvertible {
    /// The lunar year the month belongs to (see `LunarDate.year`).
    public let year: Int
    public let month: Int
    public let isLeapMonth: Bool
    /// The day of its new moon: mùng 1 of the month.
    public let firstDay: LocalDay
    /// 29 or 30.
    public let length: Int

    public var description: String {
        "\(year)-\(LocalDay.padded(month, 2))\(isLeapMonth ? "L" : "") from \(firstDay), \(length) days"
    }
}
