import Foundation
import KioskCore
import Testing

/// The computed lunar calendar against Hồ Ngọc Đức's published year table
/// (`Tests/Fixtures/lunar/hnd-year-codes.txt`, cited in the README beside it): every month start,
/// leap month and month length of every lunar year 1900–2100, and each year's Tết and Giỗ Tổ.
@Suite struct VietnameseLunarCalendarTableTests {
    struct PublishedMonth: Equatable, CustomStringConvertible {
        let month: Int
        let isLeap: Bool
        let firstDay: LocalDay
        let length: Int
        var description: String { "\(month)\(isLeap ? "L" : "") from \(firstDay), \(length) days" }
    }

    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lunar/hnd-year-codes.txt")

    /// Year → code, from the fixture.
    static func codes() throws -> [Int: Int] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        var codes: [Int: Int] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            let year = try #require(Int(fields[0]))
            let code = try #require(Int(fields[1].dropFirst(2), radix: 16))
            codes[year] = code
        }
        return codes
    }

    /// The months of lunar `year` as the table says (the script's `decodeLunarYear`).
    static func decode(year: Int, code: Int) throws -> [PublishedMonth] {
        let tetOffset = code >> 17
        let leapMonth = code & 0xf
        let leapLength = (code >> 16) & 1 == 1 ? 30 : 29
        var lengths: [Int] = []
        for month in 1...12 { lengths.append((code >> (16 - month)) & 1 == 1 ? 30 : 29) }
        var day = try #require(LocalDay(year: year, month: 1, day: 1)?.adding(days: tetOffset))
        var months: [PublishedMonth] = []
        for month in 1...12 {
            months.append(PublishedMonth(month: month, isLeap: false, firstDay: day, length: lengths[month - 1]))
            day = try #require(day.adding(days: lengths[month - 1]))
            if month == leapMonth {
                months.append(PublishedMonth(month: month, isLeap: true, firstDay: day, length: leapLength))
                day = try #require(day.adding(days: leapLength))
            }
        }
        return months
    }

    @Test func fixtureHasEveryYearOfTheSupportedRange() throws {
        let codes = try Self.codes()
        #expect(codes.count == 300)
        for year in VietnameseLunarCalendar.supportedYears { #expect(codes[year] != nil, "\(year)") }
    }

    /// Month starts where the table and the computation disagree, each a new moon within minutes
    /// of local midnight (the fraction of the day after midnight, UTC+8 before 1968, UTC+7 after).
    /// Before 1968 the table follows the almanacs then in use, which did not always date such a new
    /// moon as the astronomy does; 2054's new moon is 22 seconds after midnight, less than the
    /// uncertainty of ΔT that far ahead. Nothing else differs; UTC+7 for every year, for one,
    /// moves dozens of months before 1968.
    static let knownDifferences = [
        "1906-04: table 1906-04-23, computed 1906-04-24",  // new moon 00:06 UTC+8
        "1914-10: table 1914-11-17, computed 1914-11-18",  // 00:02 UTC+8
        "1916-01: table 1916-02-03, computed 1916-02-04",  // 00:05 UTC+8 (Tết 1916)
        "1920-10: table 1920-11-10, computed 1920-11-11",  // 00:05 UTC+8
        "1925-01: table 1925-01-25, computed 1925-01-24",  // 22:45 UTC+8 (Tết 1925)
        "2054-04: table 2054-05-07, computed 2054-05-08",  // 00:00:22 UTC+7
    ]

    @Test func everyMonthOf1900To2100MatchesThePublishedTable() throws {
        let codes = try Self.codes()
        let calendar = VietnameseLunarCalendar.vietnam
        var monthsCompared = 0
        var differences: [String] = []
        for year in VietnameseLunarCalendar.supportedYears {
            let published = try Self.decode(year: year, code: try #require(codes[year]))
            let computed = calendar.months(ofYear: year)
            #expect(computed.map(\.month) == published.map(\.month), "months of lunar year \(year)")
            #expect(computed.map(\.isLeapMonth) == published.map(\.isLeap), "leap month of lunar year \(year)")
            for (ours, theirs) in zip(computed, published) where ours.firstDay != theirs.firstDay {
                let name = "\(year)-\(ours.month < 10 ? "0" : "")\(ours.month)\(ours.isLeapMonth ? "L" : "")"
                differences.append("\(name): table \(theirs.firstDay), computed \(ours.firstDay)")
            }
            monthsCompared += published.count
        }
        #expect(differences == Self.knownDifferences)
        // 201 years of 12 months, plus the 74 leap months the table has in them.
        #expect(monthsCompared == 201 * 12 + 74)
    }

    /// Month lengths follow from the starts; checked on their own for the years 1968–2100 that
    /// the law's holidays are computed in, where only 2054's fourth month differs.
    @Test func monthLengthsFrom1968MatchThePublishedTable() throws {
        let codes = try Self.codes()
        var differing: [String] = []
        for year in 1968...2100 {
            let published = try Self.decode(year: year, code: try #require(codes[year]))
            let computed = VietnameseLunarCalendar.vietnam.months(ofYear: year)
            for (ours, theirs) in zip(computed, published) where ours.length != theirs.length {
                differing.append("\(year)-\(ours.month)\(ours.isLeapMonth ? "L" : "")")
            }
        }
        #expect(differing == ["2054-3", "2054-4"])
    }

    @Test func tetAndGioToEveryYearMatchThePublishedTable() throws {
        let codes = try Self.codes()
        let calendar = VietnameseLunarCalendar.vietnam
        var tetDifferences: [Int] = []
        for year in VietnameseLunarCalendar.supportedYears {
            let published = try Self.decode(year: year, code: try #require(codes[year]))
            let tet = published[0].firstDay
            let month3 = try #require(published.first { $0.month == 3 && !$0.isLeap })
            let gioTo = try #require(month3.firstDay.adding(days: 9))
            if calendar.newYear(year) != tet { tetDifferences.append(year) }
            #expect(calendar.solarDay(of: LunarDate(year: year, month: 1, day: 1)) == calendar.newYear(year))
            #expect(calendar.solarDay(of: LunarDate(year: year, month: 3, day: 10)) == gioTo, "Giỗ Tổ \(year)")
            #expect(calendar.lunarDate(of: gioTo) == LunarDate(year: year, month: 3, day: 10), "Giỗ Tổ \(year)")
            let eve = try #require(calendar.newYear(year).adding(days: -1))
            #expect(calendar.lunarDate(of: eve).year == year - 1, "giao thừa \(year)")
        }
        // The two Tết of `knownDifferences`; every Tết and Giỗ Tổ from 1926 on agrees.
        #expect(tetDifferences == [1916, 1925])
    }

    @Test func everyDayOfTwoYearsRoundTrips() throws {
        let calendar = VietnameseLunarCalendar.vietnam
        var day = try #require(LocalDay("2026-01-01"))
        while day.year < 2028 {
            let lunar = calendar.lunarDate(of: day)
            #expect(calendar.solarDay(of: lunar) == day, "\(day) → \(lunar)")
            day = try #require(day.next)
        }
    }
}
