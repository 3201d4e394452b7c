import Foundation

/// Reads and checks the JSON body of a slip request (camelCase keys, UTF-8).
///
/// Every problem is reported, not just the first, each under its field's path (`applicant.phone`,
/// `documents[2].copies`), so an integrator fixes them in one go. Unknown keys are problems: a
/// typo must not silently drop data from a legal document. Strings are trimmed; an empty or null
/// value counts as absent.
public enum SlipRequestParser {
    public static func parse(_ body: [UInt8], now: Date, timeZone: TimeZone) -> Result<SlipRequest, SlipRequestError> {
        parse(Data(body), now: now, timeZone: timeZone)
    }

    /// - Parameters:
    ///   - now: the receipt time when the request gives no `receivedAt`.
    ///   - timeZone: the office's; times in problem reasons are written in it.
    public static func parse(_ body: Data, now: Date, timeZone: TimeZone) -> Result<SlipRequest, SlipRequestError> {
        let members: [String: JSONValue]
        switch topLevelObject(body) {
        case .success(let object): members = object
        case .failure(let error): return .failure(error)
        }
        let problems = ProblemList()
        let top = ObjectFields(members: members, path: "", problems: problems)

        let dossierCode = top.requiredText("dossierCode", maxLength: 64).flatMap {
            top.checked("dossierCode", $0, problem: controlCharacterProblem($0))
        }
        let applicant = top.requiredObject("applicant", describedAs: "an object with name, address, phone and email")
            .flatMap(parseApplicant)
        let procedure = top.requiredText("procedure", maxLength: 500)
        let documents = parseDocuments(top)
        let numberOfSets = top.wholeNumber("numberOfSets", in: 1...99, default: 1)
        let processingWorkingDays = parseWorkingDays(top)
        let receivedAt = top.timestamp("receivedAt") ?? (top.isPresent("receivedAt") ? nil : now)
        let returnAt = top.timestamp("returnAt")
        if let receivedAt, let returnAt, returnAt <= receivedAt {
            let received = top.isPresent("receivedAt") ? "receivedAt" : "receivedAt (now)"
            problems.add(
                "returnAt",
                "expected a time after \(received) \(OffsetTimestamp.format(receivedAt, in: timeZone)), "
                    + "found \(OffsetTimestamp.format(returnAt, in: timeZone))")
        }
        let collection = parseCollection(top)
        let recordBook = top.requiredText("recordBook", maxLength: 20)
        let serialNumber = top.requiredText("serialNumber", maxLength: 20)
        let receivingOfficer = top.optionalText("receivingOfficer", maxLength: 200)
        let counter = top.optionalText("counter", maxLength: 64)
        let copies = top.wholeNumber("copies", in: 1...2, default: 2, expected: "1 or 2")
        top.rejectUnknownKeys(allowed: topLevelKeys)

        guard problems.all.isEmpty, let dossierCode, let applicant, let procedure, let documents, let numberOfSets,
            let processingWorkingDays, let receivedAt, let collection, let recordBook, let serialNumber, let copies
        else { return .failure(.invalid(problems.all)) }
        return .success(
            SlipRequest(
                dossierCode: dossierCode, applicant: applicant, procedure: procedure, documents: documents,
                numberOfSets: numberOfSets, processingWorkingDays: processingWorkingDays, receivedAt: receivedAt,
                returnAt: returnAt, collection: collection, recordBook: recordBook, serialNumber: serialNumber,
                receivingOfficer: receivingOfficer, counter: counter, copies: copies))
    }

    private static let topLevelKeys = [
        "dossierCode", "applicant", "procedure", "documents", "numberOfSets", "processingWorkingDays", "receivedAt",
        "returnAt", "collection", "postAddress", "recordBook", "serialNumber", "receivingOfficer", "counter", "copies",
    ]
    private static let maximumDocuments = 50

