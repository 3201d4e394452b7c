import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// The calendars shipped in `kiosk-config/calendar/` load as they are, say what the 2025 and 2026
/// decisions say, and give the appointment dates an office would write across those holidays.
@Suite struct CalendarFileShippedTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("kiosk-config/calendar")
    static let hoChiMinhCity = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    static func calendar() throws -> WorkingCalendar {
        switch CalendarFile.loadDirectory(path: directory.path) {
        case .success(let calendar): return calendar
        case .failure(let errors):
            Issue.record("kiosk-config/calendar should load without issues, found:\n\(errors)")
            throw errors
        }
    }

    static func year(_ year: Int) throws -> YearCalendar {
        try CalendarFile.load(path: directory.appendingPathComponent("\(year).toml").path).get()
    }

    /// `"2026-02-12 09:00"` in Ho Chi Minh City.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let day = LocalDay(String(parts[0]))!
        let time = parts[1].split(separator: ":").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = hoChiMinhCity
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: time[0], minute: time[1]))!
    }

    static func returnTime(_ received: String, _ days: Double) throws -> Date {
        try calendar().returnTime(receivedAt: at(received), workingDays: days, in: hoChiMinhCity, hours: .standard)
    }

    static func appointment(_ received: String, _ days: Double) throws -> ReturnAppointment {
        try calendar().appointment(receivedAt: at(received), workingDays: days, in: hoChiMinhCity, hours: .standard)
    }

    // MARK: The files

    @Test func bothYearsLoadWithoutIssues() throws {
        #expect(try Self.calendar().coveredYears == [2025, 2026])
    }

    @Test func daysOff2025AreAsDecided() throws {
        let year = try Self.year(2025)
        #expect(year.daysOff.map(\.day.description) == [
            "2025-01-01",
            "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
            "2025-04-07",
            "2025-04-30", "2025-05-01", "2025-05-02",
            "2025-09-01", "2025-09-02",
        ])
        #expect(year.daysOff.filter { $0.kind == .swapped }.map(\.day.description) == ["2025-05-02"])
        #expect(year.workingDays.map(\.day.description) == ["2025-04-26"])
    }

    @Test func daysOff2026AreAsDecided() throws {
        let year = try Self.year(2026)
        #expect(year.daysOff.map(\.day.description) == [
            "2026-01-01", "2026-01-02",
            "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-26", "2026-04-27",
            "2026-04-30", "2026-05-01",
            "2026-08-31", "2026-09-01", "2026-09-02",
            "2026-11-24",
        ])
        #expect(year.daysOff.filter { $0.kind == .swapped }.map(\.day.description) == ["2026-01-02", "2026-08-31"])
        #expect(year.daysOff.filter { $0.kind == .compensatory }.map(\.day.description) == ["2026-04-27"])
        #expect(year.workingDays.map(\.day.description) == ["2026-01-10", "2026-08-22"])
    }

    /// Each long break, from its first to its last day off, weekends included.
    @Test(arguments: [
        ("2025-01-25", "2025-02-02"), ("2025-04-05", "2025-04-07"), ("2025-04-30", "2025-05-04"), ("2025-08-30", "2025-09-02"),
        ("2026-01-01", "2026-01-04"), ("2026-02-14", "2026-02-22"), ("2026-04-25", "2026-04-27"), ("2026-04-30", "2026-05-03"),
        ("2026-08-29", "2026-09-02"),
    ])
    func breaksRunUnbrokenAndAreBoundedByWorkingDays(_ first: String, _ last: String) throws {
        let calendar = try Self.calendar()
        var day = LocalDay(first)!
        let end = LocalDay(last)!
        while day <= end {
            #expect(try !calendar.isWorkingDay(day), "\(day) should be a day off")
            day = day.next!
        }
        #expect(try calendar.isWorkingDay(LocalDay(first)!.adding(days: -1)!), "the day before \(first)")
        #expect(try calendar.isWorkingDay(end.next!), "the day after \(last)")
    }

    @Test func everyEntryHasANoteAndASourceInPrecomposedVietnamese() throws {
        for year in [2025, 2026] {
            let calendar = try Self.year(year)
            let entries = calendar.daysOff.map(\.entry) + calendar.workingDays
            for entry in entries {
                #expect(!entry.note.isEmpty && !entry.source.isEmpty, "\(entry.day)")
                for text in [entry.note, entry.source] {
                    #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text)")
                }
            }
            // Every swap and Tết day names the government decision, not only the Labour Code.
            for dayOff in calendar.daysOff where dayOff.kind == .swapped || dayOff.entry.note.hasPrefix("Tết Nguyên đán") {
                #expect(dayOff.entry.source.contains("/VPCP-KGVX") || dayOff.entry.source.contains("/TB-"), "\(dayOff.day)")
            }
        }
    }

    /// Ngày Văn hóa Việt Nam, a holiday from 2026 (Nghị quyết 28/2026/QH16); no swap around it was decided.
    @Test func cultureDay2026IsADayOffAndItsNeighboursAreWorkingDays() throws {
        let calendar = try Self.calendar()
        #expect(try !calendar.isWorkingDay(LocalDay("2026-11-24")!))
        #expect(try calendar.isWorkingDay(LocalDay("2026-11-23")!))
        #expect(try calendar.isWorkingDay(LocalDay("2026-11-25")!))
    }

    // MARK: Appointments across the 2026 breaks

    @Test func threeDaysAcrossTet2026() throws {
        // Thursday 12/02 morning: Thu PM, Fri 13/02 AM+PM, then Tết 14/02–22/02, Mon 23/02 AM+PM, Tue 24/02 AM.
        let result = try Self.appointment("2026-02-12 09:00", 3)
        #expect(result.lastCounted == OfficeSession(day: LocalDay("2026-02-24")!, part: .morning))
        #expect(result.date == Self.at("2026-02-24 13:30"))
        #expect(result.vietnamese == "13 giờ 30 phút chiều thứ Ba, ngày 24/02/2026")
    }

    @Test func oneDayReceivedTheFridayAfternoonBeforeTet2026() throws {
        #expect(try Self.returnTime("2026-02-13 15:00", 1) == Self.at("2026-02-24 07:30"))
    }

    @Test func halfADaySubmittedDuringTet2026() throws {
        let result = try Self.appointment("2026-02-17 10:00", 0.5)
        #expect(result.countingStarts == OfficeSession(day: LocalDay("2026-02-23")!, part: .morning))
        #expect(result.date == Self.at("2026-02-23 13:30"))
    }

    @Test func threeDaysAcrossHungKingsAndThirtiethOfApril2026() throws {
        // Fri 24/04 PM; off 25–27/04 (27/04 compensatory); Tue 28, Wed 29; off 30/04–03/05; Mon 04/05 AM.
        #expect(try Self.returnTime("2026-04-24 09:00", 3) == Self.at("2026-05-04 13:30"))
    }

    @Test func oneDayAcrossNationalDay2026() throws {
        // Fri 28/08 PM; off 29/08–02/09 (31/08 swapped); Thu 03/09 AM.
        #expect(try Self.returnTime("2026-08-28 09:00", 1) == Self.at("2026-09-03 13:30"))
    }

    @Test func theSwappedSaturdaysOf2026AreWorkingDays() throws {
        // Friday afternoon before Saturday 10/01 and Saturday 22/08: the Saturday counts in full.
        #expect(try Self.returnTime("2026-01-09 15:00", 1) == Self.at("2026-01-12 07:30"))
        #expect(try Self.returnTime("2026-08-21 15:00", 1) == Self.at("2026-08-24 07:30"))
        // An ordinary Saturday does not: Friday 16/01 afternoon → Monday 19/01 morning and afternoon → Tuesday 07:30.
        #expect(try Self.returnTime("2026-01-16 15:00", 1) == Self.at("2026-01-20 07:30"))
    }

    @Test func twoDaysFromNewYearsEve2025IntoTheSwappedNewYear2026() throws {
        // Wed 31/12/2025 PM; off 01–04/01/2026; Mon 05/01 AM+PM; Tue 06/01 AM.
        #expect(try Self.returnTime("2025-12-31 09:00", 2) == Self.at("2026-01-06 13:30"))
    }

    // MARK: Appointments across the 2025 breaks

    @Test func oneDayReturnedOnTheSwappedSaturdayBefore30April2025() throws {
        // Fri 25/04 PM, Sat 26/04 AM (a working Saturday) → Saturday afternoon.
        let result = try Self.appointment("2025-04-25 09:00", 1)
        #expect(result.date == Self.at("2025-04-26 13:30"))
        #expect(result.vietnamese == "13 giờ 30 phút chiều thứ Bảy, ngày 26/04/2025")
    }

    @Test func twoDaysAcross30AprilAnd1May2025() throws {
        // Tue 29/04 PM; off 30/04–04/05 (02/05 swapped); Mon 05/05 AM+PM; Tue 06/05 AM.
        #expect(try Self.returnTime("2025-04-29 09:00", 2) == Self.at("2025-05-06 13:30"))
    }

    @Test func oneDayAcrossNationalDay2025() throws {
        // Fri 29/08 PM; off 30/08–02/09; Wed 03/09 AM.
        #expect(try Self.returnTime("2025-08-29 09:00", 1) == Self.at("2025-09-03 13:30"))
    }

    @Test func fiveDaysAcrossTet2025() throws {
        // Thu 23/01 afternoon: Fri 24/01 (2), off 25/01–02/02, Mon 03/02 … Thu 06/02 (8) → Fri 07/02 07:30.
        #expect(try Self.returnTime("2025-01-23 15:00", 5) == Self.at("2025-02-07 07:30"))
    }

    // MARK: The end of the shipped calendars

    @Test func aCountThatReaches2027IsRefusedWithTheMissingFile() throws {
        let calendar = try Self.calendar()
        do {
            _ = try calendar.returnTime(receivedAt: Self.at("2026-12-31 09:00"), workingDays: 1, in: Self.hoChiMinhCity, hours: .standard)
            Issue.record("expected 2027 not to be covered")
        } catch {
            #expect(error == .yearNotCovered(2027))
            #expect(error.description.contains("calendar/2027.toml"))
        }
        // The last days of 2026 still work: Wed 30/12 morning, 1 day → Thu 31/12 13:30.
        #expect(try Self.returnTime("2026-12-30 09:00", 1) == Self.at("2026-12-31 13:30"))
    }

    @Test func aDossierReceivedIn2024IsRefused() throws {
        #expect(throws: CalendarError.yearNotCovered(2024)) {
            try Self.returnTime("2024-12-30 09:00", 1)
        }
    }
}
