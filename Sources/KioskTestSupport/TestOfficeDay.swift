import Foundation
import KioskCore

/// The numbering day of the offices the end-to-end tests run. Tests start at whatever hour CI
/// runs them; one that crossed the office's reset hour would see the tickets it took "yesterday"
/// dropped halfway (a CI run that crossed midnight in Hanoi failed so). These offices restart
/// their numbers twelve hours away from the hour the test process started, so no run meets the
/// reset. It also keeps the numbering day and the calendar day apart half the time, so that code
/// that takes one for the other shows.
public enum TestOfficeDay {
    public static let timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    public static let resetHour: Int = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return (calendar.component(.hour, from: Date()) + 12) % 24
    }()

    /// The day whose numbers the office gives at `instant`.
    public static func numbering(at instant: Date = Date()) -> LocalDay {
        NumberingDay.of(instant, timeZone: timeZone, resetHour: resetHour)
    }
}
