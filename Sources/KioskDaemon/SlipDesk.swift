import Foundation
import KioskCore
import KioskPrint
import KioskProtocol
import Logging

/// Slip requests from the HTTP API and `kioskctl print slip`: parse and check the JSON, compute
/// the return time on the working-day calendar when the request does not give one, and print
/// the slip on the counter's printer (or the office's), answering with an HTTP status and JSON.
struct SlipDesk: Sendable {
    let config: OfficeConfig
    let slips: SlipConfig
    let calendar: CalendarBook?
    let spooler: PrintSpooler
    let clock: OfficeClock
    /// How long to wait for the printer before answering.
    var printTimeout: Double = 60
    /// Says in the journal when a return date is provisional.
    var logger = Logger(label: "kioskd.slips")

    struct Answer: Sendable, Equatable {
        var status: Int
        var body: String
    }

    func handle(_ body: [UInt8]) -> Answer {
        let timeZone = clock.timeZone
        let request: SlipRequest
        switch SlipRequestParser.parse(body, now: clock.now(), timeZone: timeZone) {
        case .success(let parsed): request = parsed
        case .failure(let error): return error.answer
        }
        var printerID = slips.printer
        if let counterID = request.counter {
            guard let counter = config.counter(id: counterID) else {
                let known = config.counters.map(\.id).joined(separator: ", ")
                return Self.invalid("counter", "unknown counter \"\(counterID)\"; expected one of: \(known)")
            }
            printerID = counter.slipPrinter ?? printerID
        }
        let returnAt: Date
        var provisionalYears: [Int] = []
        if let calendar = calendar?.current {
            switch SlipAppointment.dated(request, calendar: calendar, hours: config.hours, timeZone: timeZone) {
            case .success(let dated):
                returnAt = dated.returnAt
                provisionalYears = dated.provisionalYears
            case .failure(let error): return error.answer
            }
        } else if let given = request.returnAt {
            returnAt = given
        } else {
            return Self.invalid("returnAt", "missing, and kioskd has no working-day calendar to compute it")
        }
        guard returnAt > request.receivedAt else {
            return Self.invalid("returnAt", "expected a time after receivedAt")
        }

        let printout = slipPrintout(request, returnAt: returnAt, timeZone: timeZone)
        let reply = Reply<PrintResult>()
        spooler.enqueue(.slip(printout, copies: request.copies, printer: printerID, reply: reply))
        let result = reply.wait(timeout: printTimeout) ?? PrintResult(printer: printerID, job: nil, problem: .timedOut)
        let date = VietnameseDate(returnAt, timeZone: timeZone)
        let notice = provisionalYears.isEmpty ? nil : DaemonTexts.provisionalReturnDate(years: provisionalYears).text
        if let notice { logger.notice("slip \(request.dossierCode), return \(Self.iso(returnAt, timeZone)): \(notice)") }
        let answer = SlipReply(
            outcome: result.outcome, dossierCode: request.dossierCode, receivedAt: Self.iso(request.receivedAt, timeZone),
            returnAt: Self.iso(returnAt, timeZone), returnText: "\(date.time) \(date.weekdayInSentence), \(date.numericDate)",
            provisional: !provisionalYears.isEmpty, calendarNotice: notice)
        // The slip was not printed: the printer is the problem, not the request.
        return Answer(status: result.problem == nil ? 201 : 503, body: ProtocolJSON.encode(answer))
    }

    private func slipPrintout(_ request: SlipRequest, returnAt: Date, timeZone: TimeZone) -> SlipPrintout {
        return SlipPrintout(
            parentBody: slips.parentBody, issuingBody: slips.issuingBody, place: slips.place, dossierCode: request.dossierCode,
            applicant: request.applicant, procedure: request.procedure, documents: request.documents,
            numberOfSets: request.numberOfSets, processingWorkingDays: request.processingWorkingDays,
            receivedAt: request.receivedAt, returnAt: returnAt, collection: request.collection, recordBook: request.recordBook,
            serialNumber: request.serialNumber,
            feedback: .init(body: slips.feedbackBody, address: slips.feedbackAddress, hotline: slips.feedbackHotline),
            receivingOfficer: request.receivingOfficer, timeZone: timeZone)
    }

    private static func invalid(_ field: String, _ reason: String) -> Answer {
        SlipRequestError.invalid([FieldProblem(field: field, reason: reason)]).answer
    }

    private static func iso(_ date: Date, _ timeZone: TimeZone) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: timeZone, formatOptions: [.withInternetDateTime])
    }
}
