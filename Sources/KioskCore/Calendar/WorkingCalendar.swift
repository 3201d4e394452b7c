import Foundation

/// One half of one working day: the unit in which processing time is counted.
public struct OfficeSession: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let day: LocalDay
    public let part: OfficeHours.Part

    public init(day: LocalDay, part: OfficeHours.Part) {
        self.day = day
        self.part = part
    }

    /// The instant the session starts, in the office's time zone.
    public func start(in timeZone: TimeZone, hours: OfficeHours) -> Date {
        WorkingCalendar.instant(day, hours.session(part).start, in: timeZone)
    }

    /// e.g. "2026-02-23 morning".
    public var description: String { "\(day) \(part)" }

    public static func < (lhs: OfficeSession, rhs: OfficeSession) -> Bool {
        (lhs.day, lhs.part.rawValue) < (rhs.day, rhs.part.rawValue)
    }
}

/// When a dossier's result is to be returned, and how it was counted.
public struct ReturnAppointment: Sendable, Hashable, CustomStringConvertible {
    /// The first session counted: the first session that starts after the dossier was received.
    public let countingStarts: OfficeSession
    /// The last session counted.
    public let lastCounted: OfficeSession
    /// The session at whose start the result is returned (the one after `lastCounted`).
    public let returnSession: OfficeSession
    /// How many sessions (half days) were counted: 2 × the working days, rounded up.
    public let sessionsCounted: Int
    /// The return time of day: the start of `returnSession`.
    public let time: OfficeHours.ClockTime
    /// The return instant.
    public let date: Date
    /// The years of the days counted (from `countingStarts` to `returnSession`) whose calendar is
    /// provisional: the date then rests on the law and a rule, not on the year's decisions.
    public let provisionalYears: [Int]

    /// Whether any day counted lies in a provisional year.
    public var isProvisional: Bool { !provisionalYears.isEmpty }

    /// As written on the slip: "13 giờ 30 phút chiều thứ Ba, ngày 24/02/2026".
    public var vietnamese: String {
        "\(time.vietnamese) \(returnSession.part.vietnamese) \(returnSession.day.weekday.vietnameseName), ngày \(returnSession.day.vietnameseNumeric)"
    }

    /// e.g. "2026-02-24 13:30 (afternoon)".
    public var description: String { "\(returnSession.day) \(time) (\(returnSession.part))" }
}

/// What a day is for the office.
public enum DayStatus: Sendable, Hashable {
    /// An ordinary working day (Monday to Friday by default).
    case working
    /// A weekend day made a working day by a swap (làm bù).
    case swappedWorkingDay(CalendarEntry)
    /// A weekly rest day.
    case weekend
    /// A holiday, compensatory or swapped day off.
    case dayOff(DayOff)

    public var isWorking: Bool {
        switch self {
        case .working, .swappedWorkingDay: true
        case .weekend, .dayOff: false
        }
    }
}

/// The working days of the years it was built from, and the appointment (return) date of a dossier.
///
/// It answers only for the years it has a calendar for: the official ones it was given and, when
/// built with a `ProvisionalYearBuilder`, a provisional one for every other year the builder
/// supports (1900–2100). Asking about a day of any other year throws
/// `CalendarError.yearNotCovered(year)`, never guesses.
public struct WorkingCalendar: Sendable {
    /// The largest processing time accepted, in working days (about four years).
    public static let maximumWorkingDays: Double = 1000

    /// The official calendars (files), by year.
    public let official: [Int: YearCalendar]
    /// Weekly rest days; Saturday and Sunday by default (the 40-hour week of public offices).
    public let weekend: Set<LocalDay.Weekday>

    private let provisional: ProvisionalYears?

    /// `calendars` are the official years (at most one per year); with `provisional`, every other
    /// year of `ProvisionalYearBuilder.supportedYears` gets the builder's provisional calendar,
    /// built when a date in it is first asked about.
    public init(
        _ calendars: [YearCalendar], weekend: Set<LocalDay.Weekday> = [.saturday, .sunday], provisional: ProvisionalYearBuilder? = nil
    ) throws(CalendarError) {
        var official: [Int: YearCalendar] = [:]
        for calendar in calendars {
            guard official[calendar.year] == nil else { throw .duplicateYear(calendar.year) }
            official[calendar.year] = calendar
        }
        self.official = official
        self.weekend = weekend
        self.provisional = provisional.map(ProvisionalYears.init)
    }

    /// The calendar of `year`: its official file's, else a provisional one, else nil.
    public func calendar(ofYear year: Int) -> YearCalendar? {
        official[year] ?? provisional?.calendar(for: year)
    }

    /// The years covered, official or provisional, in order.
    public var coveredYears: [Int] { (officialYears + provisionalYears).sorted() }

    /// The years of official calendars (files), in order.
    public var officialYears: [Int] { official.keys.sorted() }

    /// The years of provisional calendars, in order.
    public var provisionalYears: [Int] {
        provisional == nil ? [] : ProvisionalYearBuilder.supportedYears.filter { official[$0] == nil }
    }

    /// What `day` is. A swapped working day wins over the weekend; a listed day off over a weekday.
    public func status(of day: LocalDay) throws(CalendarError) -> DayStatus {
        guard let year = calendar(ofYear: day.year) else { throw .yearNotCovered(day.year) }
        if let entry = year.workingDay(on: day) { return .swappedWorkingDay(entry) }
        if let dayOff = year.dayOff(on: day) { return .dayOff(dayOff) }
        return weekend.contains(day.weekday) ? .weekend : .working
    }