    private static func topLevelObject(_ body: Data) -> Result<[String: JSONValue], SlipRequestError> {
        guard let text = String(data: body, encoding: .utf8) else {
            return .failure(.malformed("the body is not UTF-8 text; expected a JSON object"))
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(.malformed("the body is empty; expected a JSON object"))
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) else {
            return .failure(.malformed("the body is not valid JSON; expected a JSON object"))
        }
        let value = JSONValue(parsed)
        guard case .object(let members) = value else {
            return .failure(.malformed("expected a JSON object at the top level, found \(value.typeName)"))
        }
        return .success(members)
    }

    private static func parseApplicant(_ fields: ObjectFields) -> SlipRequest.Applicant? {
        let name = fields.requiredText("name", maxLength: 200)
        let address = fields.requiredText("address", maxLength: 300)
        let phone = fields.requiredText("phone", maxLength: 40).flatMap { fields.checked("phone", $0, problem: phoneProblem($0)) }
        let email = fields.optionalText("email", maxLength: 254).flatMap { email in
            fields.checked("email", email, problem: looksLikeEmail(email) ? nil : "expected an address like name@example.vn, found \(quoted(email))")
        }
        fields.rejectUnknownKeys(allowed: ["name", "address", "phone", "email"])
        guard let name, let address, let phone else { return nil }
        return SlipRequest.Applicant(name: name, address: address, phone: phone, email: email)
    }

    private static func parseDocuments(_ top: ObjectFields) -> [SlipRequest.Document]? {
        guard let entries = top.requiredArray("documents", describedAs: "an array of 1 to \(maximumDocuments) documents") else {
            return nil
        }
        if entries.isEmpty || entries.count > maximumDocuments {
            top.problems.add(
                "documents", "expected 1 to \(maximumDocuments) documents, found \(entries.isEmpty ? "none" : String(entries.count))")
        }
        let documents = entries.enumerated().map { index, entry -> SlipRequest.Document? in
            let path = "documents[\(index)]"
            guard case .object(let members) = entry else {
                top.problems.add(path, "expected an object with name, form and copies, found \(entry.typeName)")
                return nil
            }
            let fields = ObjectFields(members: members, path: path, problems: top.problems)
            let name = fields.requiredText("name", maxLength: 300)
            let form = fields.optionalText("form", maxLength: 100)
            let copies = fields.wholeNumber("copies", in: 1...99, default: 1)
            fields.rejectUnknownKeys(allowed: ["name", "form", "copies"])
            guard let name, let copies else { return nil }
            return SlipRequest.Document(name: name, form: form, copies: copies)
        }
        let parsed = documents.compactMap { $0 }
        return parsed.count == documents.count ? parsed : nil
    }

    private static func parseWorkingDays(_ top: ObjectFields) -> Double? {
        let maximum = WorkingCalendar.maximumWorkingDays
        let expected = "expected a number of working days greater than 0 and at most \(JSONValue.format(maximum)), "
            + "in steps of 0.5 (0.5, 1, 1.5, …)"
        guard let value = top.required("processingWorkingDays") else { return nil }
        guard case .number(let days) = value, days > 0, days <= maximum, (days * 2).rounded() == days * 2 else {
            top.problems.add("processingWorkingDays", "\(expected), found \(value.foundDescription)")
            return nil
        }
        return days
    }

