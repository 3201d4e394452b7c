import Foundation

/// The members of one JSON object of the request, read field by field; each problem is noted
/// under the object's path and the read gives nil.
struct SlipFieldReader {
    let members: [String: SlipJSONValue]
    /// "" for the top level, else e.g. "applicant" or "documents[2]".
    let path: String
    let problems: SlipProblemList

    func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func isPresent(_ key: String) -> Bool {
        switch members[key] {
        case nil, .null: false
        case .string(let text): !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        default: true
        }
    }

    /// The value, or nil with "missing" noted when it is absent, null or an empty string.
    func required(_ key: String) -> SlipJSONValue? {
        guard isPresent(key), let value = members[key] else {
            problems.add(path(of: key), "missing")
            return nil
        }
        return value
    }

    func requiredText(_ key: String, maxLength: Int) -> String? {
        guard isPresent(key) else {
            problems.add(path(of: key), "missing")
            return nil
        }
        return optionalText(key, maxLength: maxLength)
    }

    /// The trimmed string; nil when absent, null or empty, or (noted) not a string or too long.
    func optionalText(_ key: String, maxLength: Int) -> String? {
        guard isPresent(key), let value = members[key] else { return nil }
        guard case .string(let raw) = value else {
            problems.add(path(of: key), "expected a string, found \(value.typeName)")
            return nil
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maxLength else {
            problems.add(path(of: key), "expected at most \(maxLength) characters, found \(text.count)")
            return nil
        }
        return text
    }

    /// `value`, or nil with `problem` noted when there is one.
    func checked<Value>(_ key: String, _ value: Value, problem: String?) -> Value? {
        guard let problem else { return value }
        problems.add(path(of: key), problem)
        return nil
    }

    /// A whole number in `range` (1.0 counts as 1); `defaultValue` when absent or null.
    func wholeNumber(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int, expected: String? = nil) -> Int? {
        guard let value = members[key], value != .null else { return defaultValue }
        if case .number(let number) = value, let whole = Int(exactly: number), range.contains(whole) { return whole }
        let expectation = expected ?? "a whole number from \(range.lowerBound) to \(range.upperBound)"
        problems.add(path(of: key), "expected \(expectation), found \(value.foundDescription)")
        return nil
    }

    func requiredObject(_ key: String, describedAs expectation: String) -> SlipFieldReader? {
        guard let value = required(key) else { return nil }
        guard case .object(let members) = value else {
            problems.add(path(of: key), "expected \(expectation), found \(value.typeName)")
            return nil
        }
        return SlipFieldReader(members: members, path: path(of: key), problems: problems)
    }

    func requiredArray(_ key: String, describedAs expectation: String) -> [SlipJSONValue]? {
        guard let value = required(key) else { return nil }
        guard case .array(let elements) = value else {
            problems.add(path(of: key), "expected \(expectation), found \(value.typeName)")
            return nil
        }
        return elements
    }

    /// An instant written with its offset; nil when absent, or (noted) in any other form.
    func timestamp(_ key: String) -> Date? {
        guard let text = optionalText(key, maxLength: 64) else { return nil }
        guard let date = RFC3339Timestamp.parse(text) else {
            problems.add(path(of: key), "expected \(RFC3339Timestamp.expectedForm), found \(SlipRequestParser.quoted(text))")
            return nil
        }
        return date
    }

    func rejectUnknownKeys(allowed: [String]) {
        let expected = allowed.sorted().joined(separator: ", ")
        for key in members.keys.sorted() where !allowed.contains(key) {
            problems.add(path(of: key), "unknown key; expected one of: \(expected)")
        }
    }
}
