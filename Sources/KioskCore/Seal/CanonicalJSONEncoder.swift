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
            writeInteger(number, to: &output)
        case .bool(let flag):
            output.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in orderedByKey(members).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.0, to: &output)
                output.append(UInt8(ascii: ":"))
                write(member.1, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Members in ascending order of their keys' NFC UTF-8 bytes. Keys are nearly always ASCII
    /// (their own NFC), so those compare as they are.
    private static func orderedByKey(_ members: [(String, CanonicalValue)]) -> [(String, CanonicalValue)] {
        if members.allSatisfy({ isASCII($0.0) }) {
            return members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        }
        return members.map { (normalized($0.0), $0.1) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }

    static func normalized(_ text: String) -> String {
        // ASCII is its own NFC; most keys and ids are ASCII, and normalising is costly.
        isASCII(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    static func writeInteger(_ number: Int64, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }

    static func writeString(_ text: String, to output: inout [UInt8]) {
        var text = normalized(text)
        text.withUTF8 { writeEscaped($0, to: &output) }
    }

    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0xF))
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
