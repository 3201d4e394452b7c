import Foundation

/// When a slip says the result will be returned.
public enum SlipAppointment {
    /// The request's own `returnAt` when it has one; otherwise the appointment the working
    /// calendar gives for `processingWorkingDays` counted from `receivedAt`.
    ///
    /// A calendar that cannot answer (typically `CalendarError.yearNotCovered`: no calendar file for
    /// a year the count reaches) is a problem with the request's `processingWorkingDays` (422),
    /// whose reason is the calendar's own message, Vietnamese first, for the clerk to read.
    public static func returnTime(
        for request: SlipRequest, calendar: WorkingCalendar, hours: OfficeHours, timeZone: TimeZone
    ) -> Result<Date, SlipRequestError> {
        dated(request, calendar: calendar, hours: hours, timeZone: timeZone).map(\.returnAt)
    }

    /// The return time and, when the calendar counted it, the provisional years it counted in.
    public struct Dated: Sendable, Equatable {
        public let returnAt: Date
        /// Years without an official calendar whose days the count went through (empty for a
        /// `returnAt` the request gave, which no calendar counted).
        public let provisionalYears: [Int]
    }

    /// As `returnTime`, saying also whether the date rests on a provisional year.
    public static func dated(
        _ request: SlipRequest, calendar: WorkingCalendar, hours: OfficeHours, timeZone: TimeZone
    ) -> Result<Dated, SlipRequestError> {
        if let returnAt = request.returnAt { return .success(Dated(returnAt: returnAt, provisionalYears: [])) }
        do {
            let appointment = try calendar.appointment(
                receivedAt: request.receivedAt, workingDays: request.processingWorkingDays, in: timeZone, hours: hours)
            return .success(Dated(returnAt: appointment.date, provisionalYears: appointment.provisionalYears))
        } catch {
            return .failure(.invalid([FieldProblem(field: "processingWorkingDays", reason: error.description)]))
        }
    }
}
