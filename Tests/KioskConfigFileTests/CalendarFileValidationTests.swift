import Foundation
import KioskConfigFile
import KioskCore
import Testing

/// Calendar files as TOML text: a small valid year, and edits of it that each make one mistake.
enum CalendarTOML {
    static let fileName = "2026.toml"

    static let minimal = """
        year = 2026

        [[days_off]]
        date = "2026-01-01"
        kind = "holiday"
        note = "Tết Dương lịch"
        source = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a"

        [[days_off]]
        date = "2026-01-02"
        kind = "swapped"
        note = "Nghỉ hoán đổi"
        source = "Công văn 12729/VPCP-KGVX"

        [[working_days]]
        date = "2026-01-10"
        note = "Làm bù cho thứ Sáu 02/01/2026"
        source = "Công văn 12729/VPCP-KGVX"

        [[days_off]]
        date = "2026-04-27"
        kind = "compensatory"
        note = "Nghỉ bù Giỗ Tổ Hùng Vương"
        source = "Bộ luật Lao động 2019, Điều 111 khoản 3"

        """

    /// A `[[days_off]]` table to append.
    static func dayOff(_ date: String, kind: String = "holiday", note: String = "Ngày nghỉ", source: String = "Văn bản") -> String {
        "\n[[days_off]]\ndate = \(date)\nkind = \"\(kind)\"\nnote = \"\(note)\"\nsource = \"\(source)\"\n"
    }

    /// A `[[working_days]]` table to append.
    static func workingDay(_ date: String) -> String {
        "\n[[working_days]]\ndate = \(date)\nnote = \"Làm bù\"\nsource = \"Văn bản\"\n"
    }
}

func calendarIssues(_ text: String, fileNameYear: Int? = 2026) -> [ConfigIssue] {
    switch CalendarFile.parse(text, file: CalendarTOML.fileName, fileNameYear: fileNameYear) {
    case .success: []
    case .failure(let errors): errors.issues
    }
}

/// Expects exactly one issue, at `key`, whose message contains `fragment`, naming the file.
func expectSingleCalendarIssue(
    _ text: String, key: String, messageContains fragment: String, fileNameYear: Int? = 2026,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let issues = calendarIssues(text, fileNameYear: fileNameYear)
    #expect(issues.count == 1, "expected exactly one issue, found: \(issues)", sourceLocation: sourceLocation)
    guard let issue = issues.first else { return }
    #expect(issue.file == CalendarTOML.fileName, sourceLocation: sourceLocation)
    #expect(issue.key == key, "message: \(issue.message)", sourceLocation: sourceLocation)
    #expect(issue.message.contains(fragment), "message: \(issue.message)", sourceLocation: sourceLocation)
}

@Suite struct CalendarFileValidationTests {
    @Test func minimalYearDecodesWithItsEntriesSorted() throws {
        let year = try CalendarFile.parse(CalendarTOML.minimal, file: CalendarTOML.fileName, fileNameYear: 2026).get()
        #expect(year.year == 2026)
        #expect(year.daysOff.map(\.day.description) == ["2026-01-01", "2026-01-02", "2026-04-27"])
        #expect(year.daysOff.map(\.kind) == [.holiday, .swapped, .compensatory])
        #expect(year.daysOff[0].entry.note == "Tết Dương lịch")
        #expect(year.daysOff[0].entry.source == "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a")
        #expect(year.workingDays.map(\.day.description) == ["2026-01-10"])
    }

    // MARK: Dates

