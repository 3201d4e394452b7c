import Foundation

/// When an office receives and returns dossiers on a working day: a morning and an afternoon session.
///
/// Every working day has both sessions (the national schedule of a 40-hour week, Saturday and
/// Sunday off; see `WorkingCalendar` for swapped Saturdays). The default is the common
/// 07:30–11:30 and 13:30–17:00; an office with other hours passes its own.
public struct OfficeHours: Sendable, Hashable, CustomStringConvertible {
    /// A wall-clock time of day in the office's time zone, to the minute.
    public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let hour: Int
        public let minute: Int

        /// nil unless 0 ≤ hour ≤ 23 and 0 ≤ minute ≤ 59.
        public init?(hour: Int, minute: Int) {
            guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            self.hour = hour
            self.minute = minute
        }

        /// Parses `HH:MM` (24-hour, two digits each), e.g. "07:30".
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let hour = Int(parts[0]), let minute = Int(parts[1])
            else { return nil }
            self.init(hour: hour, minute: minute)
        }

        public var minutesSinceMidnight: Int { hour * 60 + minute }

        /// `HH:MM`.
        public var description: String { String(format: "%02d:%02d", hour, minute) }

        /// As written on a slip: "7 giờ 30 phút", "14 giờ".
        public var vietnamese: String { minute == 0 ? "\(hour) giờ" : "\(hour) giờ \(minute) phút" }

        public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool {
            lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
        }
    }

    /// Which half of a working day.
    public enum Part: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case morning = 0, afternoon = 1

        /// "sáng" or "chiều", as in "7 giờ 30 phút sáng thứ Tư".
        public var vietnamese: String { self == .morning ? "sáng" : "chiều" }
        public var description: String { self == .morning ? "morning" : "afternoon" }
    }

    /// One session: from `start` (inclusive) to `end` (exclusive).
    public struct Session: Sendable, Hashable, CustomStringConvertible {
        public let start: ClockTime
        public let end: ClockTime

        public init(start: ClockTime, end: ClockTime) {
            self.start = start
            self.end = end
        }

        public var description: String { "\(start)–\(end)" }
    }

    public let morning: Session
    public let afternoon: Session

    /// Office hours whose sessions are in order and do not overlap:
    /// morning start < morning end ≤ afternoon start < afternoon end.
    public init(morning: Session, afternoon: Session) throws(CalendarError) {
        guard morning.start < morning.end else {
            throw .invalidOfficeHours("the morning session must end after it starts, found \(morning)")
        }
        guard afternoon.start < afternoon.end else {
            throw .invalidOfficeHours("the afternoon session must end after it starts, found \(afternoon)")
        }
        guard morning.end <= afternoon.start else {
            throw .invalidOfficeHours("the afternoon session (\(afternoon)) must start at or after the morning session (\(morning)) ends")
        }
        self.morning = morning
        self.afternoon = afternoon
    }

    /// 07:30–11:30 and 13:30–17:00.
    public static let standard = try! OfficeHours(
        morning: Session(start: ClockTime(hour: 7, minute: 30)!, end: ClockTime(hour: 11, minute: 30)!),
        afternoon: Session(start: ClockTime(hour: 13, minute: 30)!, end: ClockTime(hour: 17, minute: 0)!))

    public func session(_ part: Part) -> Session {
        part == .morning ? morning : afternoon
    }

    public var description: String { "\(morning), \(afternoon)" }
}
