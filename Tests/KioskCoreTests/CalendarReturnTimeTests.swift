import Foundation
import KioskCore
import Testing

/// Small calendars built in code, and wall-clock times in Ho Chi Minh City.
enum CalendarFixtures {
    static let hoChiMinhCity = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    static func day(_ text: String) -> LocalDay {
        guard let day = LocalDay(text) else { fatalError("bad test date \(text)") }
        return day
    }

    /// `"2026-03-02 09:00"` as an instant in `timeZone`.
    static func at(_ text: String, in timeZone: TimeZone = hoChiMinhCity) -> Date {
        let parts = text.split(separator: " ")
        let time = parts[1].split(separator: ":").map { Int($0)! }
        let date = day(String(parts[0]))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(
            from: DateComponents(
                year: date.year, month: date.month, day: date.day, hour: time[0], minute: time[1],
                second: time.count > 2 ? time[2] : 0))!
    }

    static func dayOff(_ text: String, _ kind: DayOffKind = .holiday, note: String = "Ngày nghỉ thử") -> DayOff {
        DayOff(kind: kind, entry: CalendarEntry(day: day(text), note: note, source: "Văn bản thử"))
    }

    static func working(_ text: String) -> CalendarEntry {
        CalendarEntry(day: day(text), note: "Làm bù thử", source: "Văn bản thử")
    }

    /// 2026 with only the days given (2026-03-02 is a Monday).
    static func calendar2026(daysOff: [DayOff] = [], workingDays: [CalendarEntry] = []) throws -> WorkingCalendar {
        try WorkingCalendar([YearCalendar(year: 2026, daysOff: daysOff, workingDays: workingDays)])
    }
}

/// The rounding rule of `WorkingCalendar.appointment`: the session of receipt does not count,
/// N days are 2N sessions rounded up, the result is due at the start of the next session.
@Suite struct CalendarReturnTimeTests {
    typealias F = CalendarFixtures

    func appointment(
        _ received: String, _ days: Double, calendar: WorkingCalendar? = nil, hours: OfficeHours = .standard
    ) throws -> ReturnAppointment {
        let calendar = try calendar ?? F.calendar2026()
        return try calendar.appointment(receivedAt: F.at(received), workingDays: days, in: F.hoChiMinhCity, hours: hours)
    }

    // MARK: Where counting starts

    @Test func receivedInTheMorningCountsFromThatAfternoon() throws {
        let result = try appointment("2026-03-02 09:00", 1)
        #expect(result.countingStarts == OfficeSession(day: F.day("2026-03-02"), part: .afternoon))
        #expect(result.lastCounted == OfficeSession(day: F.day("2026-03-03"), part: .morning))
        #expect(result.returnSession == OfficeSession(day: F.day("2026-03-03"), part: .afternoon))
        #expect(result.date == F.at("2026-03-03 13:30"))
        #expect(result.sessionsCounted == 2)
    }

    @Test func receivedInTheAfternoonCountsFromTheNextMorning() throws {
        let result = try appointment("2026-03-02 15:00", 1)
        #expect(result.countingStarts == OfficeSession(day: F.day("2026-03-03"), part: .morning))
        #expect(result.date == F.at("2026-03-04 07:30"))
    }

    @Test func receivedOverLunchCountsTheAfternoon() throws {
        #expect(try appointment("2026-03-02 12:00", 1).date == F.at("2026-03-03 13:30"))
        #expect(try appointment("2026-03-02 11:30", 1).date == F.at("2026-03-03 13:30"))
    }

    @Test func receivedBeforeOpeningCountsTheWholeMorning() throws {
        let result = try appointment("2026-03-02 07:00", 1)
        #expect(result.countingStarts == OfficeSession(day: F.day("2026-03-02"), part: .morning))
        #expect(result.date == F.at("2026-03-03 07:30"))
    }

