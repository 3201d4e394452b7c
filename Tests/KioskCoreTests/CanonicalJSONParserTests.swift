import KioskCore
import Testing

/// The parser's edges, which the sealed-day tests reach only through whole days.
@Suite struct CanonicalJSONParserTests {
    static func parse(_ text: String) throws(CanonicalJSONParser.Failure) -> CanonicalValue {
        try CanonicalJSONParser.parse(Array(text.utf8))
    }

    static func reason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try CanonicalJSONParser.parse(bytes)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func integersToTheEdgesOf64Bits() throws {
        #expect(try Self.parse("9223372036854775807") == .integer(Int64.max))
        #expect(try Self.parse("-9223372036854775808") == .integer(Int64.min))
        #expect(try Self.parse("-0") == .integer(0))
        #expect(try Self.parse("[0,-17,42]") == .array([.integer(0), .integer(-17), .integer(42)]))
        #expect(Self.reason(Array("9223372036854775808".utf8)) == "integer out of range")
        #expect(Self.reason(Array("-9223372036854775809".utf8)) == "integer out of range")
        #expect(Self.reason(Array("99999999999999999999999".utf8)) == "integer out of range")
        #expect(Self.reason(Array("012".utf8)) == "leading zeros are not allowed")
        #expect(Self.reason(Array("1.5".utf8)) == "only integers are allowed")
        #expect(Self.reason(Array("-".utf8)) == "expected digits")
    }

    @Test func stringsPlainEscapedAndInvalid() throws {
        #expect(try Self.parse(#""Bộ phận Một cửa""#) == .string("Bộ phận Một cửa"))
        #expect(try Self.parse(#""a\"b\\c\u00e9\ud83d\ude00 d""#) == .string("a\"b\\cé😀 d"))
        #expect(try Self.parse(#""tab\there""#) == .string("tab\there"))
        #expect(Self.reason([0x22, 0xC3, 0x28, 0x22]) == "a string is not valid UTF-8")
        #expect(Self.reason([0x22, 0x61, 0x5C, 0x6E, 0xFF, 0x22]) == "a string is not valid UTF-8")
        #expect(Self.reason([0x22, 0x61, 0x0A, 0x22]) == "a control character in a string must be escaped")
        #expect(Self.reason(Array(#""abc"#.utf8)) == "unterminated string")
        #expect(Self.reason(Array(#""\ud800""#.utf8)) == "expected \\u")
    }

    @Test func duplicateKeysInSmallAndLargeObjects() throws {
        #expect(Self.reason(Array(#"{"a":1,"b":2,"a":3}"#.utf8)) == "duplicate key \"a\"")
        let many = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        guard case .object(let members) = try Self.parse("{\(many)}") else { Issue.record("not an object"); return }
        #expect(members.count == 20)
        #expect(Self.reason(Array("{\(many),\"k3\":0}".utf8)) == "duplicate key \"k3\"")
        #expect(Self.reason(Array("{\(many),\"k19\":0}".utf8)) == "duplicate key \"k19\"")
    }
}
