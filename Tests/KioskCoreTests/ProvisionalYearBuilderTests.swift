import Foundation
import KioskCore
import Testing

/// The provisional year computed from Bộ luật Lao động 2019: the law's holidays, the written rules
/// for the Prime Minister's choices, compensatory days, and no swaps.
@Suite struct ProvisionalYearBuilderTests {
    static let builder = ProvisionalYearBuilder()

    static func daysOff(_ year: Int) throws -> [String] {
        try #require(builder.calendar(for: year)).daysOff.map { "\($0.day) \($0.kind)" }
    }

    @Test func year2027() throws {
        let calendar = try #require(Self.builder.calendar(for: 2027))
        #expect(calendar.origin == .provisional)
        #expect(calendar.isProvisional)
        #expect(calendar.workingDays.isEmpty)
        #expect(
            try Self.daysOff(2027) == [
                "2027-01-01 holiday",  // Friday
                // Tết Đinh Mùi, mùng 1 = Saturday 06/02: Thursday 28 tháng Chạp … Wednesday mùng 5, as 2020 and 2024.
                "2027-02-04 holiday", "2027-02-05 holiday", "2027-02-08 holiday", "2027-02-09 holiday", "2027-02-10 holiday",
                "2027-04-16 holiday",  // Giỗ Tổ, 10/3 âm lịch, Friday
                "2027-04-30 holiday",  // Friday
                "2027-05-01 holiday",  // Saturday …
                "2027-05-03 compensatory",  // … given back on Monday
                "2027-09-02 holiday",  // Thursday, and Friday beside it, as 2021
                "2027-09-03 holiday",
                "2027-11-24 holiday",  // Ngày Văn hóa Việt Nam, Wednesday
            ])
        let eve = try #require(calendar.dayOff(on: LocalDay("2027-02-05")!))
        #expect(eve.entry.note == "Tết Nguyên đán Đinh Mùi – 29 tháng Chạp (Giao thừa)")
        #expect(eve.entry.source.hasPrefix(ProvisionalYearBuilder.sourcePrefix))
        #expect(eve.entry.source.contains("Điều 112 khoản 1 điểm b"))
        #expect(calendar.dayOff(on: LocalDay("2027-04-16")!)?.entry.note == "Giỗ Tổ Hùng Vương (10 tháng 3 năm Đinh Mùi)")
        let given = try #require(calendar.dayOff(on: LocalDay("2027-05-03")!))
        #expect(given.entry.note == "Nghỉ bù Ngày Quốc tế Lao động (trùng thứ Bảy 01/05/2027)")
        #expect(given.entry.source.contains("Điều 111 khoản 3"))
    }

    @Test func nationalDayOnSaturdayAndSunday() throws {
        // 2028: Saturday 2/9 → Friday 1/9 beside it and Monday 4/9 given back, as 2023.
        #expect(try Self.daysOff(2028).filter { $0.hasPrefix("2028-09") } == ["2028-09-01 holiday", "2028-09-02 holiday", "2028-09-04 compensatory"])
        // 2029: Sunday 2/9 → Monday 3/9 beside it, Tuesday 4/9 given back.
        #expect(try Self.daysOff(2029).filter { $0.hasPrefix("2029-09") } == ["2029-09-02 holiday", "2029-09-03 holiday", "2029-09-04 compensatory"])
    }

    @Test func twoHolidaysOnAWeekendGiveTwoDaysBack() throws {
        // 2028: 30/4 Sunday, 1/5 Monday → 30/4 given back on Tuesday 2/5; 1/1 Saturday → Monday 3/1.
        #expect(try Self.daysOff(2028).filter { $0.hasPrefix("2028-05") || $0.hasPrefix("2028-04-30") } == [
            "2028-04-30 holiday", "2028-05-01 holiday", "2028-05-02 compensatory",
        ])
        #expect(try Self.daysOff(2028).prefix(2) == ["2028-01-01 holiday", "2028-01-03 compensatory"])
        // 2033: 30/4 Saturday and 1/5 Sunday → Monday 2/5 and Tuesday 3/5.
        #expect(try Self.daysOff(2033).filter { $0.hasPrefix("2033-05") } == ["2033-05-01 holiday", "2033-05-02 compensatory", "2033-05-03 compensatory"])
    }

    @Test(arguments: [
        ("2020-01-25", ["2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"]),
        ("2021-02-12", ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"]),
        ("2022-02-01", ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"]),
        ("2023-01-22", ["2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"]),
        ("2024-02-10", ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"]),
        ("2025-01-29", ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]),
        ("2026-02-17", ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]),
    ])
    func tetRuleGivesThePastDecisions(_ newYear: String, _ decided: [String]) throws {
        let tet = try #require(LocalDay(newYear))
        #expect(VietnameseLunarCalendar.vietnam.newYear(tet.year) == tet)
        #expect(ProvisionalChoices.tetDays(newYear: tet, weekend: [.saturday, .sunday]) == decided.map { LocalDay($0)! })
    }

    @Test(arguments: [
        (2021, "2021-09-03"), (2022, "2022-09-01"), (2023, "2023-09-01"), (2024, "2024-09-03"), (2025, "2025-09-01"),
        (2026, "2026-09-01"),
    ])
    func nationalDayRuleGivesThePastDecisions(_ year: Int, _ decided: String) throws {
        #expect(ProvisionalChoices.nationalDayNeighbour(of: LocalDay(year: year, month: 9, day: 2)!) == LocalDay(decided))
    }

    /// Every year 1900–2100: five Tết weekdays including mùng 1–3 or the weekend they fall on, a
    /// compensatory weekday for each holiday on a weekend, nothing off twice.
    @Test func everySupportedYearHoldsTheRules() throws {
        let lunar = VietnameseLunarCalendar.vietnam
        for year in ProvisionalYearBuilder.supportedYears {
            let calendar = try #require(Self.builder.calendar(for: year))
            let days = calendar.daysOff.map(\.day)
            #expect(Set(days).count == days.count, "\(year)")
            let tet = calendar.daysOff.filter { $0.entry.note.hasPrefix("Tết Nguyên đán") }
            #expect(tet.count == 5, "\(year)")
            #expect(tet.allSatisfy { ![.saturday, .sunday].contains($0.day.weekday) }, "\(year)")
            let newYear = lunar.newYear(year)
            let span = tet.first!.day.daysSinceEpoch...tet.last!.day.daysSinceEpoch
            for offset in 0..<3 { #expect(span.contains(newYear.daysSinceEpoch + offset), "\(year) mùng \(offset + 1)") }
            let onWeekend = calendar.daysOff.filter { $0.kind == .holiday && [.saturday, .sunday].contains($0.day.weekday) }
            let given = calendar.daysOff.filter { $0.kind == .compensatory }
            #expect(given.count == onWeekend.count, "\(year)")
            #expect(given.allSatisfy { ![.saturday, .sunday].contains($0.day.weekday) }, "\(year)")
            #expect(calendar.daysOff.allSatisfy { $0.day.year == year }, "\(year)")
        }
    }

    @Test func onlyTheTableYearsAreBuilt() {
        #expect(Self.builder.calendar(for: 1899) == nil)
        #expect(Self.builder.calendar(for: 2101) == nil)
        #expect(Self.builder.calendar(for: 1900) != nil)
        #expect(Self.builder.calendar(for: 2100) != nil)
    }

    @Test func aHolidayAddedToTheRulesIsTakenWithItsCompensatoryDay() throws {
        let rules =
            HolidayRule.laborCode2019 + [.solar(month: 6, day: 16, note: "Ngày lễ thử", source: "Văn bản thử", since: 2029)]
        let calendar = try #require(ProvisionalYearBuilder(rules: rules).calendar(for: 2029))
        // 16/6/2029 is a Saturday: off, and Monday 18/6 given back; not a holiday before 2029.
        #expect(calendar.dayOff(on: LocalDay("2029-06-16")!)?.entry.note == "Ngày lễ thử")
        #expect(calendar.dayOff(on: LocalDay("2029-06-18")!)?.kind == .compensatory)
        #expect(try #require(Self.builder.calendar(for: 2029)).dayOff(on: LocalDay("2029-06-18")!) == nil)
        #expect(try #require(ProvisionalYearBuilder(rules: rules).calendar(for: 2028)).dayOff(on: LocalDay("2028-06-16")!) == nil)
    }

    /// Ngày Văn hóa Việt Nam is a holiday from 2026 (Nghị quyết 28/2026/QH16): in 2027 a Wednesday
    /// off; in 2029 a Saturday, given back on Monday 26/11; none before 2026.
    @Test func cultureDayIsAHolidayFrom2026() throws {
        #expect(try #require(Self.builder.calendar(for: 2027)).dayOff(on: LocalDay("2027-11-24")!)?.entry.note == "Ngày Văn hóa Việt Nam")
        let year2029 = try #require(Self.builder.calendar(for: 2029))
        #expect(year2029.dayOff(on: LocalDay("2029-11-24")!)?.kind == .holiday)
        #expect(year2029.dayOff(on: LocalDay("2029-11-26")!)?.kind == .compensatory)
        #expect(try #require(Self.builder.calendar(for: 2025)).dayOff(on: LocalDay("2025-11-24")!) == nil)
    }
}
