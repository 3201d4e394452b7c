import Foundation
import KioskCore
import Testing

/// Slip request bodies built as dictionaries, edited by field path, and parsed.
enum SlipRequestFixtures {
    static let now = CalendarFixtures.at("2026-11-23 08:40")
    static let zone = CalendarFixtures.hoChiMinhCity

    /// Only the required fields.
    static func minimal() -> [String: Any] {
        [
            "dossierCode": "000.20.36.H26-261123-0042",
            "applicant": ["name": "Nguyễn Thị Huyền Trang", "address": "Số 12 ngõ 34 phố Hàng Bạc", "phone": "0912 345 678"],
            "procedure": "Đăng ký khai sinh",
            "documents": [["name": "Tờ khai đăng ký khai sinh"]],
            "processingWorkingDays": 3,
            "recordBook": "05",
            "serialNumber": "0042",
        ]
    }

    static func parse(_ root: [String: Any]) -> Result<SlipRequest, SlipRequestError> {
        let body = try! JSONSerialization.data(withJSONObject: root)
        return SlipRequestParser.parse(body, now: now, timeZone: zone)
    }

    static func parse(_ text: String) -> Result<SlipRequest, SlipRequestError> {
        SlipRequestParser.parse(Data(text.utf8), now: now, timeZone: zone)
    }

    /// The problems of a refused request; none for an accepted or malformed one.
    static func problems(_ result: Result<SlipRequest, SlipRequestError>) -> [FieldProblem] {
        guard case .failure(.invalid(let problems)) = result else { return [] }
        return problems
    }

    /// `root` with the value at `path` (`applicant.phone`, `documents[0].copies`) replaced by the
    /// JSON text `json`, or removed when `json` is nil.
    static func edited(_ root: [String: Any], _ edits: [(path: String, json: String?)]) -> [String: Any] {
        edits.reduce(root) { root, edit in
            let value = edit.json.map { try! JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
            return replacing(in: root, steps: steps(edit.path)[...], with: value) as! [String: Any]
        }
    }

    private enum Step { case key(String), index(Int) }

    private static func steps(_ path: String) -> [Step] {
        path.split(separator: ".").flatMap { component -> [Step] in
            let parts = component.split(separator: "[")
            return [.key(String(parts[0]))] + parts.dropFirst().map { .index(Int($0.dropLast())!) }
        }
    }

    private static func replacing(in container: Any, steps: ArraySlice<Step>, with value: Any?) -> Any {
        let rest = steps.dropFirst()
        switch steps.first! {
        case .key(let key):
            var object = container as! [String: Any]
            object[key] = rest.isEmpty ? value : replacing(in: object[key]!, steps: rest, with: value)
            return object
        case .index(let index):
            var array = container as! [Any]
            if !rest.isEmpty {
                array[index] = replacing(in: array[index], steps: rest, with: value)
            } else if let value {
                array[index] = value
            } else {
                array.remove(at: index)
            }
            return array
        }
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }
}

/// One broken rule: the edits that break it, and the single problem expected.
struct SlipViolation: Sendable, CustomTestStringConvertible {
    let edits: [(path: String, json: String?)]
    let field: String
    /// Part of the reason: what was expected and what was found.
    let reason: String

    init(_ path: String, _ json: String?, field: String? = nil, _ reason: String) {
        self.init(edits: [(path, json)], field: field ?? path, reason)
    }

    init(edits: [(path: String, json: String?)], field: String, _ reason: String) {
        self.edits = edits
        self.field = field
        self.reason = reason
    }

    var testDescription: String {
        edits.map { "\($0.path) = \(($0.json ?? "(removed)").prefix(30))" }.joined(separator: ", ")
    }
}

@Suite struct SlipRequestParserTests {
    typealias F = SlipRequestFixtures

    // MARK: Accepted requests

