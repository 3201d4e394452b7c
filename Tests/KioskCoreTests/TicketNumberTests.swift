import Foundation
import KioskCore
import Testing

@Suite struct TicketNumberTests {
    @Test func threeDigitsAtLeast() {
        #expect(TicketNumber(letter: "A", number: 1).description == "A001")
        #expect(TicketNumber(letter: "B", number: 42).description == "B042")
        #expect(TicketNumber(letter: "C", number: 999).description == "C999")
        #expect(TicketNumber(letter: "D", number: 1000).description == "D1000")
    }

    @Test func numberingRestartsAtTheResetHourOfTheOfficesDay() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        // 2026-11-23 04:59:59 and 05:00:00 in Hồ Chí Minh City (UTC+7).
        let before = Date(timeIntervalSince1970: 1_795_384_799)
        let after = before.addingTimeInterval(1)
        #expect(NumberingDay.of(before, timeZone: zone, resetHour: 5).description == "2026-11-22")
        #expect(NumberingDay.of(after, timeZone: zone, resetHour: 5).description == "2026-11-23")
        #expect(NumberingDay.of(before, timeZone: zone, resetHour: 0).description == "2026-11-23")
    }
}
