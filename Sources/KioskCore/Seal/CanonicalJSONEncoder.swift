import Foundation

/// Writes a `CanonicalValue` as canonical JSON: UTF-8, no whitespace, object keys in ascending
/// order of their UTF-8 bytes, strings in Unicode NFC with only `"`, `\` and control characters
/// escaped (as `\"`, `\\` and `\u00XX` in lower-case hex), integers in plain decimal.
public enum CanonicalJSONEncoder {
    public static func encode(_ value: CanonicalValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, to: &output)
        return output
    }

    private static func write(_ value: CanonicalValue, to output: inout [UInt8]) {
        switch value {
        case .string(let text):
            writeString(text, to: &output)
        case .integer(let number):
            output.append(contentsOf: Array(String(number).utf8))
        case .bool(let flag):
            output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted = members.map { (Array(normalized($0.0).utf8), $0.1) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeEscaped(member.0, to: &output)
                output.append(UInt8(ascii: ":"))
                write(member.1, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func normalized(_ text: String) -> String {
        // ASCII is its own NFC; most keys and ids are ASCII, and normalising is costly.
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        writeEscaped(Array(normalized(text).utf8), to: &output)
    }

    private static func writeEscaped(_ bytes: [UInt8], to output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