    @Test func aFullRequestParsesToTheExactModel() throws {
        let body = """
            {
              "dossierCode": "000.20.36.H26-261123-0042",
              "applicant": {
                "name": "Nguyễn Thị Huyền Trang",
                "address": "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội",
                "phone": "+84 (912) 345-678",
                "email": "trang.nguyen@example.vn"
              },
              "procedure": "Đăng ký khai sinh",
              "documents": [
                {"name": "Tờ khai đăng ký khai sinh", "form": "Bản chính", "copies": 1},
                {"name": "Giấy chứng sinh", "form": "Bản sao chứng thực", "copies": 2},
                {"name": "Giấy tờ tùy thân của người đi đăng ký"}
              ],
              "numberOfSets": 2,
              "processingWorkingDays": 2.5,
              "receivedAt": "2026-11-23T08:40:00+07:00",
              "returnAt": "2026-11-26T14:00:00+07:00",
              "collection": "post",
              "postAddress": "Số 5 phố Lý Thái Tổ, Hà Nội",
              "recordBook": "05",
              "serialNumber": "0042",
              "receivingOfficer": "Lê Minh Đức",
              "counter": "quay-1",
              "copies": 1
            }
            """
        let expected = SlipRequest(
            dossierCode: "000.20.36.H26-261123-0042",
            applicant: .init(
                name: "Nguyễn Thị Huyền Trang", address: "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội",
                phone: "+84 (912) 345-678", email: "trang.nguyen@example.vn"),
            procedure: "Đăng ký khai sinh",
            documents: [
                .init(name: "Tờ khai đăng ký khai sinh", form: "Bản chính", copies: 1),
                .init(name: "Giấy chứng sinh", form: "Bản sao chứng thực", copies: 2),
                .init(name: "Giấy tờ tùy thân của người đi đăng ký", form: nil, copies: 1),
            ],
            numberOfSets: 2, processingWorkingDays: 2.5,
            receivedAt: CalendarFixtures.at("2026-11-23 08:40"), returnAt: CalendarFixtures.at("2026-11-26 14:00"),
            collection: .byPost(address: "Số 5 phố Lý Thái Tổ, Hà Nội"), recordBook: "05", serialNumber: "0042",
            receivingOfficer: "Lê Minh Đức", counter: "quay-1", copies: 1)
        #expect(try F.parse(body).get() == expected)
        #expect(try SlipRequestParser.parse(Array(body.utf8), now: F.now, timeZone: F.zone).get() == expected)
    }

    @Test func omittedFieldsTakeTheirDefaults() throws {
        let request = try F.parse(F.minimal()).get()
        #expect(request.numberOfSets == 1)
        #expect(request.copies == 2)
        #expect(request.collection == .atCounter)
        #expect(request.receivedAt == F.now)
        #expect(request.returnAt == nil)
        #expect(request.applicant.email == nil)
        #expect(request.receivingOfficer == nil)
        #expect(request.counter == nil)
        #expect(request.documents == [SlipRequest.Document(name: "Tờ khai đăng ký khai sinh", form: nil, copies: 1)])
        #expect(request.processingWorkingDays == 3)
    }