    @Test func duplicateDayOffIsReportedAtTheSecondEntry() {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("\"2026-01-01\""), key: "days_off[3].date",
            messageContains: "duplicate date 2026-01-01; it is already listed at days_off[0]")
    }

    @Test func duplicateWorkingDayIsReported() {
        let text = CalendarTOML.minimal + CalendarTOML.workingDay("\"2026-01-10\"")
            + CalendarTOML.dayOff("\"2026-08-31\"", kind: "swapped")
        expectSingleCalendarIssue(text, key: "working_days[1].date", messageContains: "duplicate date 2026-01-10")
    }

    @Test func aDayBothOffAndWorkingIsReported() {
        let text = CalendarTOML.minimal + CalendarTOML.dayOff("\"2026-01-10\"")
        expectSingleCalendarIssue(
            text, key: "working_days[0].date",
            messageContains: "2026-01-10 is also a day off at days_off[3]; a day cannot be both off and working")
    }

    @Test func aDateOutsideTheFilesYearIsReported() {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("\"2025-12-31\""), key: "days_off[3].date",
            messageContains: "expected a date in 2026, the year of this file, found 2025-12-31")
        let working = CalendarTOML.minimal.replacingFirst("date = \"2026-01-10\"", with: "date = \"2027-01-09\"")
        expectSingleCalendarIssue(working, key: "working_days[0].date", messageContains: "expected a date in 2026")
    }

    @Test(arguments: ["2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10"])
    func aDateThatDoesNotExistIsReported(_ date: String) {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("\"\(date)\""), key: "days_off[3].date",
            messageContains: "expected a date that exists in the calendar, found \"\(date)\"")
    }

    @Test(arguments: ["2026-1-5", "05/01/2026", "2026-01-05T00:00", "", "mùng 1 Tết"])
    func aMalformedDateIsReported(_ date: String) {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("\"\(date)\""), key: "days_off[3].date",
            messageContains: "expected a date written \"YYYY-MM-DD\", found \"\(date)\"")
    }

    @Test func anUnquotedTomlDateIsReportedWithTheFix() {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("2026-05-01"), key: "days_off[3].date",
            messageContains: "expected a date in quotes, such as \"2026-01-01\", found a date; write it as a string")
    }

    @Test func aDateOfTheWrongTypeIsReported() {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("20260501"), key: "days_off[3].date",
            messageContains: "expected a date written \"YYYY-MM-DD\", found an integer")
    }

    // MARK: Weekdays and weekends

    @Test func aSwappedWorkingDayThatIsNotAWeekendDayIsReported() {
        let text = CalendarTOML.minimal.replacingFirst("date = \"2026-01-10\"", with: "date = \"2026-01-09\"")
        expectSingleCalendarIssue(
            text, key: "working_days[0].date",
            messageContains: "expected a Saturday or Sunday (a swapped working day replaces a weekly rest day), found 2026-01-09, a Friday")
    }

    @Test func aSwappedOrCompensatoryDayOffOnAWeekendIsReported() {
        let swapped = CalendarTOML.minimal.replacingFirst("date = \"2026-01-02\"", with: "date = \"2026-01-03\"")
        expectSingleCalendarIssue(
            swapped, key: "days_off[1].date",
            messageContains: "expected a weekday (Monday to Friday) for a swapped day off, found 2026-01-03, a Saturday")
        let compensatory = CalendarTOML.minimal.replacingFirst("date = \"2026-04-27\"", with: "date = \"2026-04-26\"")
        expectSingleCalendarIssue(
            compensatory, key: "days_off[2].date", messageContains: "for a compensatory day off, found 2026-04-26, a Sunday")
    }

    @Test func aHolidayOnAWeekendIsAccepted() throws {
        let text = CalendarTOML.minimal + CalendarTOML.dayOff("\"2026-04-26\"", note: "Giỗ Tổ Hùng Vương, trùng Chủ nhật")
        #expect(calendarIssues(text).isEmpty)
    }

    @Test func swapsMustComeInPairs() {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("\"2026-08-31\"", kind: "swapped"), key: "working_days",
            messageContains: "expected one working day for each swapped day off, found 1 working day and 2 swapped days off")
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.workingDay("\"2026-08-22\""), key: "working_days",
            messageContains: "found 2 working days and 1 swapped day off")
    }

    // MARK: Notes, sources, kinds, keys

    @Test func aMissingNoteOrSourceIsReported() {
        let noNote = CalendarTOML.minimal.replacingFirst("note = \"Tết Dương lịch\"\n", with: "")
        expectSingleCalendarIssue(noNote, key: "days_off[0].note", messageContains: "missing; this key is required")
        let noSource = CalendarTOML.minimal.replacingFirst("source = \"Công văn 12729/VPCP-KGVX\"\n\n[[days_off]]", with: "\n[[days_off]]")
        expectSingleCalendarIssue(noSource, key: "working_days[0].source", messageContains: "missing; this key is required")
    }

    @Test func anEmptySourceIsReported() {
        let text = CalendarTOML.minimal.replacingFirst("source = \"Bộ luật Lao động 2019, Điều 111 khoản 3\"", with: "source = \"  \"")
        expectSingleCalendarIssue(text, key: "days_off[2].source", messageContains: "expected a non-empty string")
    }

    @Test func anUnknownKindIsReported() {
        expectSingleCalendarIssue(
            CalendarTOML.minimal + CalendarTOML.dayOff("\"2026-05-01\"", kind: "public"), key: "days_off[3].kind",
            messageContains: "expected one of: holiday, compensatory, swapped; found \"public\"")
    }

    @Test func unknownKeysAreReported() {
        expectSingleCalendarIssue(
            "title = \"Lịch 2026\"\n" + CalendarTOML.minimal, key: "title",
            messageContains: "unknown key; expected one of: year, days_off, working_days")
        let entryKey = CalendarTOML.minimal.replacingFirst("kind = \"holiday\"", with: "kind = \"holiday\"\nholiday = true")
        expectSingleCalendarIssue(entryKey, key: "days_off[0].holiday", messageContains: "unknown key")
    }

    @Test func daysOffAreRequired() {
        expectSingleCalendarIssue("year = 2026\n", key: "days_off", messageContains: "missing; this key is required")
    }

    // MARK: Year and file name

    /// A file copied to next year's name without editing: only the year is reported, not every date.
    @Test func theYearKeyMustMatchTheFileName() {
        expectSingleCalendarIssue(
            CalendarTOML.minimal, key: "year", messageContains: "expected 2027, the year in the file name 2027.toml, found 2026",
            fileNameYear: 2027)
    }

    @Test func aMissingYearIsReportedAndDatesAreStillCheckedAgainstTheFileName() {
        let text = CalendarTOML.minimal.replacingFirst("year = 2026\n", with: "") + CalendarTOML.dayOff("\"2027-01-01\"")
        let issues = calendarIssues(text)
        #expect(issues.map(\.key) == ["year", "days_off[3].date"], "\(issues)")
    }

    @Test func loadingAFileWhoseNameDisagreesWithItsYearIsReportedWithThePath() throws {
        let directory = try temporaryCalendarDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("2027.toml")
        try CalendarTOML.minimal.write(to: file, atomically: true, encoding: .utf8)
        guard case .failure(let errors) = CalendarFile.load(path: file.path) else {
            Issue.record("expected 2027.toml with year = 2026 to be rejected")
            return
        }
        #expect(errors.issues.first == ConfigIssue(file: file.path, key: "year", message: "expected 2027, the year in the file name 2027.toml, found 2026"))
    }

    @Test func aFileNotNamedAfterItsYearIsReported() throws {
        let directory = try temporaryCalendarDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lich-2026.toml")
        try CalendarTOML.minimal.write(to: file, atomically: true, encoding: .utf8)
        guard case .failure(let errors) = CalendarFile.load(path: file.path) else {
            Issue.record("expected a misnamed file to be rejected")
            return
        }
        #expect(errors.issues == [
            ConfigIssue(file: file.path, key: "", message: "expected a calendar file named YYYY.toml after its year (e.g. 2026.toml), found \"lich-2026.toml\"")
        ])
    }

    // MARK: Whole files and directories

    @Test func everyProblemIsReportedAtOnce() {
        let text = CalendarTOML.minimal.replacingFirst("date = \"2026-01-10\"", with: "date = \"2026-01-09\"")
            + CalendarTOML.dayOff("\"2026-01-01\"") + CalendarTOML.dayOff("\"2026-02-30\"", source: "")
        let issues = calendarIssues(text)
        #expect(issues.map(\.key).sorted() == [
            "days_off[3].date", "days_off[4].date", "days_off[4].source", "working_days[0].date",
        ], "\(issues)")
        #expect(issues.allSatisfy { $0.file == CalendarTOML.fileName })
    }

    @Test func tomlSyntaxErrorsNameTheLine() {
        let issues = calendarIssues("year = 2026\n\n[[days_off]]\ndate = = \"2026-01-01\"\n")
        #expect(issues.count == 1)
        #expect(issues.first?.key == "")
        #expect(issues.first?.message.hasPrefix("line 4, column ") == true, "\(issues)")
    }

    @Test func aDirectoryLoadsEveryYearAndIgnoresOtherFiles() throws {
        let directory = try temporaryCalendarDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try CalendarTOML.minimal.write(to: directory.appendingPathComponent("2026.toml"), atomically: true, encoding: .utf8)
        let year2027 = "year = 2027\n" + CalendarTOML.dayOff("\"2027-01-01\"")
        try year2027.write(to: directory.appendingPathComponent("2027.toml"), atomically: true, encoding: .utf8)
        try "# not a calendar".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let calendar = try CalendarFile.loadDirectory(path: directory.path).get()
        #expect(calendar.coveredYears == [2026, 2027])
        #expect(try !calendar.isWorkingDay(LocalDay("2027-01-01")!))
        #expect(try calendar.isWorkingDay(LocalDay("2026-01-10")!))
    }

    @Test func aDirectoryReportsTheIssuesOfEveryFile() throws {
        let directory = try temporaryCalendarDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad2026 = CalendarTOML.minimal + CalendarTOML.dayOff("\"2026-01-01\"")
        try bad2026.write(to: directory.appendingPathComponent("2026.toml"), atomically: true, encoding: .utf8)
        try "year = 2027\n".write(to: directory.appendingPathComponent("2027.toml"), atomically: true, encoding: .utf8)
        try "year = 2028\n".write(to: directory.appendingPathComponent("2028-draft.toml"), atomically: true, encoding: .utf8)
        guard case .failure(let errors) = CalendarFile.loadDirectory(path: directory.path) else {
            Issue.record("expected the directory to be rejected")
            return
        }
        let found = errors.issues.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent) \($0.key)" }
        #expect(found == ["2026.toml days_off[3].date", "2027.toml days_off", "2028-draft.toml "], "\(errors)")
    }

    @Test func anEmptyOrMissingDirectoryIsReported() throws {
        let directory = try temporaryCalendarDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .failure(let empty) = CalendarFile.loadDirectory(path: directory.path) else {
            Issue.record("expected an empty directory to be rejected")
            return
        }
        #expect(empty.issues.map(\.message) == ["expected at least one calendar file named YYYY.toml (e.g. 2026.toml), found none"])
        let missing = directory.appendingPathComponent("calendar").path
        guard case .failure(let absent) = CalendarFile.loadDirectory(path: missing) else {
            Issue.record("expected a missing directory to be rejected")
            return
        }
        #expect(absent.issues == [
            ConfigIssue(file: missing, key: "", message: "cannot read the calendar directory: No such file or directory")
        ])
    }
}

func temporaryCalendarDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-calendar-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}