    private static func parseCollection(_ top: ObjectFields) -> SlipRequest.Collection? {
        let postAddress = top.optionalText("postAddress", maxLength: 300)
        let mode = top.isPresent("collection") ? top.optionalText("collection", maxLength: 20) : "counter"
        switch mode {
        case "counter":
            if top.isPresent("postAddress") {
                top.problems.add("postAddress", #"expected only with "collection": "post", found collection "counter""#)
                return nil
            }
            return .atCounter
        case "post":
            return .byPost(address: postAddress)
        case let other?:
            top.problems.add("collection", #"expected "counter" or "post", found "# + quoted(other))
            return nil
        case nil:
            return nil  // a problem was noted, or the value is empty
        }
    }

    /// nil when `text` has no control characters: a dossier code is printed on one line and in a QR code.
    private static func controlCharacterProblem(_ text: String) -> String? {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
            ? "expected no control characters (line breaks, tabs, …)" : nil
    }

    /// nil when `phone` has only digits, spaces, `+ . - ( )` and 8 to 15 digits.
    private static func phoneProblem(_ phone: String) -> String? {
        let allowed = Set("0123456789 +.-()")
        if let other = phone.first(where: { !allowed.contains($0) }) {
            return "expected only digits, spaces and + . - ( ), found \(quoted(String(other)))"
        }
        let digits = phone.filter(\.isNumber).count
        return (8...15).contains(digits) ? nil : "expected 8 to 15 digits, found \(digits)"
    }

    /// x@y.z: one `@`, no spaces, something before it, and a dotted domain without empty labels.
    private static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// A found string as a reason quotes it: in double quotes, cut to 40 characters.
    static func quoted(_ text: String) -> String {
        text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
    }
}

/// The problems found so far; shared by the readers of the nested objects of one request.
private final class ProblemList {
    private(set) var all: [FieldProblem] = []

    func add(_ field: String, _ reason: String) {
        all.append(FieldProblem(field: field, reason: reason))
    }
}

/// A JSON value with booleans told apart from numbers: JSONSerialization gives both as NSNumber.
private enum JSONValue: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(_ value: Any) {
        switch value {
        case let string as String: self = .string(string)
        // `true` and `false` are NSNumbers of C type `char` ("c"); JSON numbers never are.
        case let number as NSNumber where String(cString: number.objCType) == "c": self = .bool(number.boolValue)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let array as [Any]: self = .array(array.map(JSONValue.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init))
        default: self = .null
        }
    }

    var typeName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// How a reason names a value that has the right type but not the right value, or else its type.
    var foundDescription: String {
        switch self {
        case .number(let number): Self.format(number)
        case .string(let text): SlipRequestParser.quoted(text)
        default: typeName
        }
    }

    /// 3 rather than 3.0; 2.5 as is.
    static func format(_ number: Double) -> String {
        if let whole = Int(exactly: number) { return String(whole) }
        return String(number)
    }
}

/// The members of one JSON object of the request, read field by field; each problem is noted
/// under the object's path and the read gives nil.
private struct ObjectFields {
    let members: [String: JSONValue]
    /// "" for the top level, else e.g. "applicant" or "documents[2]".
    let path: String
    let problems: ProblemList

    func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func isPresent(_ key: String) -> Bool {
        switch members[key] {
        case nil, .null: false
        case .string(let text): !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        default: true
        }
    }

    /// The value, or nil with "missing" noted when it is absent, null or an empty string.
    func required(_ key: String) -> JSONValue? {
        guard isPresent(key), let value = members[key] else {
            problems.add(path(of: key), "missing")
            return nil
        }
        return value
    }

    func requiredText(_ key: String, maxLength: Int) -> String? {
        guard isPresent(key) else {
            problems.add(path(of: key), "missing")
            return nil
        }
        return optionalText(key, maxLength: maxLength)
    }

    /// The trimmed string; nil when absent, null or empty, or (noted) not a string or too long.
    func optionalText(_ key: String, maxLength: Int) -> String? {
        guard isPresent(key), let value = members[key] else { return nil }
        guard case .string(let raw) = value else {
            problems.add(path(of: key), "expected a string, found \(value.typeName)")
            return nil
        }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maxLength else {
            problems.add(path(of: key), "expected at most \(maxLength) characters, found \(text.count)")
            return nil
        }
        return text
    }

    /// `value`, or nil with `problem` noted when there is one.
    func checked<Value>(_ key: String, _ value: Value, problem: String?) -> Value? {
        guard let problem else { return value }
        problems.add(path(of: key), problem)
        return nil
    }

