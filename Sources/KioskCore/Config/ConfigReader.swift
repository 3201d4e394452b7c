import Foundation

/// Collects issues while a config tree is decoded, so that decoding never stops at the first error.
final class IssueCollector {
    let file: String
    private(set) var issues: [ConfigIssue] = []

    init(file: String) {
        self.file = file
    }

    func report(_ key: String, _ message: String) {
        issues.append(ConfigIssue(file: file, key: key, message: message))
    }
}

/// Typed, error-collecting access to one table of the config tree.
struct TableReader {
    let path: String
    let entries: [String: ConfigValue]
    let issues: IssueCollector

    func keyPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func has(_ key: String) -> Bool {
        entries[key] != nil
    }

    /// Reports keys this table does not know, so that a misspelt key is not silently ignored.
    func rejectUnknownKeys(_ known: [String]) {
        for key in entries.keys.sorted() where !known.contains(key) {
            issues.report(keyPath(key), "unknown key; expected one of: \(known.joined(separator: ", "))")
        }
    }

    private func value(_ key: String, required: Bool) -> ConfigValue? {
        guard let value = entries[key] else {
            if required { issues.report(keyPath(key), "missing; this key is required") }
            return nil
        }
        return value
    }

    private func mismatch(_ key: String, expected: String, found: ConfigValue) {
        issues.report(keyPath(key), "expected \(expected), found \(found.typeName)")
    }

    func string(_ key: String, required: Bool = true, nonEmpty: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let text) = value else {
            mismatch(key, expected: "a string", found: value)
            return nil
        }
        if nonEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.report(keyPath(key), "expected a non-empty string")
            return nil
        }
        return text
    }

    func integer(_ key: String, required: Bool = true, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard case .integer(let number) = value else {
            mismatch(key, expected: "an integer", found: value)
            return nil
        }
        if let range, !range.contains(number) {
            issues.report(keyPath(key), "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(number)")
            return nil
        }
        return number
    }

    func number(_ key: String, required: Bool = true, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        let number: Double
        switch value {
        case .integer(let whole): number = Double(whole)
        case .float(let fraction): number = fraction
        default:
            mismatch(key, expected: "a number", found: value)
            return nil
        }
        if let range, !range.contains(number) {
            issues.report(keyPath(key), "expected a number from \(range.lowerBound) to \(range.upperBound), found \(number)")
            return nil
        }
        return number
    }

    func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let flag) = value else {
            mismatch(key, expected: "true or false", found: value)
            return nil
        }
        return flag
    }

    func table(_ key: String, required: Bool = true) -> TableReader? {
        guard let value = value(key, required: required) else { return nil }
        guard case .table(let entries) = value else {
            mismatch(key, expected: "a table", found: value)
            return nil
        }
        return TableReader(path: keyPath(key), entries: entries, issues: issues)
    }

    /// An array of tables (`[[key]]` in TOML); each element that is not a table is reported.
    func tables(_ key: String, required: Bool = true) -> [TableReader]? {
        guard let elements = array(key, required: required) else { return nil }
        var readers: [TableReader] = []
        for (index, element) in elements.enumerated() {
            let elementPath = "\(keyPath(key))[\(index)]"
            guard case .table(let entries) = element else {
                issues.report(elementPath, "expected a table, found \(element.typeName)")
                continue
            }
            readers.append(TableReader(path: elementPath, entries: entries, issues: issues))
        }
        return readers
    }

    func array(_ key: String, required: Bool = true) -> [ConfigValue]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .array(let elements) = value else {
            mismatch(key, expected: "an array", found: value)
            return nil
        }
        return elements
    }

    func strings(_ key: String, required: Bool = true) -> [String]? {
        guard let elements = array(key, required: required) else { return nil }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                issues.report("\(keyPath(key))[\(index)]", "expected a string, found \(element.typeName)")
                return nil
            }
            result.append(text)
        }
        return result
    }

    func numbers(_ key: String, required: Bool = true) -> [Double]? {
        guard let elements = array(key, required: required) else { return nil }
        var result: [Double] = []
        for (index, element) in elements.enumerated() {
            switch element {
            case .integer(let whole): result.append(Double(whole))
            case .float(let fraction): result.append(fraction)
            default:
                issues.report("\(keyPath(key))[\(index)]", "expected a number, found \(element.typeName)")
                return nil
            }
        }
        return result
    }

    /// A string that must be one of a fixed set of words.
    func choice<T>(_ key: String, required: Bool = true, _ options: KeyValuePairs<String, T>) -> T? {
        guard let word = string(key, required: required) else { return nil }
        guard let match = options.first(where: { $0.key == word }) else {
            issues.report(keyPath(key), "expected one of: \(options.map(\.key).joined(separator: ", ")); found \"\(word)\"")
            return nil
        }
        return match.value
    }
}