    /// At the very minute a session opens the dossier is received in that session, which does not count.
    @Test func receivedAtTheFirstMinuteOfASessionDoesNotCountThatSession() throws {
        #expect(try appointment("2026-03-02 07:30", 1).date == F.at("2026-03-03 13:30"))
        #expect(try appointment("2026-03-02 07:29:59", 1).date == F.at("2026-03-03 07:30"))
        #expect(try appointment("2026-03-02 13:30", 1).date == F.at("2026-03-04 07:30"))
        #expect(try appointment("2026-03-02 13:29:59", 1).date == F.at("2026-03-03 13:30"))
    }

    @Test func receivedAfterHoursCountsFromTheNextMorning() throws {
        #expect(try appointment("2026-03-02 17:30", 1).date == F.at("2026-03-04 07:30"))
        #expect(try appointment("2026-03-02 23:59", 1).date == F.at("2026-03-04 07:30"))
    }

    @Test func receivedOnTheWeekendCountsFromMonday() throws {
        let result = try appointment("2026-03-07 10:00", 1)  // Saturday
        #expect(result.countingStarts == OfficeSession(day: F.day("2026-03-09"), part: .morning))
        #expect(result.date == F.at("2026-03-10 07:30"))
    }

    @Test func fridayDossiersCountOverTheWeekend() throws {
        #expect(try appointment("2026-03-06 09:00", 1).date == F.at("2026-03-09 13:30"))
        #expect(try appointment("2026-03-06 15:00", 1).date == F.at("2026-03-10 07:30"))
    }

    @Test func receivedOnAHolidayCountsFromTheNextWorkingMorning() throws {
        let calendar = try F.calendar2026(daysOff: [F.dayOff("2026-03-04")])
        let result = try appointment("2026-03-04 09:00", 1, calendar: calendar)
        #expect(result.countingStarts == OfficeSession(day: F.day("2026-03-05"), part: .morning))
        #expect(result.date == F.at("2026-03-06 07:30"))
    }

    // MARK: How much is counted

    @Test func halfADayIsOneSession() throws {
        let morning = try appointment("2026-03-02 09:00", 0.5)
        #expect(morning.sessionsCounted == 1)
        #expect(morning.lastCounted == morning.countingStarts)
        #expect(morning.date == F.at("2026-03-03 07:30"))
        #expect(try appointment("2026-03-02 15:00", 0.5).date == F.at("2026-03-03 13:30"))
        #expect(try appointment("2026-03-06 15:00", 0.5).date == F.at("2026-03-09 13:30"))
    }

    @Test(arguments: [
        (0.1, 1), (0.5, 1), (0.51, 2), (1.0, 2), (1.2, 3), (1.5, 3), (1.75, 4), (2.0, 4), (2.75, 6), (3.0, 6),
    ])
    func fractionsRoundUpToTheNextHalfDay(_ days: Double, _ sessions: Int) throws {
        #expect(try appointment("2026-03-02 09:00", days).sessionsCounted == sessions)
    }

    @Test func onePointTwoDaysIsReturnedLikeOneAndAHalf() throws {
        #expect(try appointment("2026-03-02 09:00", 1.2).date == F.at("2026-03-04 07:30"))
        #expect(try appointment("2026-03-02 09:00", 1.5).date == F.at("2026-03-04 07:30"))
    }

    @Test func fifteenWorkingDaysReceivedMondayMorningAreDueThreeWeeksLaterAfterLunch() throws {
        let result = try appointment("2026-03-02 09:00", 15)
        #expect(result.sessionsCounted == 30)
        #expect(result.lastCounted == OfficeSession(day: F.day("2026-03-23"), part: .morning))
        #expect(result.date == F.at("2026-03-23 13:30"))
    }

    // MARK: Days off and swapped working days

    @Test func aHolidayInBetweenIsSkipped() throws {
        let calendar = try F.calendar2026(daysOff: [F.dayOff("2026-03-04")])
        #expect(try appointment("2026-03-02 15:00", 1, calendar: calendar).date == F.at("2026-03-05 07:30"))
        #expect(try appointment("2026-03-03 09:00", 1, calendar: calendar).date == F.at("2026-03-05 13:30"))
    }

