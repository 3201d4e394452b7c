import Foundation

/// Why a working-day computation could not give a date. Messages are Vietnamese first, then English.
public enum CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The computation needs a day of `year`, and no calendar file for that year was loaded.
    case yearNotCovered(Int)
    /// Two calendars for the same year were given.
    case duplicateYear(Int)
    /// The number of working days is not a positive number of at most `WorkingCalendar.maximumWorkingDays`.
    case invalidWorkingDays(Double)
    /// Office hours whose sessions are out of order or overlap; the text says which.
    case invalidOfficeHours(String)

    /// The file a year's calendar is read from, relative to the config directory.
    public static func calendarFileName(year: Int) -> String {
        String(format: "calendar/%04d.toml", year)
    }

    public var description: String {
        switch self {
        case .yearNotCovered(let year):
            let file = Self.calendarFileName(year: year)
            return "Chưa có lịch ngày làm việc năm \(year): thiếu tệp \(file), nên không tính được ngày hẹn trả kết quả. "
                + "No working-day calendar for \(year): the file \(file) is missing, so the return date cannot be computed."
        case .duplicateYear(let year):
            return "Lịch năm \(year) được nạp hai lần. The calendar for \(year) was given twice."
        case .invalidWorkingDays(let days):
            return "Số ngày làm việc phải lớn hơn 0 và không quá \(Int(WorkingCalendar.maximumWorkingDays)), nhận được \(days). "
                + "The number of working days must be greater than 0 and at most \(Int(WorkingCalendar.maximumWorkingDays)), found \(days)."
        case .invalidOfficeHours(let reason):
            return "Giờ làm việc không hợp lệ: \(reason). Invalid office hours: \(reason)."
        }
    }
}
