import Foundation
import KioskProtocol
import Testing

/// The control socket's requests and answers as JSON lines.
struct ControlRequestCodingTests {
    @Test(arguments: [
        ControlRequest.status, .subscribe, .reprint(terminal: nil), .reprint(terminal: "lay-so-2"), .printTest(printer: nil),
        .printTest(printer: "may-in-ve"), .printCancel(numbers: nil), .printCancel(numbers: ["A012"]), .printRetry(numbers: ["A012", "B001"]),
        .printSlip(request: #"{"dossierCode":"X/1","applicant":{"name":"Nguyễn Văn A"}}"#), .seal,
    ])
    func everyRequestDecodesToWhatWasEncoded(_ request: ControlRequest) throws {
        let line = ProtocolJSON.encode(request)
        #expect(!line.contains("\n"), "one line on the socket, even for a slip request")
        #expect(try ProtocolJSON.decode(ControlRequest.self, from: line) == request)
    }

    @Test func anUnknownCommandIsRefusedWithTheCommandsThereAre() {
        do {
            _ = try ProtocolJSON.decode(ControlRequest.self, from: #"{"command":"reboot"}"#)
            Issue.record("decoded an unknown command")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains("\"reboot\""))
            #expect(context.debugDescription.contains("print-slip"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aRefusalIsNotMistakenForAReplyAndAReplyNotForARefusal() throws {
        let refusal = ProtocolJSON.encode(ControlFailure(error: "no printer is configured"))
        #expect(throws: DecodingError.self) { try ProtocolJSON.decode(ReprintReply.self, from: refusal) }
        let reply = ProtocolJSON.encode(ReprintReply(reprinting: "A012", terminal: "lay-so"))
        #expect(throws: DecodingError.self) { try ProtocolJSON.decode(ControlFailure.self, from: reply) }
    }

    @Test func aSlipRefusalListsEveryFieldInOrder() throws {
        let failure = ControlFailure(
            error: "invalid slip request: 2 problems",
            problems: [.init(field: "applicant.phone", reason: "expected 8 to 15 digits, found 2"), .init(field: "copies", reason: "expected 1 or 2")])
        let line = ProtocolJSON.encode(failure)
        #expect(line.range(of: "\"error\"")!.lowerBound < line.range(of: "\"problems\"")!.lowerBound)
        #expect(try ProtocolJSON.decode(ControlFailure.self, from: line) == failure)
    }

    @Test func aPushAnswerSaysTheFieldAtFaultBeforeTheReason() throws {
        let answer = try ProtocolJSON.decode(PushAnswer.self, from: #"{"error":"has not ended yet","field":"day"}"#)
        #expect(answer.reason == "day: has not ended yet")
        let stored = try ProtocolJSON.decode(PushAnswer.self, from: #"{"status":"already-stored","day":"2026-11-30","hash":"ab"}"#)
        #expect(stored.status == .alreadyStored)
        #expect(stored.reason == nil)
    }
}

extension ControlRequest: CustomTestStringConvertible {
    public var testDescription: String { command }
}