    @Test func aSwappedSaturdayIsAWorkingDay() throws {
        let swapped = try F.calendar2026(
            daysOff: [F.dayOff("2026-03-13", .swapped)], workingDays: [F.working("2026-03-07")])
        #expect(try appointment("2026-03-06 15:00", 1, calendar: swapped).date == F.at("2026-03-09 07:30"))
        #expect(try appointment("2026-03-06 15:00", 1).date == F.at("2026-03-10 07:30"))
        // Received on the swapped Saturday morning: counting starts that afternoon.
        #expect(try appointment("2026-03-07 09:00", 0.5, calendar: swapped).date == F.at("2026-03-09 07:30"))
    }

    @Test func statusNamesWhatEachDayIs() throws {
        let calendar = try F.calendar2026(
            daysOff: [F.dayOff("2026-03-13", .swapped)], workingDays: [F.working("2026-03-07")])
        #expect(try calendar.status(of: F.day("2026-03-06")) == .working)
        #expect(try calendar.status(of: F.day("2026-03-07")) == .swappedWorkingDay(F.working("2026-03-07")))
        #expect(try calendar.status(of: F.day("2026-03-08")) == .weekend)
        #expect(try calendar.status(of: F.day("2026-03-13")) == .dayOff(F.dayOff("2026-03-13", .swapped)))
        #expect(try calendar.isWorkingDay(F.day("2026-03-07")))
        #expect(try !calendar.isWorkingDay(F.day("2026-03-13")))
        #expect(try calendar.nextWorkingDay(after: F.day("2026-03-12")) == F.day("2026-03-16"))
    }

    @Test func anOfficeWithASundayOnlyWeekendWorksSaturdays() throws {
        let calendar = try WorkingCalendar([YearCalendar(year: 2026, daysOff: [], workingDays: [])], weekend: [.sunday])
        #expect(try appointment("2026-03-06 15:00", 1, calendar: calendar).date == F.at("2026-03-09 07:30"))
    }

    // MARK: Office hours and time zones

    @Test func otherOfficeHoursMoveTheReturnTime() throws {
        let hours = try OfficeHours(
            morning: .init(start: #require(.init("08:00")), end: #require(.init("12:00"))),
            afternoon: .init(start: #require(.init("13:00")), end: #require(.init("17:00"))))
        let result = try appointment("2026-03-02 09:00", 1, hours: hours)
        #expect(result.date == F.at("2026-03-03 13:00"))
        #expect(result.time.description == "13:00")
        #expect(result.vietnamese == "13 giờ chiều thứ Ba, ngày 03/03/2026")
        // 12:30 is between this office's sessions: the afternoon still counts.
        #expect(try appointment("2026-03-02 12:30", 0.5, hours: hours).date == F.at("2026-03-03 08:00"))
    }

    @Test func standardHoursAreHalfPastSevenToHalfPastElevenAndHalfPastOneToFive() {
        #expect(OfficeHours.standard.description == "07:30–11:30, 13:30–17:00")
    }

    @Test func theSlipWordingNamesTimeSessionWeekdayAndDate() throws {
        #expect(try appointment("2026-03-02 15:00", 1).vietnamese == "7 giờ 30 phút sáng thứ Tư, ngày 04/03/2026")
        #expect(try appointment("2026-03-02 09:00", 1).vietnamese == "13 giờ 30 phút chiều thứ Ba, ngày 03/03/2026")
    }

    @Test func sessionsAreWallClockTimesInTheGivenTimeZone() throws {
        let calendar = try F.calendar2026()
        let utc = TimeZone(identifier: "UTC")!
        let received = try #require(ISO8601DateFormatter().date(from: "2026-03-02T02:00:00Z"))  // 09:00 in HCMC
        let inHCMC = try calendar.returnTime(receivedAt: received, workingDays: 1, in: F.hoChiMinhCity, hours: .standard)
        #expect(inHCMC == ISO8601DateFormatter().date(from: "2026-03-03T06:30:00Z"))
        // The same instant is 02:00 in UTC, before opening: the morning counts, return next morning 07:30 UTC.
        let inUTC = try calendar.returnTime(receivedAt: received, workingDays: 1, in: utc, hours: .standard)
        #expect(inUTC == ISO8601DateFormatter().date(from: "2026-03-03T07:30:00Z"))
    }

    // MARK: Errors

    @Test func aCountThatRunsIntoAYearWithoutCalendarThrows() throws {
        #expect(throws: CalendarError.yearNotCovered(2027)) {
            try appointment("2026-12-31 09:00", 1)
        }
        // The last counted session is in 2026, but the return session would be in 2027.
        #expect(throws: CalendarError.yearNotCovered(2027)) {
            try appointment("2026-12-31 07:00", 1)
        }
        #expect(throws: CalendarError.yearNotCovered(2027)) {
            try appointment("2027-01-04 09:00", 0.5)
        }
    }

