import Foundation

/// One problem with one field of a slip request.
public struct FieldProblem: Sendable, Equatable, CustomStringConvertible {
    /// The field's path, e.g. `applicant.phone`, `documents[2].copies`.
    public let field: String
    /// What was expected and what was found, in English.
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// Why a slip request was refused (kioskd answers it as HTTP 400 or 422: `SlipRequestError+Answer`).
public enum SlipRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is empty, not UTF-8 JSON, or not a JSON object.
    case malformed(String)
    /// The body is a JSON object with problems in its fields, all of them listed.
    case invalid([FieldProblem])

    /// One line for the `error` member of the answer.
    public var summary: String {
        switch self {
        case .malformed(let reason):
            return "malformed slip request: \(reason)"
        case .invalid(let problems):
            return "invalid slip request: \(problems.count) \(problems.count == 1 ? "problem" : "problems")"
        }
    }

    public var problems: [FieldProblem] {
        switch self {
        case .malformed: []
        case .invalid(let problems): problems
        }
    }

    public var description: String {
        ([summary] + problems.map(\.description)).joined(separator: "\n")
    }
}