    public func isWorkingDay(_ day: LocalDay) throws(CalendarError) -> Bool {
        try status(of: day).isWorking
    }

    /// The first working day strictly after `day`.
    public func nextWorkingDay(after day: LocalDay) throws(CalendarError) -> LocalDay {
        var candidate = day
        while true {
            guard let next = candidate.next else { throw .yearNotCovered(candidate.year + 1) }
            candidate = next
            if try isWorkingDay(candidate) { return candidate }
        }
    }

    /// The time a dossier's result is returned; see `appointment(receivedAt:workingDays:in:hours:)`
    /// for the rule.
    public func returnTime(
        receivedAt: Date, workingDays: Double, in timeZone: TimeZone, hours: OfficeHours = .standard
    ) throws(CalendarError) -> Date {
        try appointment(receivedAt: receivedAt, workingDays: workingDays, in: timeZone, hours: hours).date
    }

    /// The appointment for a dossier received at `receivedAt` whose processing time is
    /// `workingDays` working days, counted in half days the way a one-stop office counts:
    ///
    /// 1. A working day has two sessions, morning and afternoon (`hours`, wall-clock times in
    ///    `timeZone`). Weekends, holidays, compensatory and swapped days off have none; a weekend
    ///    day swapped into a working day (làm bù) has both.
    /// 2. The session in which the dossier is received is not counted. Counting starts with the
    ///    first session that starts strictly after `receivedAt`: received in the morning session
    ///    or over lunch → counting starts that afternoon; received in the afternoon session, after
    ///    hours, or on a day off → it starts the morning of the next working day. Received before
    ///    the office opens (07:00) → that morning counts in full. Session ends play no part.
    /// 3. N working days are 2N sessions. A fraction is rounded up to the next half day: 0.5 is
    ///    one session, 1.2 counts as 1.5 days (3 sessions), so the appointment is never earlier
    ///    than the legal time. N must be > 0 and ≤ `maximumWorkingDays`.
    /// 4. The result is returned at the START of the working session after the last counted
    ///    one: "7 giờ 30 phút sáng …" or "13 giờ 30 phút chiều …" with the standard hours.
    ///
    /// With the standard hours (07:30–11:30, 13:30–17:00) and no holiday in between:
    /// received Monday 09:00, 1 day → counts Monday afternoon and Tuesday morning → Tuesday 13:30;
    /// received Monday 15:00, 1 day → counts Tuesday morning and afternoon → Wednesday 07:30;
    /// received Monday 09:00, 0.5 day → counts Monday afternoon → Tuesday 07:30.
    ///
    /// Throws `CalendarError.yearNotCovered` when any day the count has to look at (including
    /// the day of the return session) is in a year without a calendar.
    public func appointment(
        receivedAt: Date, workingDays: Double, in timeZone: TimeZone, hours: OfficeHours = .standard
    ) throws(CalendarError) -> ReturnAppointment {
        guard workingDays.isFinite, workingDays > 0, workingDays <= Self.maximumWorkingDays else {
            throw .invalidWorkingDays(workingDays)
        }
        // Rounded up to whole sessions; the small tolerance keeps 1.5 (and 1.0 + rounding noise) exact.
        let sessions = max(1, Int((workingDays * 2 - 1e-9).rounded(.up)))

        let first = try firstSession(startingAfter: receivedAt, in: timeZone, hours: hours)
        var last = first
        for _ in 1..<sessions {
            last = try session(after: last)
        }
        let returned = try session(after: last)
        let provisional = (first.day.year...returned.day.year).filter { calendar(ofYear: $0)?.isProvisional == true }
        return ReturnAppointment(
            countingStarts: first, lastCounted: last, returnSession: returned, sessionsCounted: sessions,
            time: hours.session(returned.part).start, date: returned.start(in: timeZone, hours: hours), provisionalYears: provisional)
    }

    /// The first working session that starts strictly after `instant`.
    ///
    /// Only days that can hold such a session are looked up, so a dossier received on the evening
    /// of 31 December needs next year's calendar but not this year's.
    public func firstSession(startingAfter instant: Date, in timeZone: TimeZone, hours: OfficeHours) throws(CalendarError) -> OfficeSession {
        let receiptDay = LocalDay(instant, in: timeZone)
        for part in OfficeHours.Part.allCases {
            let candidate = OfficeSession(day: receiptDay, part: part)
            if candidate.start(in: timeZone, hours: hours) > instant {
                if try isWorkingDay(receiptDay) { return candidate }
                break
            }
        }
        return OfficeSession(day: try nextWorkingDay(after: receiptDay), part: .morning)
    }

    /// The working session after `session`: the afternoon of the same day, else the next working morning.
    public func session(after session: OfficeSession) throws(CalendarError) -> OfficeSession {
        switch session.part {
        case .morning: OfficeSession(day: session.day, part: .afternoon)
        case .afternoon: OfficeSession(day: try nextWorkingDay(after: session.day), part: .morning)
        }
    }

    /// The instant of a wall-clock time on a day in a time zone.
    static func instant(_ day: LocalDay, _ time: OfficeHours.ClockTime, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute)
        return calendar.date(from: components)!
    }
}
