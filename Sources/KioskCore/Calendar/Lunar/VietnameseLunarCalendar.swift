/// The Vietnamese lunar calendar (âm lịch), computed astronomically by Hồ Ngọc Đức's rules
/// ("Âm lịch Việt Nam"):
///
/// - a month begins on the local day of a new moon;
/// - month 11 is the month containing the winter solstice;
/// - when 13 months lie between two months 11, the first of them (after month 11) that contains
///   no major solar term (the sun's longitude crossing a multiple of 30°) is the leap month and
///   repeats the number of the month before it.
///
/// "Local" is UTC+7 from 1968 on; before 1968 Vietnam's calendar was reckoned, like China's, on
/// the meridian of UTC+8, and Hồ Ngọc Đức's tables follow both. China's calendar keeps UTC+8, so
/// a new moon shortly before midnight in Hà Nội falls on the next day in Beijing: Tết 1985 was
/// 21 January in Vietnam and 20 February in China. Checked against his published tables for
/// every month of 1900–2100 (`supportedYears`).
public struct VietnameseLunarCalendar: Sendable {
    /// Hours east of UTC from `switchDay` on.
    public let timeZone: Double
    /// Hours east of UTC before `switchDay`.
    public let earlierTimeZone: Double
    /// The Julian day number from which `timeZone` applies.
    let switchDay: Int

    /// The lunar years whose every month has been checked against the published table.
    public static let supportedYears: ClosedRange<Int> = 1900...2100

    /// Vietnam's calendar, the one the Labour Code's lunar holidays follow: UTC+7 from
    /// 1 January 1968, UTC+8 before.
    public static let vietnam = VietnameseLunarCalendar(timeZone: 7, earlierTimeZone: 8, switchingOn: LocalDay(year: 1968, month: 1, day: 1)!)

    /// One time zone for every year (e.g. 8 for China's calendar).
    public init(timeZone: Double) {
        self.init(timeZone: timeZone, earlierTimeZone: timeZone, switchingOn: LocalDay(year: 1, month: 1, day: 1)!)
    }

    public init(timeZone: Double, earlierTimeZone: Double, switchingOn day: LocalDay) {
        self.timeZone = timeZone
        self.earlierTimeZone = earlierTimeZone
        self.switchDay = LunarAstronomy.julianDay(day)
    }

    /// The months of lunar `year`, tháng Giêng first, 12 or 13 of them.
    public func months(ofYear year: Int) -> [LunarMonth] {
        (cycle(startingInMonth11Of: year - 1) + cycle(startingInMonth11Of: year)).filter { $0.year == year }
    }

    /// The solar day of a lunar date, or nil when it does not exist (a 30th in a 29-day month, a
    /// leap month the year has not, a month out of 1…12).
    public func solarDay(of date: LunarDate) -> LocalDay? {
        guard (1...12).contains(date.month), date.day >= 1,
            let month = months(ofYear: date.year).first(where: { $0.month == date.month && $0.isLeapMonth == date.isLeapMonth }),
            date.day <= month.length
        else { return nil }
        return month.firstDay.adding(days: date.day - 1)
    }

    /// The lunar date of a solar day.
    public func lunarDate(of day: LocalDay) -> LunarDate {
        let jd = LunarAstronomy.julianDay(day)
        let start = jd >= month11Day(ofYear: day.year) ? day.year : day.year - 1
        let month = cycle(startingInMonth11Of: start).last { LunarAstronomy.julianDay($0.firstDay) <= jd }!
        return LunarDate(
            year: month.year, month: month.month, day: jd - LunarAstronomy.julianDay(month.firstDay) + 1,
            isLeapMonth: month.isLeapMonth)
    }

    /// Tết Nguyên đán (mùng 1 tháng Giêng) of a year.
    public func newYear(_ year: Int) -> LocalDay {
        months(ofYear: year)[0].firstDay
    }

    /// The months from month 11 of lunar `year` up to, not including, month 11 of the next year.
    func cycle(startingInMonth11Of year: Int) -> [LunarMonth] {
        let a11 = month11Day(ofYear: year)
        let b11 = month11Day(ofYear: year + 1)
        let k = Int(((Double(a11) - 2_451_550.09766) / 29.530588861).rounded())
        let count = b11 - a11 > 365 ? 13 : 12
        let leapOffset = count == 13 ? leapMonthOffset(k: k) : nil
        var months: [LunarMonth] = []
        var lunarYear = year
        for offset in 0..<count {
            let start = newMoonDay(k + offset)
            let end = offset == count - 1 ? b11 : newMoonDay(k + offset + 1)
            var number = 11 + offset
            var isLeap = false
            if let leapOffset, offset >= leapOffset {
                number -= 1
                isLeap = offset == leapOffset
            }
            number = (number - 1) % 12 + 1
            if number == 1 && !isLeap { lunarYear = year + 1 }
            months.append(
                LunarMonth(
                    year: lunarYear, month: number, isLeapMonth: isLeap, firstDay: LunarAstronomy.localDay(julianDay: start),
                    length: end - start))
        }
        return months
    }

    /// The Julian day number of the first day of month 11 of lunar `year`: the month in which the
    /// winter solstice of solar `year` falls.
    func month11Day(ofYear year: Int) -> Int {
        let lastDay = LunarAstronomy.julianDay(LocalDay(year: year, month: 12, day: 31)!)
        let k = Int(((Double(lastDay) - 2_451_550.09766) / 29.530588861).rounded(.down))
        let newMoon = newMoonDay(k)
        // At or past 270° (segment 9) the solstice came before this new moon: month 11 began at the previous one.
        return sunSegment(atStartOf: newMoon) >= 9 ? newMoonDay(k - 1) : newMoon
    }

    /// The offset from month 11 (new moon `k`) of the first month without a major solar term.
    func leapMonthOffset(k: Int) -> Int {
        var offset = 1
        var last = sunSegment(atStartOf: newMoonDay(k + 1))
        while offset < 13 {
            let next = sunSegment(atStartOf: newMoonDay(k + offset + 1))
            if next == last { return offset }
            last = next
            offset += 1
        }
        return offset
    }

    /// The Julian day number of the local day on which new moon `k` falls.
    func newMoonDay(_ k: Int) -> Int {
        let instant = LunarAstronomy.newMoon(k)
        let day = Int((instant + 0.5 + timeZone / 24).rounded(.down))
        return day >= switchDay ? day : Int((instant + 0.5 + earlierTimeZone / 24).rounded(.down))
    }

    /// Which 30° segment (0 = from the spring equinox, … 11) the sun is in at the start (00:00
    /// local time) of a day: a month in which this does not change contains no major solar term.
    func sunSegment(atStartOf julianDay: Int) -> Int {
        let zone = julianDay >= switchDay ? timeZone : earlierTimeZone
        return Int((LunarAstronomy.sunLongitude(Double(julianDay) - 0.5 - zone / 24) / Double.pi * 6).rounded(.down))
    }
}
