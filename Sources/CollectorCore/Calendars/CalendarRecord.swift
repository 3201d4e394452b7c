import Foundation
import KioskProtocol

/// A stored version of a year's calendar with who added it and when (`collectord calendar list`).
public struct CalendarRecord: Sendable, Equatable {
    public var calendar: SignedCalendar
    public var addedAt: Date
    public var addedBy: String

    public init(calendar: SignedCalendar, addedAt: Date, addedBy: String) {
        self.calendar = calendar
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

/// A year and version a kiosk said it has, when it last said so.
public struct KioskCalendarHolding: Sendable, Equatable {
    public var kiosk: String
    public var holding: CalendarHolding
    public var reportedAt: Date

    public init(kiosk: String, holding: CalendarHolding, reportedAt: Date) {
        self.kiosk = kiosk
        self.holding = holding
        self.reportedAt = reportedAt
    }
}
