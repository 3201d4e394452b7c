/// Reads the fields of one JSON object of a sealed day, naming the path in every error, and
/// insists that the object has exactly the fields that were read.
struct CanonicalObjectReader {
    // A sealed day's objects have a handful of members each: a linear search over them and a bit
    // per member read cost far less than a dictionary and a set per object.
    private let container: String
    private let element: Int?
    private let members: [(String, CanonicalValue)]
    private var read: UInt64 = 0

    /// - Parameters:
    ///   - path: where the object is, e.g. `votes`;
    ///   - element: its index when it is an element of the array at `path`; the full path
    ///     (`votes[3]`) is only spelt out for an error.
    init(_ value: CanonicalValue, path: String, element: Int? = nil) throws(DayTalliesError) {
        container = path
        self.element = element
        guard case .object(let pairs) = value else {
            throw DayTalliesError(path: element.map { "\(path)[\($0)]" } ?? path, reason: "expected an object, found \(value.typeName)")
        }
        guard pairs.count <= 64 else { throw DayTalliesError(path: element.map { "\(path)[\($0)]" } ?? path, reason: "more than 64 fields") }
        members = pairs
    }

    var path: String { element.map { "\(container)[\($0)]" } ?? container }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func value(_ key: String) throws(DayTalliesError) -> CanonicalValue {
        // Keys are unique: the parser refuses a repeated one.
        guard let index = members.firstIndex(where: { $0.0 == key }) else { throw DayTalliesError(path: fieldPath(key), reason: "missing") }
        read |= 1 << UInt64(index)
        return members[index].1
    }

    mutating func string(_ key: String, maximumLength: Int = DayTallies.textLength, allowEmpty: Bool = false) throws(DayTalliesError) -> String {
        guard case .string(let text) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected a string, found \(members.first { $0.0 == key }!.1.typeName)")
        }
        if !allowEmpty, text.isEmpty { throw DayTalliesError(path: fieldPath(key), reason: "must not be empty") }
        // A string has no more characters than bytes: count characters only when it could matter.
        guard text.utf8.count <= maximumLength || text.count <= maximumLength else {
            throw DayTalliesError(path: fieldPath(key), reason: "longer than \(maximumLength) characters")
        }
        return text
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(DayTalliesError) -> Int {
        guard case .integer(let number) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected an integer, found \(members.first { $0.0 == key }!.1.typeName)")
        }
        guard let small = Int(exactly: number), range.contains(small) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected \(range.lowerBound)…\(range.upperBound), found \(number)")
        }
        return small
    }

    mutating func bool(_ key: String) throws(DayTalliesError) -> Bool {
        guard case .bool(let flag) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected a boolean, found \(members.first { $0.0 == key }!.1.typeName)")
        }
        return flag
    }

    mutating func array(_ key: String, maximumCount: Int) throws(DayTalliesError) -> [CanonicalValue] {
        guard case .array(let elements) = try value(key) else {
            throw DayTalliesError(path: fieldPath(key), reason: "expected an array, found \(members.first { $0.0 == key }!.1.typeName)")
        }
        guard elements.count <= maximumCount else {
            throw DayTalliesError(path: fieldPath(key), reason: "more than \(maximumCount) entries")
        }
        return elements
    }

    /// Fails on a field nobody read: a sealed day has no optional or unknown fields.
    func finish() throws(DayTalliesError) {
        guard read != (members.count == 64 ? UInt64.max : (1 << UInt64(members.count)) - 1) else { return }
        let readKeys = Set(members.indices.filter { read & (1 << UInt64($0)) != 0 }.map { members[$0].0 })
        if let unknown = members.map(\.0).filter({ !readKeys.contains($0) }).sorted().first {
            throw DayTalliesError(path: fieldPath(unknown), reason: "unknown field")
        }
    }
}
