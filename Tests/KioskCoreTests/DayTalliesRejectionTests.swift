import Foundation
import KioskCore
import Testing

/// What the collector refuses (with a 422 and this reason) when it decodes a pushed day.
@Suite struct DayTalliesRejectionTests {
    static let valid = DayTalliesEncodingTests.sampleEncoding

    static func error(_ text: String) -> DayTalliesError? {
        error(Array(text.utf8))
    }

    static func error(_ bytes: [UInt8]) -> DayTalliesError? {
        do {
            _ = try DayTallies(canonicalBytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    static func replacing(_ old: String, with new: String) -> String {
        precondition(valid.contains(old), "the sample holds \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }

    @Test func whitespaceIsNotCanonical() throws {
        let error = try #require(Self.error(Self.valid.replacingOccurrences(of: #"","#, with: #"", "#)))
        #expect(error.reason.contains("not in canonical form"))
    }

    @Test func keysOutOfOrderAreNotCanonical() throws {
        let error = try #require(Self.error(Self.replacing(#"{"day":"2026-11-30","format":"kiosk-day/1","#, with: #"{"format":"kiosk-day/1","day":"2026-11-30","#)))
        #expect(error.reason.contains("not in canonical form at byte 2") || error.reason.contains("byte 2"))
    }

    @Test func rowsOutOfOrderAreNotCanonical() throws {
        let first = #"{"choice":"rat-hai-long","count":7,"counter":"quay-1","question":"hai-long","satisfied":true,"score":100,"service":""}"#
        let second = #"{"choice":"khong-hai-long","count":1,"counter":"quay-2","question":"hai-long","satisfied":false,"score":0,"service":""}"#
        let error = try #require(Self.error(Self.replacing(first + "," + second, with: second + "," + first)))
        #expect(error.reason.contains("not in canonical form"))
    }

    @Test func aRepeatedRowIsNamed() throws {
        let row = #"{"count":3,"procedure":"Đăng ký khai sinh"}"#
        let error = try #require(Self.error(Self.replacing(row, with: row + "," + row)))
        #expect(error.path == "slips[1]")
        #expect(error.reason == "repeats the key of an earlier entry")
    }

    @Test func aRepeatedJSONKeyIsRefused() throws {
        let error = try #require(Self.error(Self.replacing(#""kiosk":"HN-PX-01","#, with: #""kiosk":"HN-PX-01","kiosk":"X","#)))
        #expect(error.reason.contains("duplicate key \"kiosk\""))
    }

    @Test func unknownAndMissingFieldsAreNamed() throws {
        let unknown = try #require(Self.error(Self.replacing(#""slips":[{"count":3,"#, with: #""slips":[{"colour":"red","count":3,"#)))
        #expect(unknown.path == "slips[0].colour")
        #expect(unknown.reason == "unknown field")
        let missing = try #require(Self.error(Self.replacing(#""office":"HN-PX","#, with: "")))
        #expect(missing.path == "office")
        #expect(missing.reason == "missing")
    }

    @Test(arguments: [
        (#""score":100"#, #""score":101"#, "votes[0].score", "expected 0…100, found 101"),
        (#""count":7"#, #""count":0"#, "votes[0].count", "expected 1…10000000, found 0"),
        (#""count":7"#, #""count":"7""#, "votes[0].count", "expected an integer, found a string"),
        (#""satisfied":true"#, #""satisfied":1"#, "votes[0].satisfied", "expected a boolean, found an integer"),
        (#""format":"kiosk-day/1""#, #""format":"kiosk-day/2""#, "format", "expected \"kiosk-day/1\", found \"kiosk-day/2\""),
        (#""day":"2026-11-30""#, #""day":"2026-11-31""#, "day", "expected a date YYYY-MM-DD, found \"2026-11-31\""),
        (#""kiosk":"HN-PX-01""#, #""kiosk":"""#, "kiosk", "must not be empty"),
        (#""waiting_minutes":[1,0,1,0,0,0,0,0,0,0]"#, #""waiting_minutes":[1,0,1]"#, "tickets[0].waiting_minutes", "expected 10 counts (buckets [5, 10, 15, 20, 30, 45, 60, 90, 120] minutes and above)"),
    ])
    func badFieldsAreNamed(old: String, new: String, path: String, reason: String) throws {
        let error = try #require(Self.error(Self.replacing(old, with: new)))
        #expect(error.path == path)
        #expect(error.reason == reason)
    }

    @Test func previousMustBeAHash() throws {
        let error = try #require(Self.error(Self.replacing(String(repeating: "ab", count: 32), with: String(repeating: "AB", count: 32))))
        #expect(error.path == "previous")
    }

    @Test(arguments: [
        (#""count":7"#, #""count":7.0"#, "only integers are allowed"),
        (#""count":7"#, #""count":7e0"#, "only integers are allowed"),
        (#""count":7"#, #""count":07"#, "leading zeros are not allowed"),
        (#""count":7"#, #""count":99999999999999999999"#, "integer out of range"),
        (#""service":""}"#, #""service":null}"#, "null is not allowed"),
    ])
    func jsonOutsideCanonicalJSONIsRefused(old: String, new: String, reason: String) throws {
        let error = try #require(Self.error(Self.replacing(old, with: new)))
        #expect(error.reason.contains(reason))
    }

    @Test func invalidUTF8IsRefused() throws {
        var bytes = Array(Self.valid.utf8)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "H")))
        bytes[index] = 0xFF
        #expect(try #require(Self.error(bytes)).reason.contains("not valid UTF-8"))
    }

    @Test func truncatedBytesAreRefused() throws {
        let bytes = Array(Self.valid.utf8)
        for length in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(Self.error(Array(bytes.prefix(length))) != nil, "truncated to \(length) bytes")
        }
    }

    @Test func deepNestingIsRefusedWithoutRecursingFurther() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try #require(Self.error(deep)).reason.contains("nested deeper than"))
    }

    @Test func notAnObjectIsRefused() throws {
        #expect(try #require(Self.error("[]")).reason == "expected an object, found an array")
    }
}
