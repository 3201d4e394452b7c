import Foundation

/// The one JSON codec of the protocol: keys sorted, slashes and Vietnamese text as they are, so
/// that every side writes the same bytes for the same value.
public enum ProtocolJSON {
    public static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The protocol's types hold strings, numbers, booleans, arrays and optionals only: no value fails to encode.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    /// Indented, for people (`--json` of the admin commands).
    public static func encodePretty<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }
}
