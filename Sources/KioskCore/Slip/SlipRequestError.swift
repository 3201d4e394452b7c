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

/// Why a slip request was refused, and the HTTP answer that says so.
public enum SlipRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is empty, not UTF-8 JSON, or not a JSON object (HTTP 400).
    case malformed(String)
    /// The body is a JSON object with problems in its fields, all of them listed (HTTP 422).
    case invalid([FieldProblem])

    public var httpStatus: Int {
        switch self {
        case .malformed: 400
        case .invalid: 422
        }
    }

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

    /// The answer body: `{"error": "...", "problems": [{"field": "...", "reason": "..."}]}`,
    /// keys sorted, UTF-8 with Vietnamese text as is.
    public var json: String {
        let body: [String: Any] = [
            "error": summary,
            "problems": problems.map { ["field": $0.field, "reason": $0.reason] },
        ]
        // Only strings, arrays and dictionaries: serialisation cannot fail.
        let data = try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
