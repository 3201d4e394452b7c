import Foundation

extension LocalDay {
    /// A day of the week, Monday first as Vietnamese calendars print it ("thứ Hai" … "Chủ nhật").
    public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
        case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

        /// As printed on a slip: "thứ Hai", …, "thứ Bảy", "Chủ nhật".
        public var vietnameseName: String {
            switch self {
            case .monday: "thứ Hai"
            case .tuesday: "thứ Ba"
            case .wednesday: "thứ Tư"
            case .thursday: "thứ Năm"
            case .friday: "thứ Sáu"
            case .saturday: "thứ Bảy"
            case .sunday: "Chủ nhật"
            }
        }

        /// English name, e.g. "Saturday", for messages that give both languages.
        public var englishName: String {
            switch self {
            case .monday: "Monday"
            case .tuesday: "Tuesday"
            case .wednesday: "Wednesday"
            case .thursday: "Thursday"
            case .friday: "Friday"
            case .saturday: "Saturday"
            case .sunday: "Sunday"
            }
        }

        public var description: String { englishName }

        public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }

    /// The day of the week (proleptic Gregorian calendar).
    public var weekday: Weekday {
        // Day 0 of `daysSinceEpoch` (1970-01-01) was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: index + 1)!
    }

    /// The day `count` days later (earlier when negative), or nil outside years 1…9999.
    public func adding(days count: Int) -> LocalDay? {
        let (year, month, day) = Self.civil(fromDaysSinceEpoch: daysSinceEpoch + count)
        return LocalDay(year: year, month: month, day: day)
    }

    /// The next calendar day, or nil after 9999-12-31.
    public var next: LocalDay? { adding(days: 1) }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSinceEpoch` (Hinnant's `civil_from_days`).
    static func civil(fromDaysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `dd/MM/yyyy`, the way dates are written on Vietnamese forms (e.g. "02/09/2026").
    public var vietnameseNumeric: String {
        String(format: "%02d/%02d/%04d", day, month, year)
    }
}
