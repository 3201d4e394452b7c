import Foundation

/// A JSON value with booleans told apart from numbers, so that `true` is never read as 1.
enum SlipJSONValue: Equatable, Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([SlipJSONValue])
    case object([String: SlipJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            // Before Double: a decoder that turned `true` into 1 would otherwise make it a number.
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([SlipJSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: SlipJSONValue].self))
        }
    }

    var typeName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// How a reason names a value that has the right type but not the right value, or else its type.
    var foundDescription: String {
        switch self {
        case .number(let number): Self.format(number)
        case .string(let text): SlipRequestParser.quoted(text)
        default: typeName
        }
    }

    /// 3 rather than 3.0; 2.5 as is.
    static func format(_ number: Double) -> String {
        if let whole = Int(exactly: number) { return String(whole) }
        return String(number)
    }
}
