/// One problem in a configuration: where it is (file and key path) and what was expected.
public struct ConfigIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// Dotted key path with array indices, e.g. `terminals[0].zones[1].width`; empty for the whole file.
    public let key: String
    public let message: String

    public init(file: String, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String {
        key.isEmpty ? "\(file): \(message)" : "\(file): \(key): \(message)"
    }
}

/// Every problem found in a configuration, reported together so one edit can fix them all.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public let issues: [ConfigIssue]

    public init(_ issues: [ConfigIssue]) {
        self.issues = issues
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