    @Test func postWithoutAnAddressGoesToTheApplicantsAddress() throws {
        let request = try F.parse(F.edited(F.minimal(), [("collection", #""post""#)])).get()
        #expect(request.collection == .byPost(address: nil))
    }

    @Test func stringsAreTrimmedAndEmptyOptionalsAreAbsent() throws {
        let root = F.edited(
            F.minimal(),
            [
                ("dossierCode", #""  H26-0042 \n""#), ("applicant.name", #""\tNguyễn Văn An ""#),
                ("applicant.email", #""   ""#), ("receivingOfficer", #""""#), ("counter", "null"),
                ("documents[0].form", #"" ""#), ("collection", #""""#),
            ])
        let request = try F.parse(root).get()
        #expect(request.dossierCode == "H26-0042")
        #expect(request.applicant.name == "Nguyễn Văn An")
        #expect(request.applicant.email == nil)
        #expect(request.receivingOfficer == nil)
        #expect(request.counter == nil)
        #expect(request.documents[0].form == nil)
        #expect(request.collection == .atCounter)
    }

    @Test func halfDaysAndWholeNumbersWrittenAsDecimalsAreAccepted() throws {
        for days in [0.5, 2.5, 1000] {
            let request = try F.parse(F.edited(F.minimal(), [("processingWorkingDays", "\(days)")])).get()
            #expect(request.processingWorkingDays == days)
        }
        let request = try F.parse(F.edited(F.minimal(), [("copies", "1.0"), ("numberOfSets", "99")])).get()
        #expect(request.copies == 1)
        #expect(request.numberOfSets == 99)
    }

    @Test func timesAreReadWithTheirOffsets() throws {
        let received = CalendarFixtures.at("2026-11-23 08:40")
        let cases: [(String, Date)] = [
            ("2026-11-23T08:40:00+07:00", received),
            ("2026-11-23T01:40:00Z", received),
            ("2026-11-22T20:40:00-05:00", received),
            ("2026-11-23T08:40+07:00", received),
            ("2026-11-23T08:40:00.250+07:00", received.addingTimeInterval(0.25)),
        ]
        for (text, instant) in cases {
            let request = try F.parse(F.edited(F.minimal(), [("receivedAt", F.jsonString(text))])).get()
            #expect(abs(request.receivedAt.timeIntervalSince(instant)) < 0.001, "\(text)")
        }
    }

    // MARK: Refused requests

    static let long65 = F.jsonString(String(repeating: "x", count: 65))
    static let fiftyOneDocuments = "[" + Array(repeating: #"{"name": "Giấy tờ"}"#, count: 51).joined(separator: ",") + "]"
    static let wholeOneTo99 = "expected a whole number from 1 to 99, found"
    static let workingDays = "expected a number of working days greater than 0 and at most 1000, in steps of 0.5"
    static let isoForm = "expected an ISO 8601 date and time with an offset, like 2026-11-23T08:40:00+07:00"

    static let violations: [SlipViolation] = [
        .init("dossierCode", nil, "missing"),
        .init("dossierCode", #""   ""#, "missing"),
        .init("dossierCode", "null", "missing"),
        .init("dossierCode", long65, "expected at most 64 characters, found 65"),
        .init("dossierCode", #""H26\t0042""#, "expected no control characters"),
        .init("dossierCode", "42", "expected a string, found a number"),
        .init("applicant", nil, "missing"),
        .init("applicant", #""Nguyễn Văn An""#, "expected an object with name, address, phone and email, found a string"),
        .init("applicant.name", nil, "missing"),
        .init("applicant.name", F.jsonString(String(repeating: "ễ", count: 201)), "expected at most 200 characters, found 201"),
        .init("applicant.address", F.jsonString(String(repeating: "a", count: 301)), "expected at most 300 characters, found 301"),
        .init("applicant.phone", nil, "missing"),
        .init("applicant.phone", #""0912 345 67a""#, #"expected only digits, spaces and + . - ( ), found "a""#),
        .init("applicant.phone", #""0912/345/678""#, #"found "/""#),
        .init("applicant.phone", #""091 234 5""#, "expected 8 to 15 digits, found 7"),
        .init("applicant.phone", #""+84 1234 5678 9012 34""#, "expected 8 to 15 digits, found 16"),
        .init("applicant.phone", "912345678", "expected a string, found a number"),
        .init("applicant.email", #""trang@example""#, #"expected an address like name@example.vn, found "trang@example""#),
        .init("applicant.email", #""trang.example.vn""#, "expected an address like name@example.vn"),
        .init("applicant.email", #""tr ang@example.vn""#, "expected an address like name@example.vn"),
        .init("procedure", nil, "missing"),
        .init("procedure", F.jsonString(String(repeating: "p", count: 501)), "expected at most 500 characters, found 501"),
        .init("documents", nil, "missing"),
        .init("documents", "[]", "expected 1 to 50 documents, found none"),
        .init("documents", fiftyOneDocuments, "expected 1 to 50 documents, found 51"),
        .init("documents", #"{"name": "Giấy tờ"}"#, "expected an array of 1 to 50 documents, found an object"),
        .init("documents[0]", #""Giấy tờ""#, "expected an object with name, form and copies, found a string"),
        .init("documents[0].name", nil, "missing"),
        .init("documents[0].form", "1", "expected a string, found a number"),
        .init("documents[0].copies", "0", "\(wholeOneTo99) 0"),
        .init("documents[0].copies", "100", "\(wholeOneTo99) 100"),
        .init("documents[0].copies", "1.5", "\(wholeOneTo99) 1.5"),
        .init("documents[0].copies", #""2""#, #"\#(wholeOneTo99) "2""#),
        .init("documents[0].copies", "true", "\(wholeOneTo99) a boolean"),
        .init("numberOfSets", "0", "\(wholeOneTo99) 0"),
        .init("numberOfSets", "true", "\(wholeOneTo99) a boolean"),
        .init("numberOfSets", "false", "\(wholeOneTo99) a boolean"),
        .init("processingWorkingDays", nil, "missing"),
        .init("processingWorkingDays", "0", "\(workingDays) (0.5, 1, 1.5, …), found 0"),
        .init("processingWorkingDays", "-1", "\(workingDays) (0.5, 1, 1.5, …), found -1"),
        .init("processingWorkingDays", "1000.5", "found 1000.5"),
        .init("processingWorkingDays", "2.3", "\(workingDays) (0.5, 1, 1.5, …), found 2.3"),
        .init("processingWorkingDays", #""3""#, #"found "3""#),
        .init("processingWorkingDays", "true", "found a boolean"),
        .init("receivedAt", #""2026-11-23 08:40""#, #"\#(isoForm) or 2026-11-23T01:40:00Z, found "2026-11-23 08:40""#),
        .init("receivedAt", #""2026-11-23T08:40:00""#, isoForm),
        .init("receivedAt", #""2026-02-30T08:40:00+07:00""#, isoForm),
        .init("receivedAt", #""2026-11-23T24:00:00+07:00""#, isoForm),
        .init("receivedAt", "1795390800", "expected a string, found a number"),
        .init("returnAt", #""2026-11-23T08:40:00+07:00""#,
              "expected a time after receivedAt (now) 2026-11-23T08:40:00+07:00, found 2026-11-23T08:40:00+07:00"),
        .init(
            edits: [("receivedAt", #""2026-11-23T09:00:00+07:00""#), ("returnAt", #""2026-11-23T01:00:00Z""#)],
            field: "returnAt", "expected a time after receivedAt 2026-11-23T09:00:00+07:00, found 2026-11-23T08:00:00+07:00"),
        .init("collection", #""mail""#, #"expected "counter" or "post", found "mail""#),
        .init("collection", "1", "expected a string, found a number"),
        .init("postAddress", #""Số 5 phố Lý Thái Tổ""#, #"expected only with "collection": "post""#),
        .init(
            edits: [("collection", #""counter""#), ("postAddress", #""Số 5 phố Lý Thái Tổ""#)],
            field: "postAddress", #"expected only with "collection": "post""#),
        .init("recordBook", nil, "missing"),
        .init("recordBook", F.jsonString(String(repeating: "9", count: 21)), "expected at most 20 characters, found 21"),
        .init("serialNumber", nil, "missing"),
        .init("serialNumber", "42", "expected a string, found a number"),
        .init("receivingOfficer", "[]", "expected a string, found an array"),
        .init("counter", "{}", "expected a string, found an object"),
        .init("copies", "0", "expected 1 or 2, found 0"),
        .init("copies", "3", "expected 1 or 2, found 3"),
        .init("copies", "true", "expected 1 or 2, found a boolean"),
        .init("dossierCod", #""H26""#, "unknown key; expected one of: applicant, collection, copies, counter,"),
        .init("applicant.nmae", #""An""#, "unknown key; expected one of: address, email, name, phone"),
        .init("documents[0].copy", "2", "unknown key; expected one of: copies, form, name"),
    ]

    @Test(arguments: violations) func eachBrokenRuleIsReportedOnItsField(_ violation: SlipViolation) {
        let result = F.parse(F.edited(F.minimal(), violation.edits))
        let problems = F.problems(result)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.field == violation.field)
        #expect(problems.first?.reason.contains(violation.reason) == true, "\(problems.first?.reason ?? "no problem")")
    }

    @Test func allProblemsAreReportedTogether() {
        let root = F.edited(
            F.minimal(),
            [
                ("dossierCode", nil), ("applicant.phone", #""12""#),
                ("documents", #"[{"name": "A"}, {"copies": 1}, {"name": "C", "copies": true}]"#),
                ("processingWorkingDays", "2.25"), ("copies", "5"), ("colection", #""post""#),
            ])
        let problems = F.problems(F.parse(root))
        #expect(
            Set(problems.map(\.field))
                == [
                    "dossierCode", "applicant.phone", "documents[1].name", "documents[2].copies", "processingWorkingDays",
                    "copies", "colection",
                ])
        #expect(problems.count == 7)
    }

    /// `true` is a boolean, never the number 1, and 1 is a number: the parser reads the body with
    /// JSONDecoder into `SlipJSONValue`, which keeps the two apart, so `"copies": true` is refused.
    @Test func booleansAreNotNumbers() throws {
        #expect(try F.parse(F.edited(F.minimal(), [("copies", "1")])).get().copies == 1)
        let problems = F.problems(F.parse(F.edited(F.minimal(), [("copies", "true"), ("processingWorkingDays", "true")])))
        #expect(problems.map(\.field) == ["processingWorkingDays", "copies"])
        #expect(problems.allSatisfy { $0.reason.hasSuffix("found a boolean") })
    }

    // MARK: Malformed bodies

    @Test(arguments: [
        ("", "empty"), ("  \n ", "empty"), ("{\"dossierCode\": ", "not valid JSON"), ("dossier", "not valid JSON"),
        ("[1, 2]", "found an array"), ("\"text\"", "found a string"), ("42", "found a number"), ("null", "found null"),
    ])
    func malformedBodiesAreRefusedWith400(_ body: String, _ reason: String) {
        let result = F.parse(body)
        guard case .failure(let error) = result, case .malformed(let text) = error else {
            Issue.record("expected malformed, got \(result)")
            return
        }
        #expect(text.contains(reason), "\(text)")
        #expect(text.contains("expected a JSON object"))
    }

    @Test func bodiesThatAreNotUTF8AreMalformed() {
        let result = SlipRequestParser.parse([0x7B, 0xFF, 0xFE, 0x7D], now: F.now, timeZone: F.zone)
        guard case .failure(.malformed(let reason)) = result else {
            Issue.record("expected malformed, got \(result)")
            return
        }
        #expect(reason.contains("not UTF-8"))
    }

    @Test func aParsedRefusalListsItsFieldsInTheRequestsOrder() {
        let result = F.parse(F.edited(F.minimal(), [("copies", "3"), ("recordBook", nil)]))
        guard case .failure(let error) = result else {
            Issue.record("expected a refusal")
            return
        }
        #expect(error.problems.map(\.field) == ["recordBook", "copies"])
        #expect(error.description.contains("copies: expected 1 or 2, found 3"))
    }
}
