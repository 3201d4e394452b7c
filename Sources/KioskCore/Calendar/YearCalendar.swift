import Foundation

/// Why a day that would be a working day is not one.
public enum DayOffKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A public holiday of the Labour Code (Bộ luật Lao động 2019, Điều 112), or a day of Tết the
    /// Prime Minister fixes for the year.
    case holiday
    /// A day off given back because a holiday fell on the weekly rest day (nghỉ bù).
    case compensatory
    /// A working day moved to a weekend day by a swap the government decided (nghỉ hoán đổi);
    /// the weekend day it moved to is listed as a working day.
    case swapped

    /// How a slip or a screen names it.
    public var vietnamese: String {
        switch self {
        case .holiday: "Nghỉ lễ, tết"
        case .compensatory: "Nghỉ bù"
        case .swapped: "Nghỉ hoán đổi"
        }
    }

    public var description: String { rawValue }
}

/// One dated entry of a year's calendar, with what it is and the document that decided it.
public struct CalendarEntry: Sendable, Hashable {
    public let day: LocalDay
    /// What the day is, in Vietnamese (e.g. "Tết Nguyên đán Bính Ngọ – mùng 1 Tết").
    public let note: String
    /// The legal document or notice that makes the day what it is.
    public let source: String

    public init(day: LocalDay, note: String, source: String) {
        self.day = day
        self.note = note
        self.source = source
    }
}

/// A day the office is closed although it is not a weekly rest day (or a holiday on one).
public struct DayOff: Sendable, Hashable {
    public let kind: DayOffKind
    public let entry: CalendarEntry

    public init(kind: DayOffKind, entry: CalendarEntry) {
        self.kind = kind
        self.entry = entry
    }

    public var day: LocalDay { entry.day }
}

/// One year of the national working calendar, as decided by law and the year's notices:
/// holidays, compensatory and swapped days off, and the weekend days made working days.
///
/// Built by `YearCalendarDecoder` from `calendar/YYYY.toml`, which validates it, or by
/// `ProvisionalYearBuilder` from the law for a year without a file; the initialiser itself trusts
/// its input (tests build small calendars directly).
public struct YearCalendar: Sendable, Hashable {
    public let year: Int
    public let daysOff: [DayOff]
    /// Saturdays or Sundays made working days (làm bù), each paired with a swapped day off.
    public let workingDays: [CalendarEntry]
    /// An official file's calendar, or a provisional one computed from the law.
    public let origin: CalendarOrigin

    public init(year: Int, daysOff: [DayOff], workingDays: [CalendarEntry], origin: CalendarOrigin = .official) {
        self.year = year
        self.daysOff = daysOff.sorted { $0.day < $1.day }
        self.workingDays = workingDays.sorted { $0.day < $1.day }
        self.origin = origin
    }

    public var isProvisional: Bool { origin == .provisional }

    public func dayOff(on day: LocalDay) -> DayOff? {
        daysOff.first { $0.day == day }
    }

    public func workingDay(on day: LocalDay) -> CalendarEntry? {
        workingDays.first { $0.day == day }
    }
}
