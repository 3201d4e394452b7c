import Foundation
import KioskCore
@testable import KioskDaemon
import KioskProtocol
import Testing

/// How kioskd answers a refused slip request, over HTTP and the control socket alike.
struct SlipAnswerTests {
    @Test func invalidRequestsAnswer422WithEveryProblemInTheBody() throws {
        let error = SlipRequestError.invalid([
            FieldProblem(field: "applicant.phone", reason: "expected 8 to 15 digits, found 2"),
            FieldProblem(field: "processingWorkingDays", reason: "Chưa có lịch ngày làm việc năm 2027: thiếu tệp calendar/2027.toml"),
        ])
        let answer = error.answer
        #expect(answer.status == 422)
        #expect(answer.body.contains("Chưa có lịch ngày làm việc năm 2027: thiếu tệp calendar/2027.toml"))  // not \u-escaped
        #expect(answer.body.range(of: "\"error\"")!.lowerBound < answer.body.range(of: "\"problems\"")!.lowerBound)
        #expect(answer.body.range(of: "\"field\"")!.lowerBound < answer.body.range(of: "\"reason\"")!.lowerBound)
        let failure = try ProtocolJSON.decode(ControlFailure.self, from: answer.body)
        #expect(failure.error == "invalid slip request: 2 problems")
        #expect(failure.problems == [
            .init(field: "applicant.phone", reason: "expected 8 to 15 digits, found 2"),
            .init(field: "processingWorkingDays", reason: "Chưa có lịch ngày làm việc năm 2027: thiếu tệp calendar/2027.toml"),
        ])
    }

    @Test func malformedRequestsAnswer400WithNoProblems() throws {
        let answer = SlipRequestError.malformed("the body is empty; expected a JSON object").answer
        #expect(answer.status == 400)
        let failure = try ProtocolJSON.decode(ControlFailure.self, from: answer.body)
        #expect(failure.error == "malformed slip request: the body is empty; expected a JSON object")
        #expect(failure.problems == [])
    }
}
