import Foundation
import KioskCore
import Testing

/// Lunar dates checked by hand against the table's decoding and the Government's notices, and
/// the difference from China's calendar (UTC+8).
@Suite struct VietnameseLunarCalendarKnownDatesTests {
    static let vietnam = VietnameseLunarCalendar.vietnam
    static let china = VietnameseLunarCalendar(timeZone: 8)

    @Test(arguments: [
        (2025, "2025-01-29"),  // Tết Ất Tỵ (2025.toml: mùng 1 Tết Wednesday 29/01)
        (2026, "2026-02-17"),  // Tết Bính Ngọ (2026.toml: mùng 1 Tết Tuesday 17/02)
        (2027, "2027-02-06"),  // Tết Đinh Mùi (table: 0x48d260 >> 17 = 36 days after 1 January)
        (1985, "1985-01-21"),  // table: 0x29aa52 >> 17 = 20
        (2007, "2007-02-17"),  // table: 0x5ea5d0 >> 17 = 47
    ])
    func tet(_ year: Int, _ expected: String) {
        #expect(Self.vietnam.newYear(year) == LocalDay(expected))
    }

    @Test func gioToHungVuong() {
        #expect(Self.vietnam.solarDay(of: LunarDate(year: 2025, month: 3, day: 10)) == LocalDay("2025-04-07"))
        #expect(Self.vietnam.solarDay(of: LunarDate(year: 2026, month: 3, day: 10)) == LocalDay("2026-04-26"))
        #expect(Self.vietnam.solarDay(of: LunarDate(year: 2027, month: 3, day: 10)) == LocalDay("2027-04-16"))
    }

    /// 1985: a new moon close to midnight put the months of winter 1984–85 on other days in UTC+8,
    /// and China's new year came a month after Vietnam's. 2007: the new moon of 17 February was
    /// before midnight in UTC+7 and after it in UTC+8.
    @Test func vietnamAndChinaDifferIn1985And2007() {
        #expect(Self.china.newYear(1985) == LocalDay("1985-02-20"))
        #expect(Self.china.newYear(2007) == LocalDay("2007-02-18"))
        #expect(Self.vietnam.newYear(1985) != Self.china.newYear(1985))
        #expect(Self.vietnam.newYear(2026) == Self.china.newYear(2026))
    }

    @Test func leapMonthOf2023IsTheSecond() {
        let months = Self.vietnam.months(ofYear: 2023)
        #expect(months.count == 13)
        #expect(months.filter(\.isLeapMonth).map(\.month) == [2])
        #expect(Self.vietnam.lunarDate(of: LocalDay("2023-03-22")!) == LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true))
    }

    @Test func impossibleLunarDatesHaveNoSolarDay() {
        #expect(Self.vietnam.solarDay(of: LunarDate(year: 2026, month: 2, day: 1, isLeapMonth: true)) == nil)
        #expect(Self.vietnam.solarDay(of: LunarDate(year: 2026, month: 13, day: 1)) == nil)
        let short = Self.vietnam.months(ofYear: 2026).first { $0.length == 29 }!
        #expect(Self.vietnam.solarDay(of: LunarDate(year: 2026, month: short.month, day: 30, isLeapMonth: short.isLeapMonth)) == nil)
    }

    @Test func canChi() {
        #expect(LunarDate.canChi(ofYear: 2025) == "Ất Tỵ")
        #expect(LunarDate.canChi(ofYear: 2026) == "Bính Ngọ")
        #expect(LunarDate.canChi(ofYear: 2027) == "Đinh Mùi")
        #expect(LunarDate.canChi(ofYear: 1985) == "Ất Sửu")
    }
}
