import Foundation
import KioskCore
import Testing

@Suite struct DayTalliesEncodingTests {
    static let day = LocalDay(year: 2026, month: 11, day: 30)!

    static var sample: DayTallies {
        var waiting = WaitHistogram()
        waiting.add(minutes: 3)
        waiting.add(minutes: 12.5)
        return DayTallies(
            kiosk: "HN-PX-01", office: "HN-PX", day: day, previous: String(repeating: "ab", count: 32),
            votes: [
                .init(counter: "quay-2", service: "", question: "hai-long", choice: "khong-hai-long", score: 0, satisfied: false, count: 1),
                .init(counter: "quay-1", service: "", question: "hai-long", choice: "rat-hai-long", score: 100, satisfied: true, count: 7),
            ],
            presses: [.init(terminal: "danh-gia-1", kind: "misuse-lockout", count: 2)],
            tickets: [.init(service: "ho-tich", issued: 12, priority: 1, waiting: waiting)],
            slips: [.init(procedure: "Đăng ký khai sinh", count: 3)],
            printerFaults: [.init(printer: "may-in-ve", fault: "out-of-paper", count: 1)])
    }

    /// The example of docs/SEALED-DAY.md, byte for byte.
    static let sampleEncoding = #"{"day":"2026-11-30","format":"kiosk-day/1","kiosk":"HN-PX-01","office":"HN-PX","presses":[{"count":2,"kind":"misuse-lockout","terminal":"danh-gia-1"}],"previous":"abababababababababababababababababababababababababababababababab","printer_faults":[{"count":1,"fault":"out-of-paper","printer":"may-in-ve"}],"slips":[{"count":3,"procedure":"Đăng ký khai sinh"}],"tickets":[{"issued":12,"no_show":0,"priority":1,"served":0,"service":"ho-tich","service_minutes":[0,0,0,0,0,0,0,0,0,0],"waiting_minutes":[1,0,1,0,0,0,0,0,0,0]}],"votes":[{"choice":"rat-hai-long","count":7,"counter":"quay-1","question":"hai-long","satisfied":true,"score":100,"service":""},{"choice":"khong-hai-long","count":1,"counter":"quay-2","question":"hai-long","satisfied":false,"score":0,"service":""}]}"#

    @Test func encodingIsTheDocumentedBytes() {
        #expect(String(decoding: Self.sample.canonicalBytes(), as: UTF8.self) == Self.sampleEncoding)
    }

    @Test func rowOrderDoesNotChangeTheBytes() {
        var shuffled = Self.sample
        shuffled.votes.reverse()
        #expect(shuffled.canonicalBytes() == Self.sample.canonicalBytes())
    }

    @Test func decomposedVietnameseIsWrittenComposed() {
        var decomposed = Self.sample
        decomposed.slips = [.init(procedure: "Đăng ký khai sinh".decomposedStringWithCanonicalMapping, count: 3)]
        #expect(decomposed.slips[0].procedure.unicodeScalars.count != "Đăng ký khai sinh".unicodeScalars.count)
        #expect(decomposed.canonicalBytes() == Self.sample.canonicalBytes())
    }

    @Test func rowsWithNothingCountedAreLeftOut() {
        var padded = Self.sample
        padded.votes.append(.init(counter: "quay-3", service: "", question: "hai-long", choice: "binh-thuong", score: 50, satisfied: false, count: 0))
        padded.tickets.append(.init(service: "dat-dai", issued: 0))
        #expect(padded.canonicalBytes() == Self.sample.canonicalBytes())
    }

    @Test func controlCharactersAndQuotesAreEscaped() throws {
        var odd = Self.sample
        odd.slips = [.init(procedure: "a\"b\\c\nd\u{1}", count: 1)]
        let text = String(decoding: odd.canonicalBytes(), as: UTF8.self)
        #expect(text.contains(#""procedure":"a\"b\\c\u000ad\u0001""#))
        #expect(try DayTallies(canonicalBytes: odd.canonicalBytes()).slips == odd.slips)
    }

    @Test func decodingGivesBackTheDay() throws {
        let decoded = try DayTallies(canonicalBytes: Array(Self.sampleEncoding.utf8))
        #expect(decoded.canonicalBytes() == Array(Self.sampleEncoding.utf8))
        #expect(decoded.kiosk == "HN-PX-01")
        #expect(decoded.day == Self.day)
        #expect(decoded.votes.map(\.count) == [7, 1])
        #expect(decoded.tickets[0].waiting.counts == [1, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    }

    /// `canonicalBytes()` writes the day field by field; the generic encoder of `canonicalValue`
    /// sorts keys itself. Both give the same bytes, whatever the rows, their order and their text.
    @Test func theDirectWriterMatchesTheGenericEncoder() throws {
        var days = RandomDays()
        for _ in 0..<300 {
            let day = days.next()
            #expect(day.canonicalBytes() == CanonicalJSONEncoder.encode(day.canonicalValue), "\(day)")
        }
    }

    @Test func anEmptyDayEncodesAndDecodes() throws {
        let empty = DayTallies(kiosk: "HN-PX-01", office: "HN-PX", day: Self.day, previous: "")
        let bytes = empty.canonicalBytes()
        #expect(String(decoding: bytes, as: UTF8.self)
            == #"{"day":"2026-11-30","format":"kiosk-day/1","kiosk":"HN-PX-01","office":"HN-PX","presses":[],"previous":"","printer_faults":[],"slips":[],"tickets":[],"votes":[]}"#)
        #expect(try DayTallies(canonicalBytes: bytes) == empty)
    }

    @Test func histogramBucketsAreBelowTheirUpperBound() {
        var histogram = WaitHistogram()
        for minutes in [0, 4.99, 5, 9.99, 10, 119.99, 120, 600] { histogram.add(minutes: minutes) }
        #expect(histogram.counts == [2, 2, 1, 0, 0, 0, 0, 0, 1, 2])
        #expect(histogram.total == 8)
    }
}
