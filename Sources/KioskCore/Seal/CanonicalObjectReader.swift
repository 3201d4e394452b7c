/// Reads the fields of one JSON object of a sealed day, naming the path in every error, and
/// insists that the object has exactly the fields that were read.
struct CanonicalObjectReader {
    let path: String
    private let members: [String: CanonicalValue]
    private var read: Set<String> = []

    init(_ value: CanonicalValue, path: String) throws(DayTalliesError) {
        guard case .object(let pairs) = value else {
            throw DayTalliesError(path: path, reason: "expected an object, found \(value.typeName)")
        }
        self.path = path
        members = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func value(_ key: String) throws(DayTalliesError) -> CanonicalValue {
        read.insert(key)
        guard let value = members[key] else { throw DayTalliesError(path: fieldPath(key), reason: "missing") }
        return value
    }

    mutating func string(_ key: String, maximumLength: Int = 200, allowEmpty: Bool = false) throws(DayTalliesError) -> String {
        guard case .string(let text) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected a string, found \(members[key]!.typeName)")
        }
        if !allowEmpty, text.isEmpty { throw DayTalliesError(path: fieldPath(key), reason: "must not be empty") }
        guard text.count <= maximumLength else {
            throw DayTalliesError(path: fieldPath(key), reason: "longer than \(maximumLength) characters")
        }
        return text
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(DayTalliesError) -> Int {
        guard case .integer(let number) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected an integer, found \(members[key]!.typeName)")
        }
        guard let small = Int(exactly: number), range.contains(small) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected \(range.lowerBound)…\(range.upperBound), found \(number)")
        }
        return small
    }

    mutating func bool(_ key: String) throws(DayTalliesError) -> Bool {
        guard case .bool(let flag) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected a boolean, found \(members[key]!.typeName)")
        }
        return flag
    }

    mutating func array(_ key: String, maximumCount: Int) throws(DayTalliesError) -> [CanonicalValue] {
        guard case .array(let elements) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected an array, found \(members[key]!.typeName)")
        }
        guard elements.count <= maximumCount else {
            throw DayTalliesError(path: fieldPath(key), reason: "more than \(maximumCount) entries")
        }
        return elements
    }

    /// Fails on a field nobody read: a sealed day has no optional or unknown fields.
    func finish() throws(DayTalliesError) {
        if let unknown = members.keys.filter({ !read.contains($0) }).sorted().first {
            throw DayTalliesError(path: fieldPath(unknown), reason: "unknown field")
        }
    }
}
