/// Reads JSON into a `CanonicalValue`, refusing what canonical JSON cannot hold: fractions and
/// exponents, integers beyond 64 bits, null, duplicate keys, invalid UTF-8, nesting deeper than
/// `maximumDepth`. Whether the bytes were also in canonical form is the caller's check (encode the
/// value again and compare).
public struct CanonicalJSONParser {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// Byte offset in the input.
        public let offset: Int
        public let reason: String
        public var description: String { "byte \(offset): \(reason)" }
    }

    public static let maximumDepth = 16

    private let bytes: [UInt8]
    private var position = 0

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> CanonicalValue {
        var parser = CanonicalJSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("unexpected data after the value") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: position, reason: reason)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private mutating func expect(_ literal: String) throws(Failure) {
        let expected = Array(literal.utf8)
        guard bytes.count - position >= expected.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw failure("expected \(literal)")
        }
        position += expected.count
    }

    private mutating func value(depth: Int) throws(Failure) -> CanonicalValue {
        guard depth <= Self.maximumDepth else { throw failure("nested deeper than \(Self.maximumDepth) levels") }
        switch current {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"): throw failure("null is not allowed")
        case UInt8(ascii: "-"), UInt8(ascii: "0"), UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "3"),
            UInt8(ascii: "4"), UInt8(ascii: "5"), UInt8(ascii: "6"), UInt8(ascii: "7"), UInt8(ascii: "8"), UInt8(ascii: "9"):
            return .integer(try integer())
        case nil: throw failure("unexpected end of data")
        default: throw failure("unexpected character")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> CanonicalValue {
        position += 1
        var members: [(String, CanonicalValue)] = []
        // Objects in a sealed day have a dozen keys at most: a linear search finds a duplicate
        // faster than hashing every key; a set takes over for larger objects.
        var seen: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
            let keyOffset = position
            let key = try string()
            let duplicate: Bool
            if members.count < 16 {
                duplicate = members.contains { $0.0 == key }
            } else {
                if seen.isEmpty { seen = Set(members.map(\.0)) }
                duplicate = !seen.insert(key).inserted
            }
            guard !duplicate else { throw Failure(offset: keyOffset, reason: "duplicate key \"\(key)\"") }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected : after a key") }
            position += 1
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default: throw failure("expected , or } in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> CanonicalValue {
        position += 1
        var elements: [CanonicalValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(elements)
            default: throw failure("expected , or ] in an array")
            }
        }
    }

    private mutating func integer() throws(Failure) -> Int64 {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        let digitsStart = position
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        guard position > digitsStart else { throw failure("expected digits") }
        if bytes[digitsStart] == UInt8(ascii: "0"), position - digitsStart > 1 {
            throw Failure(offset: start, reason: "leading zeros are not allowed")
        }
        if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            throw failure("only integers are allowed")
        }
        var magnitude: UInt64 = 0
        for byte in bytes[digitsStart..<position] {
            let (times10, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { throw Failure(offset: start, reason: "integer out of range") }
            magnitude = sum
        }
        if digitsStart > start {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw Failure(offset: start, reason: "integer out of range") }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw Failure(offset: start, reason: "integer out of range") }
        return Int64(magnitude)
    }

    private mutating func string() throws(Failure) -> String {
        position += 1
        // Most strings hold neither escapes nor control characters: take their bytes as they are.
        let start = position
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { position += 1 }
        if current == UInt8(ascii: "\"") {
            guard let text = String(validating: bytes[start..<position], as: UTF8.self) else { throw failure("a string is not valid UTF-8") }
            position += 1
            return text
        }
        var scalars = Array(bytes[start..<position])
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: scalars, as: UTF8.self) else {
                    throw failure("a string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                position += 1
                try escape(into: &scalars)
            case 0..<0x20:
                throw failure("a control character in a string must be escaped")
            default:
                scalars.append(byte)
                position += 1
            }
        }
    }

    private mutating func escape(into output: inout [UInt8]) throws(Failure) {
        guard let byte = current else { throw failure("unterminated escape") }
        position += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let plain = simple[byte] {
            output.append(plain)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw failure("unknown escape") }
        var unit = try hexUnit()
        if (0xD800..<0xDC00).contains(unit) {
            try expect("\\u")
            let low = try hexUnit()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(unit) {
            throw failure("unpaired surrogate")
        }
        output.append(contentsOf: Array(String(Character(Unicode.Scalar(unit)!)).utf8))
    }

    private mutating func hexUnit() throws(Failure) -> UInt32 {
        guard bytes.count - position >= 4,
            let unit = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw failure("expected four hex digits") }
        position += 4
        return unit
    }
}
