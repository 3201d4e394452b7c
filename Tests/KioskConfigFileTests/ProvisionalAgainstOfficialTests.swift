import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// The provisional 2025 and 2026, computed from the law alone, against the official files the
/// Government's decisions gave: they differ only by the swaps (làm bù) the Government decided,
/// which the provisional rule does not guess.
@Suite struct ProvisionalAgainstOfficialTests {
    static func official(_ year: Int) throws -> YearCalendar {
        try CalendarFile.load(path: CalendarFileShippedTests.directory.appendingPathComponent("\(year).toml").path).get()
    }

    /// Every day of `year` whose status differs, as "date: official / provisional".
    static func differences(_ year: Int) throws -> [String] {
        let official = try WorkingCalendar([try official(year)])
        let provisional = try WorkingCalendar([try #require(ProvisionalYearBuilder().calendar(for: year))])
        var day = LocalDay(year: year, month: 1, day: 1)!
        var found: [String] = []
        while day.year == year {
            let left = try official.status(of: day)
            let right = try provisional.status(of: day)
            if name(left) != name(right) { found.append("\(day): \(name(left)) / \(name(right))") }
            day = day.next!
        }
        return found
    }

    static func name(_ status: DayStatus) -> String {
        switch status {
        case .working: "working"
        case .weekend: "weekend"
        case .swappedWorkingDay: "swapped working day"
        case .dayOff(let dayOff): "\(dayOff.kind)"
        }
    }

    @Test func provisional2025DiffersOnlyByTheMaySwap() throws {
        #expect(
            try Self.differences(2025) == [
                // Công văn 8726/VPCP-KGVX: Friday 2/5 off, worked on Saturday 26/4, making 30/4–4/5 one break.
                "2025-04-26: swapped working day / weekend",
                "2025-05-02: swapped / working",
            ])
    }

    @Test func provisional2026DiffersOnlyByTheTwoSwaps() throws {
        #expect(
            try Self.differences(2026) == [
                // Công văn 12729/VPCP-KGVX: Friday 2/1 off, worked on Saturday 10/1.
                "2026-01-02: swapped / working",
                "2026-01-10: swapped working day / weekend",
                // Thông báo 9441/TB-BNV: Monday 31/8 off, worked on Saturday 22/8, making 29/8–2/9 one break.
                "2026-08-22: swapped working day / weekend",
                "2026-08-31: swapped / working",
            ])
    }

    /// The holidays of Điều 112 (Tết, Giỗ Tổ with its compensatory day, 30/4, 1/5, 2/9 and its
    /// neighbour) and, in 2026, Ngày Văn hóa Việt Nam are the same days, of the same kind.
    @Test func theLabourCodeHolidaysAreTheSameDays() throws {
        for year in [2025, 2026] {
            let official = try Self.official(year).daysOff
                .filter { $0.kind != .swapped }.map { "\($0.day) \($0.kind)" }
            let provisional = try #require(ProvisionalYearBuilder().calendar(for: year)).daysOff.map { "\($0.day) \($0.kind)" }
            #expect(official == provisional, "\(year)")
        }
    }

    /// The shipped directory with provisional years: 2025 and 2026 official, 2027 provisional,
    /// and a slip received on 2 December 2026 with 30 working days gets its 2027 date.
    @Test func shippedCalendarsWithProvisionalYears() throws {
        let calendar = try CalendarFile.loadDirectory(path: CalendarFileShippedTests.directory.path, provisional: ProvisionalYearBuilder()).get()
        #expect(calendar.officialYears == [2025, 2026])
        #expect(calendar.calendar(ofYear: 2027)?.isProvisional == true)
        let appointment = try calendar.appointment(
            receivedAt: CalendarFileShippedTests.at("2026-12-02 09:00"), workingDays: 30, in: CalendarFileShippedTests.hoChiMinhCity)
        #expect(appointment.date == CalendarFileShippedTests.at("2027-01-14 13:30"))
        #expect(appointment.provisionalYears == [2027])
    }
}
