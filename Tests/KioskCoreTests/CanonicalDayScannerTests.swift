import Foundation
@testable import KioskCore
import Testing

/// The one-pass scanner must give exactly the answers of the reference decoder (parse, read every
/// field, encode again and compare) on everything it accepts, and accept every canonical day.
@Suite struct CanonicalDayScannerTests {
    @Test func everyValidDayIsReadInOnePassAsTheReferenceReadsIt() throws {
        var days = RandomDays()
        var valid = 0
        for _ in 0..<1000 {
            let bytes = days.next().canonicalBytes()
            guard let reference = try? DayTallies(checkingEveryRuleOf: bytes) else {
                #expect(CanonicalDayScanner.day(bytes) == nil, "\(String(decoding: bytes, as: UTF8.self))")
                continue
            }
            valid += 1
            #expect(CanonicalDayScanner.day(bytes) == reference, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(valid >= 100, "the generator gave too few valid days to tell")
        let documented = Array(DayTalliesEncodingTests.sampleEncoding.utf8)
        #expect(CanonicalDayScanner.day(documented) == (try DayTallies(checkingEveryRuleOf: documented)))
        #expect(CanonicalDayScanner.day(documented)?.votes.map(\.counter) == ["quay-1", "quay-2"])
    }

    /// Damaged and reworded encodings: whatever the scanner accepts, the reference accepts as the
    /// same day; what the scanner leaves alone goes to the reference anyway.
    @Test func whatTheScannerAcceptsTheReferenceAcceptsAlike() throws {
        var days = RandomDays()
        var accepted = 0
        var refused = 0
        var originals = 0
        while originals < 500 {
            // Changes to a valid day make near misses: one rule broken, the rest kept.
            let original = days.next().canonicalBytes()
            guard (try? DayTallies(checkingEveryRuleOf: original)) != nil else { continue }
            originals += 1
            for _ in 0..<16 {
                let changed = Self.mutate(original, &days)
                let reference = try? DayTallies(checkingEveryRuleOf: changed)
                if let scanned = CanonicalDayScanner.day(changed) {
                    accepted += 1
                    #expect(scanned == reference, "accepted what the reference does not: \(String(decoding: changed, as: UTF8.self))")
                } else if reference == nil {
                    refused += 1
                }
                // Then the figures' rules, alike for both.
                #expect((try? DayTallies(canonicalBytes: changed)) == reference.flatMap { (try? $0.checkFigures()) == nil ? nil : $0 })
            }
        }
        #expect(accepted > 0 && refused > 0)
    }

    /// Each is something the encoder never writes; the reference refuses it as not canonical.
    @Test(arguments: [
        (#""office":"HN-PX""#, #""office":"HN\u002dPX""#),
        (#""office":"HN-PX""#, #""office": "HN-PX""#),
        (#""count":7"#, #""count":07"#),
        (#""count":7"#, #""count":+7"#),
        (#""procedure":"Đăng ký khai sinh""#, #""procedure":"\#("Đăng ký khai sinh".decomposedStringWithCanonicalMapping)""#),
        (#""kiosk":"HN-PX-01""#, #""kiosk":"HN\/PX-01""#),
        (#""satisfied":true"#, #""satisfied":1"#),
    ])
    func nonCanonicalSpellingsAreLeftToTheReference(_ original: String, _ spelling: String) throws {
        let text = DayTalliesEncodingTests.sampleEncoding
        #expect(text.contains(original))
        let bytes = Array(text.replacingOccurrences(of: original, with: spelling).utf8)
        #expect(CanonicalDayScanner.day(bytes) == nil)
        #expect(throws: DayTalliesError.self) { try DayTallies(canonicalBytes: bytes) }
    }

    @Test func escapesAreReadAsTheEncoderWritesThem() throws {
        var day = DayTalliesEncodingTests.sample
        day.slips = [.init(procedure: "a\"b\\c\nd\u{1}\u{1F}e\u{7F}", count: 1)]
        let bytes = day.canonicalBytes()
        #expect(CanonicalDayScanner.day(bytes)?.slips == day.slips)
        let upperHex = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #"\u001f"#, with: #"\u001F"#).utf8)
        #expect(upperHex != bytes)
        #expect(CanonicalDayScanner.day(upperHex) == nil)
    }

    private static let numberSpellings = ["0", "00", "1", "01", "100", "101", "-1", "-0", "1.0", "1e2", "10000000", "10000001", "99999999999999999999", "true"]
    private static let stringSpellings = [
        "", "a", "é", "e\u{301}", #"\u00e9"#, #"\u001f"#, #"\u001F"#, #"\n"#, #"\/"#, #"\""#, "\u{7F}",
        String(repeating: "x", count: 200), String(repeating: "x", count: 201), String(repeating: "ạ", count: 200),
        String(repeating: "x", count: 501), "Đăng ký khai sinh".decomposedStringWithCanonicalMapping, "2026-02-30", "kiosk-day/2",
        String(repeating: "0F", count: 32), String(repeating: "0f", count: 31),
    ]

    private static func mutate(_ bytes: [UInt8], _ random: inout RandomDays) -> [UInt8] {
        var changed = bytes
        let interesting = Array(#"{}[],:"\ 0123456789-eu.tfnaAé"#.utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xA9, 0xCC, 0x81, 0xFF]
        let at = random.number(0...max(0, changed.count - 1))
        let (numbers, strings) = tokens(of: bytes)
        switch random.number(0...7) {
        case 0: changed[at] = interesting[random.number(0...interesting.count - 1)]
        case 1: changed.remove(at: at)
        case 2: changed.insert(interesting[random.number(0...interesting.count - 1)], at: at)
        case 3:
            // A stretch repeated: duplicated rows, members or digits.
            let length = random.number(1...min(80, changed.count - at))
            changed.insert(contentsOf: changed[at..<at + length], at: at)
        case 4:
            // Two stretches swapped: rows out of order, members reordered.
            let other = random.number(0...max(0, changed.count - 1))
            let length = random.number(1...min(40, changed.count - max(at, other)))
            let first = Array(changed[at..<at + length])
            let second = Array(changed[other..<other + length])
            changed.replaceSubrange(at..<at + length, with: second)
            changed.replaceSubrange(other..<other + length, with: first)
        case 5 where !numbers.isEmpty:
            let spelling = numberSpellings[random.number(0...numberSpellings.count - 1)]
            changed.replaceSubrange(numbers[random.number(0...numbers.count - 1)], with: Array(spelling.utf8))
        case 6 where !strings.isEmpty:
            let spelling = stringSpellings[random.number(0...stringSpellings.count - 1)]
            changed.replaceSubrange(strings[random.number(0...strings.count - 1)], with: Array(spelling.utf8))
        default: changed = Array(changed[0..<at])
        }
        return changed
    }

    /// Where the integers are, and the insides of the strings (keys included).
    private static func tokens(of bytes: [UInt8]) -> (numbers: [Range<Int>], strings: [Range<Int>]) {
        var numbers: [Range<Int>] = []
        var strings: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") {
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                strings.append(start..<min(index, bytes.count))
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                let start = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                numbers.append(start..<index)
                continue
            }
            index += 1
        }
        return (numbers, strings)
    }
}
