import Foundation
import KioskCore
import Testing

/// The return time printed on a slip: the request's own, else the working calendar's.
@Suite struct SlipAppointmentTests {
    typealias F = CalendarFixtures

    /// Received Monday 23/11/2026 08:40, 3 working days, no return time given.
    func request(received: String = "2026-11-23 08:40", days: Double = 3, returnAt: Date? = nil) -> SlipRequest {
        SlipRequest(
            dossierCode: "000.20.36.H26-261123-0042",
            applicant: .init(name: "Nguyễn Thị Huyền Trang", address: "Số 12 ngõ 34 phố Hàng Bạc", phone: "0912 345 678"),
            procedure: "Đăng ký khai sinh", documents: [.init(name: "Tờ khai đăng ký khai sinh")],
            processingWorkingDays: days, receivedAt: F.at(received), returnAt: returnAt, recordBook: "05",
            serialNumber: "0042")
    }

    func returnTime(
        _ request: SlipRequest, calendar: WorkingCalendar, hours: OfficeHours = .standard
    ) -> Result<Date, SlipRequestError> {
        SlipAppointment.returnTime(for: request, calendar: calendar, hours: hours, timeZone: F.hoChiMinhCity)
    }

    /// Received in Monday's morning session, which does not count: Monday afternoon, Tuesday and
    /// Wednesday (both sessions) and Thursday morning are the 6 half days; back Thursday 13:30.
    @Test func threeWorkingDaysFromMondayMorningEndThursdayAfternoon() throws {
        let date = try returnTime(request(), calendar: F.calendar2026()).get()
        #expect(date == F.at("2026-11-26 13:30"))
    }

    @Test func aDayOffIsSkipped() throws {
        let calendar = try F.calendar2026(daysOff: [F.dayOff("2026-11-25")])
        #expect(try returnTime(request(), calendar: calendar).get() == F.at("2026-11-27 13:30"))
    }

    @Test func theOfficesHoursSetTheReturnTime() throws {
        let hours = try OfficeHours(
            morning: .init(start: .init(hour: 8, minute: 0)!, end: .init(hour: 12, minute: 0)!),
            afternoon: .init(start: .init(hour: 13, minute: 0)!, end: .init(hour: 17, minute: 0)!))
        #expect(try returnTime(request(), calendar: F.calendar2026(), hours: hours).get() == F.at("2026-11-26 13:00"))
    }

    /// The case software's own appointment is printed as given, even with no calendar at all.
    @Test func aGivenReturnTimeWins() throws {
        let given = F.at("2026-11-26 14:00")
        #expect(try returnTime(request(returnAt: given), calendar: WorkingCalendar([])).get() == given)
        #expect(try returnTime(request(returnAt: given), calendar: F.calendar2026()).get() == given)
    }

    /// Received Wednesday 30/12/2026: five working days run into 2027, which has no calendar.
    @Test func aYearWithoutACalendarIsA422OnTheProcessingTime() throws {
        let result = returnTime(request(received: "2026-12-30 09:00", days: 5), calendar: try F.calendar2026())
        guard case .failure(let error) = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(error == .invalid([FieldProblem(field: "processingWorkingDays", reason: CalendarError.yearNotCovered(2027).description)]))
        #expect(error.problems.first?.reason.hasPrefix("Chưa có lịch ngày làm việc năm 2027") == true)
    }

    @Test func aParsedRequestGetsItsAppointment() throws {
        let body = """
            {"dossierCode": "H26-0042", "procedure": "Đăng ký khai sinh", "recordBook": "05", "serialNumber": "0042",
             "applicant": {"name": "Nguyễn Văn An", "address": "Hà Nội", "phone": "0912345678"},
             "documents": [{"name": "Tờ khai"}], "processingWorkingDays": 0.5, "receivedAt": "2026-11-23T15:00:00+07:00"}
            """
        let request = try SlipRequestParser.parse(Data(body.utf8), now: F.at("2026-11-23 15:00"), timeZone: F.hoChiMinhCity).get()
        // Received in the afternoon session: Tuesday morning is the half day; back Tuesday 13:30.
        #expect(try returnTime(request, calendar: F.calendar2026()).get() == F.at("2026-11-24 13:30"))
    }
}
