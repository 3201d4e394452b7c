/// A year's calendar computed from the law when no official file for it exists, so that a slip
/// whose return date falls in next year can still be printed (marked provisional) before the
/// Government publishes that year's decisions.
///
/// The holidays are those of `rules` (Bộ luật Lao động 2019, Điều 112 khoản 1, and Ngày Văn hóa
/// Việt Nam from 2026: `HolidayRule.inForce`); the days the Prime
/// Minister chooses follow `ProvisionalChoices`; a holiday on a weekly rest day gives a
/// compensatory day off on the next working day that is not already off (Điều 111 khoản 3).
///
/// No swaps (làm bù) are guessed. The law does not provide for them; the Government decides them
/// case by case (2025: Friday 2/5 for Saturday 26/4; 2026: Friday 2/1 for Saturday 10/1 and
/// Monday 31/8 for Saturday 22/8; none around Tết in either year), and a guessed working Saturday
/// could give an appointment on a day the office is closed. The price: a count that crosses a
/// swap decided later may end one working day off, which the official file corrects.
public struct ProvisionalYearBuilder: Sendable {
    public let rules: [HolidayRule]
    public let weekend: Set<LocalDay.Weekday>
    public let lunar: VietnameseLunarCalendar

    /// The years it builds: those whose lunar calendar was checked against the published table.
    public static let supportedYears = VietnameseLunarCalendar.supportedYears

    /// Marks every source: the day is the law's, its date a rule's until the year's file exists.
    public static let sourcePrefix = "Lịch tạm tính (chưa có quyết định của năm): "

    public init(
        rules: [HolidayRule] = HolidayRule.inForce, weekend: Set<LocalDay.Weekday> = [.saturday, .sunday],
        lunar: VietnameseLunarCalendar = .vietnam
    ) {
        self.rules = rules
        self.weekend = weekend
        self.lunar = lunar
    }

    /// The provisional calendar of `year`, or nil outside `supportedYears`.
    public func calendar(for year: Int) -> YearCalendar? {
        guard Self.supportedYears.contains(year) else { return nil }
        var holidays: [LocalDay: CalendarEntry] = [:]
        for entry in rules.flatMap({ self.holidays(of: $0, in: year) }) {
            if let earlier = holidays[entry.day] {
                // Two holidays on one day are one day off.
                holidays[entry.day] = CalendarEntry(
                    day: entry.day, note: earlier.note + "; " + entry.note, source: earlier.source + "; " + entry.source)
            } else {
                holidays[entry.day] = entry
            }
        }
        var daysOff = holidays.values.map { DayOff(kind: .holiday, entry: $0) }
        var taken = Set(holidays.keys)
        for holiday in holidays.values.sorted(by: { $0.day < $1.day }) where weekend.contains(holiday.day.weekday) {
            var day = holiday.day.next!
            while weekend.contains(day.weekday) || taken.contains(day) { day = day.next! }
            taken.insert(day)
            let note = "Nghỉ bù \(holiday.note) (trùng \(holiday.day.weekday.vietnameseName) \(holiday.day.vietnameseNumeric))"
            daysOff.append(
                DayOff(
                    kind: .compensatory,
                    entry: CalendarEntry(
                        day: day, note: note,
                        source: Self.sourcePrefix + "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù khi ngày nghỉ hằng tuần trùng ngày lễ, tết)")))
        }
        return YearCalendar(year: year, daysOff: daysOff, workingDays: [], origin: .provisional)
    }

    /// The holidays one rule gives in `year`.
    func holidays(of rule: HolidayRule, in year: Int) -> [CalendarEntry] {
        switch rule {
        case .solar(let month, let day, let note, let source, let since):
            guard year >= since, let date = LocalDay(year: year, month: month, day: day) else { return [] }
            return [CalendarEntry(day: date, note: note, source: Self.sourcePrefix + source)]
        case .lunar(let month, let day, let note, let source):
            guard let date = lunar.solarDay(of: LunarDate(year: year, month: month, day: day)) else { return [] }
            let named = "\(note) (\(day) tháng \(month) năm \(LunarDate.canChi(ofYear: year)))"
            return [CalendarEntry(day: date, note: named, source: Self.sourcePrefix + source)]
        case .lunarNewYear(let source):
            let name = "Tết Nguyên đán \(LunarDate.canChi(ofYear: year))"
            let rule = "5 ngày làm việc từ ngày làm việc đầu tiên kể từ 2 ngày trước mùng 1 Tết, như các năm 2020–2026"
            return ProvisionalChoices.tetDays(newYear: lunar.newYear(year), weekend: weekend).map { day in
                CalendarEntry(day: day, note: "\(name) – \(tetDayName(day))", source: Self.sourcePrefix + source + "; " + rule)
            }
        case .nationalDay(let source):
            let nationalDay = LocalDay(year: year, month: 9, day: 2)!
            let neighbour = ProvisionalChoices.nationalDayNeighbour(of: nationalDay)
            let side = neighbour < nationalDay ? "trước" : "sau"
            let rule = "ngày liền kề nối với ngày nghỉ hằng tuần, như các năm 2021–2026"
            return [
                CalendarEntry(day: nationalDay, note: "Quốc khánh", source: Self.sourcePrefix + "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ"),
                CalendarEntry(day: neighbour, note: "Quốc khánh – ngày liền kề \(side) 2/9", source: Self.sourcePrefix + source + "; " + rule),
            ]
        }
    }

    /// "28 tháng Chạp", "29 tháng Chạp (Giao thừa)", "mùng 1 Tết".
    func tetDayName(_ day: LocalDay) -> String {
        let date = lunar.lunarDate(of: day)
        if date.month == 1 && !date.isLeapMonth { return "mùng \(date.day) Tết" }
        let isEve = lunar.lunarDate(of: day.next!).month == 1
        return "\(date.day) tháng Chạp\(isEve ? " (Giao thừa)" : "")"
    }
}
