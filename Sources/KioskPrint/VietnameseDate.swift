import Foundation
import KioskCore

/// Dates and times as Vietnamese forms write them, in the office's time zone. No locale data is
/// used (the output is the same on every machine).
public struct VietnameseDate: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    /// 1 = Sunday … 7 = Saturday (Gregorian calendar numbering).
    public let weekday: Int

    public init(_ date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        year = parts.year!
        month = parts.month!
        day = parts.day!
        hour = parts.hour!
        minute = parts.minute!
        weekday = parts.weekday!
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// "22/11/2026 08:15"
    public var dateTime: String { "\(numericDate) \(time)" }

    /// The calendar day, for KioskCore's date wording and weekday names.
    public var localDay: LocalDay { LocalDay(year: year, month: month, day: day)! }

    /// "22/11/2026"
    public var numericDate: String { localDay.vietnameseNumeric }

    /// "08:15"
    public var time: String { "\(Self.two(hour)):\(Self.two(minute))" }

    /// "ngày 22 tháng 11 năm 2026"
    public var longDate: String { "ngày \(Self.two(day)) tháng \(Self.two(month)) năm \(year)" }

    /// "08 giờ 15 phút, ngày 22 tháng 11 năm 2026" (the form's giờ, phút, ngày, tháng, năm).
    public var formDateTime: String { "\(Self.two(hour)) giờ \(Self.two(minute)) phút, \(longDate)" }

    /// "thứ Hai", "Chủ nhật": as in the middle of a sentence.
    public var weekdayInSentence: String { localDay.weekday.vietnameseName }

    /// "Thứ Hai", "Chủ nhật": at the start of a line.
    public var weekdayName: String { weekdayInSentence.prefix(1).uppercased() + weekdayInSentence.dropFirst() }

    /// "Hà Nội, ngày 22 tháng 11 năm 2026"
    public func placeAndDate(_ place: String) -> String { "\(place), \(longDate)" }
}
