/// The parts of a `multipart/form-data` body (RFC 7578), as a browser sends a form with a file:
/// each part's name, the file name if it is a file, and its bytes. Nil for a body that does not read.
struct MultipartForm {
    struct Part {
        let name: String
        let fileName: String?
        let content: [UInt8]
    }

    let parts: [Part]

    subscript(_ name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return value.isEmpty || value.count > 70 ? nil : value
            }
        }
        return nil
    }

    init?(_ body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n\r\n".utf8)
        guard var cursor = Self.find(delimiter, in: body, from: 0).map({ $0 + delimiter.count }) else { return nil }
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[cursor...].starts(with: Array("--".utf8)) { break }
            guard body[cursor...].starts(with: Array("\r\n".utf8)) else { return nil }
            cursor += 2
            guard let headerEnd = Self.find(separator, in: body, from: cursor),
                let next = Self.find(Array("\r\n".utf8) + delimiter, in: body, from: headerEnd + separator.count)
            else { return nil }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            guard let disposition = Self.disposition(headers), let name = disposition["name"] else { return nil }
            parts.append(Part(name: name, fileName: disposition["filename"], content: Array(body[(headerEnd + separator.count)..<next])))
            cursor = next + 2 + delimiter.count
        }
        self.parts = parts
    }

    /// The parameters of the part's `Content-Disposition: form-data; name="…"; filename="…"`.
    private static func disposition(_ headers: String) -> [String: String]? {
        for line in headers.split(separator: "\r\n") {
            let header = line.split(separator: ":", maxSplits: 1)
            guard header.count == 2, header[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var parameters: [String: String] = [:]
            for item in header[1].split(separator: ";").dropFirst() {
                let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
                parameters[pair[0].lowercased()] = value
            }
            return parameters
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
