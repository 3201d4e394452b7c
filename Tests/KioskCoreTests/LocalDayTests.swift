import Foundation
import KioskCore
import Testing

@Suite struct LocalDayTests {
    static let hoChiMinhCity = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let utc = TimeZone(identifier: "UTC")!

    static func instant(_ iso8601: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: iso8601))
    }

    @Test func parsesYearMonthDay() throws {
        let day = try #require(LocalDay("2026-11-22"))
        #expect(day.year == 2026)
        #expect(day.month == 11)
        #expect(day.day == 22)
        #expect(day.description == "2026-11-22")
    }

    @Test func descriptionPadsWithZeros() throws {
        #expect(try #require(LocalDay(year: 987, month: 1, day: 5)).description == "0987-01-05")
        let parsed = try #require(LocalDay("0987-01-05"))
        #expect(parsed == LocalDay(year: 987, month: 1, day: 5))
    }

    @Test(arguments: ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32"])
    func impossibleDatesAreRejected(_ text: String) {
        #expect(LocalDay(text) == nil)
    }

    @Test func leapDayIsAccepted() throws {
        #expect(try #require(LocalDay("2024-02-29")).description == "2024-02-29")
        #expect(LocalDay(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDay(year: 1900, month: 2, day: 29) == nil)
    }

    @Test(arguments: ["", "2026-1-05", "26-01-05", "2026/01/05", "2026-01-05x", "2026-01-05-01", "2026-01", "abcd-01-05", "20260105"])
    func malformedTextIsRejected(_ text: String) {
        #expect(LocalDay(text) == nil)
    }

    /// `Int("+1")` is 1, but "+1" is not the two digits of a month.
    @Test(arguments: ["2026-+1-05", "2026-01-+5", "+026-01-05", "2026- 1-05"])
    func fieldsThatAreNotAllDigitsAreRejected(_ text: String) {
        #expect(LocalDay(text) == nil)
    }

    @Test func yearsOutsideOneToNineThousandNineHundredNinetyNineAreRejected() {
        #expect(LocalDay(year: 0, month: 1, day: 1) == nil)
        #expect(LocalDay(year: 10000, month: 1, day: 1) == nil)
        #expect(LocalDay("0000-06-15") == nil)
        #expect(LocalDay(year: 9999, month: 12, day: 31) != nil)
    }

    @Test func daysSortByYearThenMonthThenDay() throws {
        let days = try ["2027-01-01", "2026-11-22", "2026-02-01", "2026-11-21", "2026-01-31"].map { try #require(LocalDay($0)) }
        #expect(days.sorted().map(\.description) == ["2026-01-31", "2026-02-01", "2026-11-21", "2026-11-22", "2027-01-01"])
        #expect(LocalDay("2026-11-21")! < LocalDay("2026-11-22")!)
        #expect(!(LocalDay("2026-11-22")! < LocalDay("2026-11-22")!))
    }

    @Test func midnightInHoChiMinhCityIsFivePMUTCTheDayBefore() throws {
        let midnight = try Self.instant("2026-11-21T17:00:00Z")
        #expect(LocalDay(midnight, in: Self.hoChiMinhCity) == LocalDay("2026-11-22"))
        #expect(LocalDay(midnight, in: Self.utc) == LocalDay("2026-11-21"))
    }

    @Test func oneSecondBeforeMidnightInHoChiMinhCityIsStillTheDayBefore() throws {
        let lastSecond = try Self.instant("2026-11-21T16:59:59Z")
        #expect(LocalDay(lastSecond, in: Self.hoChiMinhCity) == LocalDay("2026-11-21"))
    }

    @Test func newYearInHoChiMinhCityStartsAtFivePMOnDecemberThirtyFirstUTC() throws {
        #expect(LocalDay(try Self.instant("2026-12-31T17:00:00Z"), in: Self.hoChiMinhCity) == LocalDay("2027-01-01"))
        #expect(LocalDay(try Self.instant("2026-12-31T16:59:59Z"), in: Self.hoChiMinhCity) == LocalDay("2026-12-31"))
    }
}
