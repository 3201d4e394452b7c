import Foundation

/// A JSON value with booleans told apart from numbers: JSONSerialization gives both as NSNumber.
enum SlipJSONValue: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([SlipJSONValue])
    case object([String: SlipJSONValue])

    init(_ value: Any) {
        switch value {
        case let string as String: self = .string(string)
        // `true` and `false` are NSNumbers of C type `char` ("c"); JSON numbers never are.
        case let number as NSNumber where String(cString: number.objCType) == "c": self = .bool(number.boolValue)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let array as [Any]: self = .array(array.map(SlipJSONValue.init))
        case let object as [String: Any]: self = .object(object.mapValues(SlipJSONValue.init))
        default: self = .null
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
