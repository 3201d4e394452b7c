import Foundation
import KioskProtocol
import Testing

/// The events' wire form: one flat object per event, named by `event`, as the screens' scripts and
/// `kioskctl watch` read it; every kind decodes to what was encoded.
struct DaemonEventCodingTests {
    static let everyKind: [DaemonEvent] = [
        .voteCounted(terminal: "danh-gia-1", question: "hai-long", questionIndex: 0, completesRating: true),
        .pressRejected(terminal: "danh-gia-1", kind: .duringLockout),
        .pressRejected(terminal: "lay-so", kind: .ticketLockout),
        .armed(terminal: "danh-gia-1", windowSeconds: 90),
        .deviceConnected(path: "/dev/input/event3", role: "touchscreen"),
        .deviceDisconnected(path: "/dev/input/event3", role: "keypad", reason: "ENODEV"),
        .ticketIssued(terminal: "lay-so", number: "A012", service: "ho-tich", priority: false, waitingAhead: 3),
        .ticketPrinted(terminal: "lay-so", number: "A012", printer: "may-in-ve"),
        .ticketNotPrinted(terminal: "lay-so", number: "A013", printer: "may-in-ve", problem: "out-of-paper", message: "Hết giấy / Out of paper"),
        .ticketsCancelled(numbers: ["A013", "B002"]),
        .printerFault(printer: "may-in-ve", problem: "out-of-paper", message: "Hết giấy / Out of paper"),
        .printerReady(printer: "may-in-ve"),
        .storageFault(problem: "cannot-store", message: "Không lưu được / Cannot store"),
        .storageReady,
        .slipPrinted(printer: "may-in-phieu", dossierCode: "000.00.01.H26-261130-0001"),
        .slipNotPrinted(printer: "may-in-phieu", dossierCode: "X-1", problem: "offline", message: "Máy in tắt / Printer off"),
        .daySealed(day: "2026-11-30", hash: String(repeating: "ab", count: 32)),
        .ticketCalled(counter: "quay-1", counterNumber: 1, number: "A012", service: "ho-tich", calls: 2),
        .ticketServing(counter: "quay-1", number: "A012"),
        .ticketServed(counter: "quay-1", number: "A012", service: "ho-tich", minutes: 7.5),
        .ticketNoShow(counter: "quay-1", number: "A011"),
        .ticketTransferred(number: "A012", toService: "dat-dai", toCounter: nil),
        .ticketTransferred(number: "A012", toService: "dat-dai", toCounter: "quay-3"),
        .counterPaused(counter: "quay-2"),
        .counterResumed(counter: "quay-2"),
        .queueKeyRefused(counter: "quay-2", message: "Không có ai chờ / Nobody waits"),
        .announcementStarted(number: "A012", counterNumber: 1),
        .announcementFailed(number: "A012", reason: "no audio device"),
        .speechStarted(terminal: "lay-so"),
        .speechEnded(terminal: "lay-so", reason: "timed-out"),
        .speechFailed(terminal: "lay-so", reason: "aplay: audio open error: No such file or directory"),
    ]

    @Test(arguments: everyKind)
    func everyKindDecodesToWhatWasEncoded(_ event: DaemonEvent) throws {
        let line = event.json
        #expect(!line.contains("\n"))
        #expect(try ProtocolJSON.decode(DaemonEvent.self, from: line) == event)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["event"] as? String == event.name)
    }

    @Test func theSamplesCoverEveryKind() {
        #expect(Set(Self.everyKind.map(\.kind)) == Set(EventKind.allCases), "a new kind of event needs a sample above")
    }

    @Test func theWireFormIsFlatSortedAndKeepsVietnameseAndSlashesAsTheyAre() {
        #expect(
            DaemonEvent.ticketNotPrinted(terminal: "lay-so", number: "A013", printer: "may-in-ve", problem: "out-of-paper", message: "Hết giấy / Out of paper").json
                == #"{"event":"ticket-not-printed","message":"Hết giấy / Out of paper","number":"A013","printer":"may-in-ve","problem":"out-of-paper","terminal":"lay-so"}"#)
        #expect(
            DaemonEvent.voteCounted(terminal: "t", question: "q", questionIndex: 1, completesRating: false).json
                == #"{"completesRating":false,"event":"vote-counted","question":"q","questionIndex":1,"terminal":"t"}"#)
    }

    @Test func aTransferToNoCounterSaysNullAndServiceMinutesAreRoundedToATenth() {
        #expect(DaemonEvent.ticketTransferred(number: "A1", toService: "s", toCounter: nil).json.contains(#""toCounter":null"#))
        #expect(DaemonEvent.ticketServed(counter: "c", number: "A1", service: "s", minutes: 7.46).json.contains(#""minutes":7.5"#))
        #expect(DaemonEvent.armed(terminal: "t", windowSeconds: 90).json.contains(#""windowSeconds":90"#))
    }

    @Test func anUnknownEventOrRejectionIsAnErrorNotAGuess() {
        #expect(throws: DecodingError.self) { try ProtocolJSON.decode(DaemonEvent.self, from: #"{"event":"vote-cast","terminal":"t"}"#) }
        #expect(throws: DecodingError.self) {
            try ProtocolJSON.decode(DaemonEvent.self, from: #"{"event":"press-rejected","terminal":"t","kind":"lockout"}"#)
        }
    }

    @Test func aVoteEventNamesNoChoice() {
        let line = DaemonEvent.voteCounted(terminal: "t", question: "q", questionIndex: 0, completesRating: true).json
        for word in ["choice", "score", "satisfied", "time", "at"] {
            #expect(!line.contains("\"\(word)\""), "a vote event must not say \(word)")
        }
    }
}

extension DaemonEvent: CustomTestStringConvertible {
    public var testDescription: String { name }
}