    /// A whole number in `range` (1.0 counts as 1); `defaultValue` when absent or null.
    func wholeNumber(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int, expected: String? = nil) -> Int? {
        guard let value = members[key], value != .null else { return defaultValue }
        if case .number(let number) = value, let whole = Int(exactly: number), range.contains(whole) { return whole }
        let expectation = expected ?? "a whole number from \(range.lowerBound) to \(range.upperBound)"
        problems.add(path(of: key), "expected \(expectation), found \(value.foundDescription)")
        return nil
    }

    func requiredObject(_ key: String, describedAs expectation: String) -> ObjectFields? {
        guard let value = required(key) else { return nil }
        guard case .object(let members) = value else {
            problems.add(path(of: key), "expected \(expectation), found \(value.typeName)")
            return nil
        }
        return ObjectFields(members: members, path: path(of: key), problems: problems)
    }

    func requiredArray(_ key: String, describedAs expectation: String) -> [JSONValue]? {
        guard let value = required(key) else { return nil }
        guard case .array(let elements) = value else {
            problems.add(path(of: key), "expected \(expectation), found \(value.typeName)")
            return nil
        }
        return elements
    }

    /// An instant written with its offset; nil when absent, or (noted) in any other form.
    func timestamp(_ key: String) -> Date? {
        guard let text = optionalText(key, maxLength: 64) else { return nil }
        guard let date = OffsetTimestamp.parse(text) else {
            problems.add(path(of: key), "expected \(OffsetTimestamp.expectedForm), found \(SlipRequestParser.quoted(text))")
            return nil
        }
        return date
    }

    func rejectUnknownKeys(allowed: [String]) {
        let expected = allowed.sorted().joined(separator: ", ")
        for key in members.keys.sorted() where !allowed.contains(key) {
            problems.add(path(of: key), "unknown key; expected one of: \(expected)")
        }
    }
}

/// RFC 3339 date-times: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM`. The offset is
/// required: a time without one would be read in some zone the integrator did not mean.
private enum OffsetTimestamp {
    static let expectedForm =
        "an ISO 8601 date and time with an offset, like 2026-11-23T08:40:00+07:00 or 2026-11-23T01:40:00Z"

    static func parse(_ text: String) -> Date? {
        var rest = text.utf8[...]
        func digits(_ count: Int) -> Int? {
            let taken = rest.prefix(count)
            guard taken.count == count, taken.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            rest = rest.dropFirst(count)
            return taken.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func skip(_ characters: String) -> Bool {
            guard let first = rest.first, characters.utf8.contains(first) else { return false }
            rest = rest.dropFirst()
            return true
        }

        guard let year = digits(4), skip("-"), let month = digits(2), skip("-"), let day = digits(2), skip("Tt"),
            let hour = digits(2), skip(":"), let minute = digits(2)
        else { return nil }
        var second = 0
        var fraction = 0.0
        if skip(":") {
            guard let whole = digits(2) else { return nil }
            second = whole
            if skip(".") {
                let fractionDigits = rest.prefix { (0x30...0x39).contains($0) }
                guard !fractionDigits.isEmpty, let value = Double("0." + String(decoding: fractionDigits, as: UTF8.self))
                else { return nil }
                fraction = value
                rest = rest.dropFirst(fractionDigits.count)
            }
        }
        let offsetSeconds: Int
        if skip("Zz") {
            offsetSeconds = 0
        } else {
            guard let sign = rest.first, skip("+-"), let offsetHours = digits(2), skip(":"), let offsetMinutes = digits(2),
                offsetHours <= 23, offsetMinutes <= 59
            else { return nil }
            offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard rest.isEmpty, LocalDay(year: year, month: month, day: day) != nil, hour <= 23, minute <= 59, second <= 59
        else { return nil }

        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let wallClock = utc.date(from: components) else { return nil }
        return wallClock.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// `2026-11-23T08:40:00+07:00`, in `timeZone`.
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!) + sign + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
    }
}
