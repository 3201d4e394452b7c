import Foundation
import KioskCore
import Testing

/// `LocalDay` weekday and day arithmetic used by the working calendar.
@Suite struct CalendarDayArithmeticTests {
    static func day(_ text: String) throws -> LocalDay {
        try #require(LocalDay(text))
    }

    @Test(arguments: [
        ("1970-01-01", LocalDay.Weekday.thursday),
        ("2025-01-29", .wednesday),  // mùng 1 Tết Ất Tỵ
        ("2025-04-26", .saturday),  // swapped working Saturday
        ("2025-09-01", .monday),
        ("2026-01-10", .saturday),
        ("2026-02-17", .tuesday),  // mùng 1 Tết Bính Ngọ
        ("2026-04-26", .sunday),  // Giỗ Tổ Hùng Vương 2026
        ("2026-08-22", .saturday),
        ("2026-09-02", .wednesday),
        ("2000-02-29", .tuesday),
        ("1900-03-01", .thursday),
    ])
    func weekdayOfKnownDates(_ text: String, _ expected: LocalDay.Weekday) throws {
        #expect(try Self.day(text).weekday == expected)
    }

    @Test func weekdayAgreesWithFoundationForTwoCenturies() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = try Self.day("1950-01-01")
        let end = try Self.day("2150-12-31")
        var count = 0
        while day <= end {
            let date = try #require(calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)))
            // Foundation: 1 = Sunday … 7 = Saturday.
            let foundation = calendar.component(.weekday, from: date)
            #expect(day.weekday.rawValue == (foundation + 5) % 7 + 1, "\(day)")
            day = try #require(day.adding(days: 1))
            count += 1
        }
        #expect(count == 73_414)
    }

    @Test func addingCrossesMonthsYearsAndLeapDays() throws {
        #expect(try Self.day("2025-12-31").next == LocalDay("2026-01-01"))
        #expect(try Self.day("2024-02-28").next == LocalDay("2024-02-29"))
        #expect(try Self.day("2025-02-28").next == LocalDay("2025-03-01"))
        #expect(try Self.day("2026-03-01").adding(days: -1) == LocalDay("2026-02-28"))
        #expect(try Self.day("2026-02-14").adding(days: 8) == LocalDay("2026-02-22"))
        #expect(try Self.day("2026-01-01").adding(days: 365) == LocalDay("2027-01-01"))
        #expect(try Self.day("2026-06-15").adding(days: 0) == LocalDay("2026-06-15"))
    }

    @Test func addingPastTheLastSupportedDayIsNil() throws {
        #expect(try Self.day("9999-12-31").next == nil)
        #expect(try Self.day("0001-01-01").adding(days: -1) == nil)
    }

    @Test func vietnameseNames() throws {
        #expect(LocalDay.Weekday.allCases.map(\.vietnameseName) == [
            "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật",
        ])
        #expect(try Self.day("2026-09-02").vietnameseNumeric == "02/09/2026")
    }
}
