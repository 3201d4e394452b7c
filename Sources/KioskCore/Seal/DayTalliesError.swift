/// Why bytes are not a sealed day: where (a JSON path such as `votes[3].score`) and what is wrong.
public struct DayTalliesError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