    @Test func aDossierReceivedInAnUncoveredYearThrows() throws {
        #expect(throws: CalendarError.yearNotCovered(2025)) {
            try appointment("2025-06-02 09:00", 1)
        }
    }

    /// The evening of 31 December has no session left, so the previous year's calendar is not needed.
    @Test func receivedOnNewYearsEveAfterHoursNeedsOnlyTheNewYear() throws {
        #expect(try appointment("2025-12-31 18:00", 0.5).date == F.at("2026-01-01 13:30"))
    }

    @Test func theYearNotCoveredMessageNamesTheYearAndTheFileInVietnameseThenEnglish() {
        let message = CalendarError.yearNotCovered(2027).description
        #expect(message.hasPrefix("Chưa có lịch ngày làm việc năm 2027: thiếu tệp calendar/2027.toml"))
        #expect(message.contains("No working-day calendar for 2027: the file calendar/2027.toml is missing"))
        #expect(message.range(of: "Chưa có")!.lowerBound < message.range(of: "No working-day")!.lowerBound)
    }

    @Test(arguments: [0, -1, -0.5, Double.nan, Double.infinity, 1000.5, 5000])
    func workingDaysOutsideTheAcceptedRangeThrow(_ days: Double) throws {
        let calendar = try F.calendar2026()
        #expect(throws: CalendarError.self) {
            try calendar.returnTime(receivedAt: F.at("2026-03-02 09:00"), workingDays: days, in: F.hoChiMinhCity, hours: .standard)
        }
    }

    @Test func theSameYearTwiceIsRejected() {
        #expect(throws: CalendarError.duplicateYear(2026)) {
            try WorkingCalendar([
                YearCalendar(year: 2026, daysOff: [], workingDays: []), YearCalendar(year: 2026, daysOff: [], workingDays: []),
            ])
        }
    }

    @Test func officeHoursOutOfOrderAreRejected() throws {
        let t = { (text: String) in OfficeHours.ClockTime(text)! }
        #expect(throws: CalendarError.self) {
            try OfficeHours(morning: .init(start: t("11:30"), end: t("07:30")), afternoon: .init(start: t("13:30"), end: t("17:00")))
        }
        #expect(throws: CalendarError.self) {
            try OfficeHours(morning: .init(start: t("07:30"), end: t("12:00")), afternoon: .init(start: t("11:00"), end: t("17:00")))
        }
        #expect(throws: CalendarError.self) {
            try OfficeHours(morning: .init(start: t("07:30"), end: t("11:30")), afternoon: .init(start: t("17:00"), end: t("17:00")))
        }
        #expect(OfficeHours.ClockTime("7:30") == nil)
        #expect(OfficeHours.ClockTime("24:00") == nil)
        #expect(OfficeHours.ClockTime("07:60") == nil)
        #expect(OfficeHours.ClockTime("07:30")?.vietnamese == "7 giờ 30 phút")
    }
}
