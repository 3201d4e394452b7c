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
        let members: [String: SlipJSONValue]
        switch topLevelObject(body) {
        case .success(let object): members = object
        case .failure(let error): return .failure(error)
        }
        let problems = SlipProblemList()
        let top = SlipFieldReader(members: members, path: "", problems: problems)

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
                "expected a time after \(received) \(RFC3339Timestamp.format(receivedAt, in: timeZone)), "
                    + "found \(RFC3339Timestamp.format(returnAt, in: timeZone))")
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

    private static func topLevelObject(_ body: Data) -> Result<[String: SlipJSONValue], SlipRequestError> {
        guard let text = String(data: body, encoding: .utf8) else {
            return .failure(.malformed("the body is not UTF-8 text; expected a JSON object"))
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(.malformed("the body is empty; expected a JSON object"))
        }
        // Any decoding error means the text is not JSON: SlipJSONValue takes every JSON value.
        guard let value = try? JSONDecoder().decode(SlipJSONValue.self, from: body) else {
            return .failure(.malformed("the body is not valid JSON; expected a JSON object"))
        }
        guard case .object(let members) = value else {
            return .failure(.malformed("expected a JSON object at the top level, found \(value.typeName)"))
        }
        return .success(members)
    }

    private static func parseApplicant(_ fields: SlipFieldReader) -> SlipRequest.Applicant? {
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

    private static func parseDocuments(_ top: SlipFieldReader) -> [SlipRequest.Document]? {
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
            let fields = SlipFieldReader(members: members, path: path, problems: top.problems)
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

    private static func parseWorkingDays(_ top: SlipFieldReader) -> Double? {
        let maximum = WorkingCalendar.maximumWorkingDays
        let expected = "expected a number of working days greater than 0 and at most \(SlipJSONValue.format(maximum)), "
            + "in steps of 0.5 (0.5, 1, 1.5, …)"
        guard let value = top.required("processingWorkingDays") else { return nil }
        guard case .number(let days) = value, days > 0, days <= maximum, (days * 2).rounded() == days * 2 else {
            top.problems.add("processingWorkingDays", "\(expected), found \(value.foundDescription)")
            return nil
        }
        return days
    }

    private static func parseCollection(_ top: SlipFieldReader) -> SlipRequest.Collection? {
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
