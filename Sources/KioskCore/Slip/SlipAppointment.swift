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
        if let returnAt = request.returnAt { return .success(returnAt) }
        do {
            let appointment = try calendar.appointment(
                receivedAt: request.receivedAt, workingDays: request.processingWorkingDays, in: timeZone, hours: hours)
            return .success(appointment.date)
        } catch {
            return .failure(.invalid([FieldProblem(field: "processingWorkingDays", reason: error.description)]))
        }
    }
}
