import KioskCore
import KioskProtocol

extension SlipRequestError {
    /// 400 for a body that is not a JSON object, 422 for one with wrong fields.
    var httpStatus: Int {
        switch self {
        case .malformed: 400
        case .invalid: 422
        }
    }

    /// The answer's body: the summary, and every wrong field with its reason (none when malformed).
    var failure: ControlFailure {
        ControlFailure(error: summary, problems: problems.map { ControlFailure.FieldProblem(field: $0.field, reason: $0.reason) })
    }

    var answer: SlipDesk.Answer { SlipDesk.Answer(status: httpStatus, body: ProtocolJSON.encode(failure)) }
}
