import Foundation
import KioskCore
import Testing

/// `WorkingCalendar` built with a `ProvisionalYearBuilder`: official years as given, every other
/// year of 1900–2100 provisional, appointments that say when they counted a provisional day.
@Suite struct ProvisionalFallbackTests {
    typealias F = CalendarFixtures

    /// An official 2026 with only Tết Dương lịch, and provisional years around it.
    static func calendar() throws -> WorkingCalendar {
        try WorkingCalendar(
            [YearCalendar(year: 2026, daysOff: [F.dayOff("2026-01-01")], workingDays: [])], provisional: ProvisionalYearBuilder())
    }

    @Test func officialYearsStayAndOthersAreProvisional() throws {
        let calendar = try Self.calendar()
        #expect(calendar.officialYears == [2026])
        #expect(calendar.provisionalYears.count == 200)
        #expect(calendar.provisionalYears.first == 1900)
        #expect(calendar.provisionalYears.last == 2100)
        #expect(calendar.calendar(ofYear: 2026)?.origin == .official)
        #expect(calendar.calendar(ofYear: 2027)?.origin == .provisional)
        // The official 2026 is taken as given: its Tết is not there, the provisional one is not added.
        #expect(try calendar.isWorkingDay(F.day("2026-02-17")))
        #expect(try !calendar.isWorkingDay(F.day("2027-02-04")))
    }

    @Test func beyondTheTableYearsAreStillNotCovered() throws {
        let calendar = try Self.calendar()
        #expect(throws: CalendarError.yearNotCovered(2101)) { try calendar.status(of: F.day("2101-01-05")) }
        #expect(throws: CalendarError.yearNotCovered(1899)) { try calendar.status(of: F.day("1899-12-29")) }
        #expect(throws: CalendarError.yearNotCovered(2101)) {
            try calendar.appointment(receivedAt: F.at("2100-12-30 09:00"), workingDays: 5, in: F.hoChiMinhCity)
        }
    }

    @Test func withoutABuilderAMissingYearIsRefusedAsBefore() throws {
        let calendar = try WorkingCalendar([YearCalendar(year: 2026, daysOff: [], workingDays: [])])
        #expect(calendar.provisionalYears.isEmpty)
        #expect(throws: CalendarError.yearNotCovered(2027)) { try calendar.status(of: F.day("2027-01-04")) }
    }

    /// Received Wednesday 02/12/2026 09:00, 30 working days: Wednesday afternoon, 3/12 … 31/12
    /// (20 more days and a half), Friday 01/01/2027 off (Tết Dương lịch, provisional), 04/01 … the
    /// morning of Thursday 14/01 → returned Thursday 14/01/2027 13:30.
    @Test func thirtyDaysFromTheSecondOfDecemberEndInAProvisional2027() throws {
        let appointment = try Self.calendar().appointment(receivedAt: F.at("2026-12-02 09:00"), workingDays: 30, in: F.hoChiMinhCity)
        #expect(appointment.date == F.at("2027-01-14 13:30"))
        #expect(appointment.provisionalYears == [2027])
        #expect(appointment.isProvisional)
    }

    /// Received Wednesday 30/12/2026 09:00, 30 working days across provisional Tết Đinh Mùi (off
    /// Thursday 04/02 to Wednesday 10/02/2027): 1 + 2 sessions in 2026, 1/1 off, 04/01 … 03/02
    /// (23 days), 11/02 … the morning of Thursday 18/02 → Thursday 18/02/2027 13:30.
    @Test func acrossProvisionalTet2027() throws {
        let appointment = try Self.calendar().appointment(receivedAt: F.at("2026-12-30 09:00"), workingDays: 30, in: F.hoChiMinhCity)
        #expect(appointment.date == F.at("2027-02-18 13:30"))
        #expect(appointment.vietnamese == "13 giờ 30 phút chiều thứ Năm, ngày 18/02/2027")
        #expect(appointment.isProvisional)
    }

    @Test func anAppointmentInsideAnOfficialYearIsNotProvisional() throws {
        let appointment = try Self.calendar().appointment(receivedAt: F.at("2026-03-02 09:00"), workingDays: 5, in: F.hoChiMinhCity)
        #expect(appointment.provisionalYears == [])
        #expect(!appointment.isProvisional)
    }

    @Test func aCountThatStartsAfterNewYearLooksOnlyAtTheNewYear() throws {
        // Received the evening of 31/12/2026 (official): counting starts Monday 04/01/2027.
        let appointment = try Self.calendar().appointment(receivedAt: F.at("2026-12-31 18:00"), workingDays: 1, in: F.hoChiMinhCity)
        #expect(appointment.countingStarts.day == F.day("2027-01-04"))
        #expect(appointment.provisionalYears == [2027])
    }

    @Test func missingOfficialYearIsWarnedFromOctober() throws {
        let calendar = try Self.calendar()
        #expect(calendar.missingOfficialYear(on: F.day("2026-09-30")) == nil)
        #expect(calendar.missingOfficialYear(on: F.day("2026-10-01")) == 2027)
        #expect(calendar.missingOfficialYear(on: F.day("2026-12-05")) == 2027)
        #expect(calendar.missingOfficialYear(on: F.day("2027-01-04")) == 2027)
        let both = try WorkingCalendar(
            [YearCalendar(year: 2026, daysOff: [], workingDays: []), YearCalendar(year: 2027, daysOff: [], workingDays: [])],
            provisional: ProvisionalYearBuilder())
        #expect(both.missingOfficialYear(on: F.day("2026-12-05")) == nil)
    }
}
