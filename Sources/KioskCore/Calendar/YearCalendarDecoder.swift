import Foundation

/// Turns one calendar file's tree (`calendar/YYYY.toml`) into a `YearCalendar`, reporting every
/// problem with file, key path and expectation.
///
/// The file:
/// ```toml
/// year = 2026
///
/// [[days_off]]
/// date = "2026-01-01"        # quoted, YYYY-MM-DD, within `year`
/// kind = "holiday"           # holiday | compensatory | swapped
/// note = "Tết Dương lịch"
/// source = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a"
///
/// [[working_days]]           # weekend days made working days (làm bù)
/// date = "2026-01-10"
/// note = "Làm bù cho thứ Sáu 02/01/2026"
/// source = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"
/// ```
public enum YearCalendarDecoder {
    /// The weekly rest days the national calendar files are written against.
    public static let nationalWeekend: Set<LocalDay.Weekday> = [.saturday, .sunday]

    /// Decodes and validates one year. `fileNameYear` is the year the file's name stands for
    /// (`year(fromFileName:)`); when given, the `year` key must equal it.
    public static func decode(_ root: [String: ConfigValue], file: String, fileNameYear: Int? = nil) -> Result<YearCalendar, ConfigErrors> {
        let issues = IssueCollector(file: file)
        let top = TableReader(path: "", entries: root, issues: issues)
        top.rejectUnknownKeys(["year", "days_off", "working_days"])

        let declaredYear = top.integer("year", in: 1000...9999)
        if let declaredYear, let fileNameYear, declaredYear != fileNameYear {
            issues.report("year", "expected \(fileNameYear), the year in the file name \(fileNameYear).toml, found \(declaredYear)")
        }
        let year = declaredYear ?? fileNameYear

        let dayOffTables = top.tables("days_off") ?? []
        let workingTables = top.tables("working_days", required: false) ?? []
        let daysOff = dayOffTables.map { readDayOff($0, year: year) }
        let workingDays = workingTables.map { readWorkingDay($0, year: year) }

        crossCheck(daysOff: daysOff, dayOffTables: dayOffTables, workingDays: workingDays, workingTables: workingTables, issues: issues)

        guard let declaredYear, issues.issues.isEmpty else {
            return .failure(ConfigErrors(issues.issues))
        }
        return .success(YearCalendar(year: declaredYear, daysOff: daysOff.compactMap { $0 }, workingDays: workingDays.compactMap { $0 }))
    }

    /// The year a calendar file's name stands for: "2026.toml" → 2026; nil for any other name.
    public static func year(fromFileName name: String) -> Int? {
        guard name.hasSuffix(".toml") else { return nil }
        let stem = name.dropLast(".toml".count)
        guard stem.count == 4, stem.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(stem), year >= 1000 else { return nil }
        return year
    }

    // MARK: Entries

    private static func readDayOff(_ table: TableReader, year: Int?) -> DayOff? {
        table.rejectUnknownKeys(["date", "kind", "note", "source"])
        let day = readDate(table, year: year)
        let kind = table.choice(
            "kind", ["holiday": DayOffKind.holiday, "compensatory": DayOffKind.compensatory, "swapped": DayOffKind.swapped])
        let note = table.string("note")
        let source = table.string("source")
        if let day, let kind, kind != .holiday, nationalWeekend.contains(day.weekday) {
            table.issues.report(
                table.keyPath("date"),
                "expected a weekday (Monday to Friday) for a \(kind) day off, found \(day), a \(day.weekday); only a holiday may fall on a weekend")
            return nil
        }
        guard let day, let kind, let note, let source else { return nil }
        return DayOff(kind: kind, entry: CalendarEntry(day: day, note: note, source: source))
    }

    private static func readWorkingDay(_ table: TableReader, year: Int?) -> CalendarEntry? {
        table.rejectUnknownKeys(["date", "note", "source"])
        let day = readDate(table, year: year)
        let note = table.string("note")
        let source = table.string("source")
        if let day, !nationalWeekend.contains(day.weekday) {
            table.issues.report(
                table.keyPath("date"),
                "expected a Saturday or Sunday (a swapped working day replaces a weekly rest day), found \(day), a \(day.weekday)")
            return nil
        }
        guard let day, let note, let source else { return nil }
        return CalendarEntry(day: day, note: note, source: source)
    }

    /// `date`: a quoted `YYYY-MM-DD` of a day that exists, in the file's year.
    private static func readDate(_ table: TableReader, year: Int?) -> LocalDay? {
        let key = table.keyPath("date")
        guard let value = table.entries["date"] else {
            table.issues.report(key, "missing; this key is required")
            return nil
        }
        let text: String
        switch value {
        case .string(let string):
            text = string
        case .unsupported(let typeName) where typeName.contains("date"):
            table.issues.report(key, "expected a date in quotes, such as \"\(year ?? 2026)-01-01\", found \(typeName); write it as a string")
            return nil
        default:
            table.issues.report(key, "expected a date written \"YYYY-MM-DD\", found \(value.typeName)")
            return nil
        }
        guard let day = LocalDay(text) else {
            if isDateShaped(text) {
                table.issues.report(key, "expected a date that exists in the calendar, found \"\(text)\"")
            } else {
                table.issues.report(key, "expected a date written \"YYYY-MM-DD\", found \"\(text)\"")
            }
            return nil
        }
        if let year, day.year != year {
            table.issues.report(key, "expected a date in \(year), the year of this file, found \(day)")
            return nil
        }
        return day
    }

    /// Four digits, dash, two digits, dash, two digits: the right shape, whether or not the day exists.
    private static func isDateShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2]
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    // MARK: Whole file

    private static func crossCheck(
        daysOff: [DayOff?], dayOffTables: [TableReader], workingDays: [CalendarEntry?], workingTables: [TableReader],
        issues: IssueCollector
    ) {
        var firstOff: [LocalDay: String] = [:]
        for (index, dayOff) in daysOff.enumerated() {
            guard let dayOff else { continue }
            let path = dayOffTables[index].path
            if let earlier = firstOff[dayOff.day] {
                issues.report("\(path).date", "duplicate date \(dayOff.day); it is already listed at \(earlier)")
            } else {
                firstOff[dayOff.day] = path
            }
        }
        var firstWorking: [LocalDay: String] = [:]
        for (index, entry) in workingDays.enumerated() {
            guard let entry else { continue }
            let path = workingTables[index].path
            if let earlier = firstWorking[entry.day] {
                issues.report("\(path).date", "duplicate date \(entry.day); it is already listed at \(earlier)")
                continue
            }
            firstWorking[entry.day] = path
            if let offPath = firstOff[entry.day] {
                issues.report("\(path).date", "\(entry.day) is also a day off at \(offPath); a day cannot be both off and working")
            }
        }
        // Swaps move a working day, one for one: the count must match when every entry was read.
        if daysOff.allSatisfy({ $0 != nil }) && workingDays.allSatisfy({ $0 != nil }) {
            let swapped = daysOff.compactMap { $0 }.filter { $0.kind == .swapped }.count
            let working = workingDays.count
            if swapped != working {
                issues.report(
                    "working_days",
                    "expected one working day for each swapped day off, found \(working) working day\(working == 1 ? "" : "s") and \(swapped) swapped day\(swapped == 1 ? "" : "s") off")
            }
        }
    }
}
