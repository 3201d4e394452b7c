/// A value of the canonical JSON that sealed days are written in (docs/SEALED-DAY.md): no
/// floating point and no null, so that one value has exactly one encoding.
public enum CanonicalValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([CanonicalValue])
    /// Keys are unique; the encoding orders them by their UTF-8 bytes whatever the order here.
    case object([(String, CanonicalValue)])

    public static func == (lhs: CanonicalValue, rhs: CanonicalValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// What a schema error calls a value of this type.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .bool: "a boolean"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
