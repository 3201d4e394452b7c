/// A refused request, on the control socket and in the HTTP API: what is wrong, and for a slip
/// request each wrong field with its reason.
public struct ControlFailure: Codable, Sendable, Equatable, Error, CustomStringConvertible {
    public struct FieldProblem: Codable, Sendable, Equatable {
        /// The field's path, e.g. `applicant.phone`, `documents[2].copies`.
        public var field: String
        public var reason: String

        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }
    }

    public var error: String
    public var problems: [FieldProblem]?

    public init(error: String, problems: [FieldProblem]? = nil) {
        self.error = error
        self.problems = problems
    }

    public var description: String { error }
}
