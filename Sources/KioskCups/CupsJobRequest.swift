/// One IPP operation attribute, as a value: what `CupsClient` puts in a request, exactly.
public struct IPPAttribute: Sendable, Equatable, CustomStringConvertible {
    public enum Value: Sendable, Equatable {
        case uri(String)
        case name(String)
        case mimeMediaType(String)
        case integer(Int32)
        case boolean(Bool)
    }

    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    /// The value as text, for tests and logs.
    public var text: String {
        switch value {
        case .uri(let text), .name(let text), .mimeMediaType(let text): text
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        }
    }

    public var description: String { "\(name)=\(text)" }
}

/// The attributes of kioskd's IPP requests to cupsd, built here as values so that a unit test
/// holds what reaches cupsd.
///
/// **No `document-name`.** Debian's security update cups 2.4.2-3+deb12u10 crashes cupsd in
/// `get_options()` on any job whose `document-name` contains whitespace (`lp -o raw "a b.txt"` is
/// enough), and the crash comes back each time the job is sent again. A document name is optional
/// in IPP and nothing reads it for a raw ticket or a PDF slip, so none is sent. The readable
/// title goes in `job-name` ("Số A001"), which that build handles with spaces (`lp -t "a b"`), and
/// every other value sent is a token without whitespace (a URI, an id, a MIME type, the user's
/// login name).
public enum CupsJobRequest {
    public static func printerURI(queue: String) -> String {
        "ipp://localhost/printers/\(queue)"
    }

    /// Create-Job: the queue, who asks, and the job's title.
    public static func createJob(queue: String, title: String, user: String) -> [IPPAttribute] {
        [
            IPPAttribute("printer-uri", .uri(printerURI(queue: queue))),
            IPPAttribute("requesting-user-name", .name(user)),
            IPPAttribute("job-name", .name(jobName(title))),
        ]
    }

    /// Send-Document: the job's one and only document, in `format`.
    public static func sendDocument(queue: String, job: Int32, format: CupsClient.DocumentFormat, user: String) -> [IPPAttribute] {
        [
            IPPAttribute("printer-uri", .uri(printerURI(queue: queue))),
            IPPAttribute("job-id", .integer(job)),
            IPPAttribute("requesting-user-name", .name(user)),
            IPPAttribute("document-format", .mimeMediaType(format.rawValue)),
            IPPAttribute("last-document", .boolean(true)),
        ]
    }

    /// Any other request about a queue or one of its jobs (Get-Job-Attributes, Cancel-Job, …).
    public static func about(queue: String, job: Int32?, user: String) -> [IPPAttribute] {
        [IPPAttribute("printer-uri", .uri(printerURI(queue: queue)))]
            + (job.map { [IPPAttribute("job-id", .integer($0))] } ?? [])
            + [IPPAttribute("requesting-user-name", .name(user))]
    }

    /// A title as a job name: one line of text (control characters become spaces, runs of
    /// spaces one), at most 255 bytes of UTF-8 (IPP's limit for a name), cut at a character.
    public static func jobName(_ title: String) -> String {
        var words = String(title.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.utf8.count > 255 { words.removeLast() }
        return words
    }
}
