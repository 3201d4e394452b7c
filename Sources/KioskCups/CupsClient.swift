import CCups
import Foundation

/// Submits documents to CUPS and reads job and printer states over IPP, through libcups.
///
/// Each call opens its own connection with a timeout, so a hung or absent cupsd makes a call
/// fail after `timeoutSeconds` instead of blocking its caller. The type holds no C state. The
/// attributes of every request come from `CupsJobRequest`.
public struct CupsClient: Sendable {
    /// `host:port`, or the path of cupsd's Unix socket (e.g. /run/cups/cups.sock).
    public let server: String
    public let timeoutSeconds: Double

    public init(server: String, timeoutSeconds: Double = 5) {
        self.server = server
        self.timeoutSeconds = timeoutSeconds
    }

    public enum DocumentFormat: String, Sendable {
        /// Printer-ready bytes (ESC/POS), passed to the device untouched.
        case raw = "application/vnd.cups-raw"
        case png = "image/png"
        case pdf = "application/pdf"
    }

    /// Creates a job, sends the document, closes the job; returns the job id.
    public func submit(queue: String, title: String, document: [UInt8], format: DocumentFormat) throws(CupsError) -> Int32 {
        let job = try createJob(queue: queue, title: title)
        try sendDocument(job: job, queue: queue, document: document, format: format)
        return job
    }

    /// Create-Job: a job without a document yet, which cannot print until `sendDocument`. So a
    /// caller can record the id before anything can print.
    public func createJob(queue: String, title: String) throws(CupsError) -> Int32 {
        let job = try request(IPP_OP_CREATE_JOB, CupsJobRequest.createJob(queue: queue, title: title, user: Self.user), queue: queue) { response in
            ippFindAttribute(response, "job-id", IPP_TAG_INTEGER).map { ippGetInteger($0, 0) } ?? 0
        }
        guard job > 0 else { throw CupsError.refused(operation: "create a job on \(queue)", message: Self.lastError()) }
        return job
    }

    /// Send-Document with `last-document`: the job's one document; CUPS may print it from now on.
    public func sendDocument(job: Int32, queue: String, document: [UInt8], format: DocumentFormat) throws(CupsError) {
        try withConnection { http throws(CupsError) in
            let attributes = CupsJobRequest.sendDocument(queue: queue, job: job, format: format, user: Self.user)
            let request = try Self.request(IPP_OP_SEND_DOCUMENT, attributes)
            defer { ippDelete(request) }
            // Length 0 is CUPS_LENGTH_VARIABLE (chunked), as cupsStartDocument sends it.
            guard cupsSendRequest(http, request, "/printers/\(queue)", 0) == HTTP_STATUS_CONTINUE else {
                throw failure(http, operation: "start the document of job \(job)")
            }
            let written = document.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cupsWriteRequestData(http, $0.baseAddress, buffer.count) }
            }
            guard written == HTTP_STATUS_CONTINUE else { throw failure(http, operation: "send job \(job)") }
            guard let response = cupsGetResponse(http, "/printers/\(queue)") else {
                throw failure(http, operation: "finish job \(job)")
            }
            defer { ippDelete(response) }
            guard ippGetStatusCode(response).rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
                throw CupsError.refused(operation: "finish job \(job)", message: Self.lastError())
            }
        }
    }

    public func job(_ id: Int32, queue: String) throws(CupsError) -> JobStatus {
        try request(IPP_OP_GET_JOB_ATTRIBUTES, CupsJobRequest.about(queue: queue, job: id, user: Self.user), queue: queue, job: id) { response in
            JobStatus(
                id: id,
                state: Self.integer(response, "job-state").flatMap(JobStatus.State.init(rawValue:)) ?? .pending,
                reasons: Self.strings(response, "job-state-reasons"),
                name: Self.strings(response, "job-name").first ?? "",
                documents: Int(Self.integer(response, "number-of-documents") ?? 0),
                printerReasons: Self.strings(response, "job-printer-state-reasons").filter { $0 != "none" })
        }
    }

    public func printer(_ queue: String) throws(CupsError) -> PrinterStatus {
        try request(IPP_OP_GET_PRINTER_ATTRIBUTES, CupsJobRequest.about(queue: queue, job: nil, user: Self.user), queue: queue) { response in
            PrinterStatus(
                state: Self.integer(response, "printer-state").flatMap(PrinterStatus.State.init(rawValue:)) ?? .idle,
                reasons: Self.strings(response, "printer-state-reasons").filter { $0 != "none" },
                accepting: Self.boolean(response, "printer-is-accepting-jobs") ?? false,
                message: Self.strings(response, "printer-state-message").first ?? "")
        }
    }

    public func cancel(_ id: Int32, queue: String) throws(CupsError) {
        try request(IPP_OP_CANCEL_JOB, CupsJobRequest.about(queue: queue, job: id, user: Self.user), queue: queue, job: id) { _ in () }
    }

    /// Waits until the job ends (completed, canceled, aborted) or stops; polls every 20 ms.
    public func awaitEnd(of id: Int32, queue: String, timeoutSeconds: Double) throws(CupsError) -> JobStatus {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            let status = try job(id, queue: queue)
            if status.state.isFinal || status.state == .stopped || Date() > deadline { return status }
            usleep(20_000)
        }
    }

    // MARK: - libcups plumbing

    private static var user: String { String(cString: cupsUser()) }

    private func withConnection<T>(_ body: (OpaquePointer) throws(CupsError) -> T) throws(CupsError) -> T {
        let (host, port) = Self.split(server)
        guard let http = httpConnect2(host, port, nil, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, Int32(timeoutSeconds * 1000), nil) else {
            throw errno == ETIMEDOUT ? CupsError.noAnswer(server: server) : CupsError.notRunning(server: server)
        }
        defer { httpClose(http) }
        httpSetTimeout(http, timeoutSeconds, nil, nil)
        return try body(http)
    }

    /// One IPP request on a connection of its own; `read` takes what it needs from the answer.
    private func request<T>(
        _ operation: ipp_op_t, _ attributes: [IPPAttribute], queue: String, job: Int32? = nil, _ read: (OpaquePointer) -> T
    ) throws(CupsError) -> T {
        try withConnection { http throws(CupsError) in
            // cupsDoRequest frees the request.
            guard let response = cupsDoRequest(http, try Self.request(operation, attributes), "/printers/\(queue)") else {
                throw failure(http, operation: "use queue \(queue)")
            }
            defer { ippDelete(response) }
            let status = ippGetStatusCode(response)
            if status == IPP_STATUS_ERROR_NOT_FOUND, let job { throw CupsError.noSuchJob(job) }
            guard status.rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
                throw CupsError.refused(operation: "use queue \(queue)", message: Self.lastError())
            }
            return read(response)
        }
    }

    private static func request(_ operation: ipp_op_t, _ attributes: [IPPAttribute]) throws(CupsError) -> OpaquePointer {
        guard let request = ippNewRequest(operation) else { throw CupsError.refused(operation: "build a request", message: "") }
        for attribute in attributes {
            switch attribute.value {
            case .uri(let text): ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, attribute.name, nil, text)
            case .name(let text): ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, attribute.name, nil, text)
            case .mimeMediaType(let text): ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, attribute.name, nil, text)
            case .integer(let number): ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, attribute.name, number)
            case .boolean(let flag): ippAddBoolean(request, IPP_TAG_OPERATION, attribute.name, flag ? 1 : 0)
            }
        }
        return request
    }

    /// Why a request got no IPP answer: the time ran out (a hung cupsd), cupsd turned the
    /// request away over HTTP (authentication), or it closed the connection (it stopped or
    /// crashed while the request was in hand).
    private func failure(_ http: OpaquePointer, operation: String) -> CupsError {
        let code = httpError(http)
        if code == ETIMEDOUT || code == EAGAIN { return .noAnswer(server: server) }
        switch cupsLastError() {
        case IPP_STATUS_ERROR_FORBIDDEN, IPP_STATUS_ERROR_NOT_AUTHENTICATED, IPP_STATUS_ERROR_NOT_AUTHORIZED,
            IPP_STATUS_ERROR_CUPS_AUTHENTICATION_CANCELED, IPP_STATUS_ERROR_CUPS_PKI, IPP_STATUS_ERROR_CUPS_UPGRADE_REQUIRED:
            return .refused(operation: operation, message: Self.lastError())
        default:
            return .connectionDropped(server: server)
        }
    }

    private static func split(_ server: String) -> (String, Int32) {
        if server.hasPrefix("/") { return (server, 0) }
        if let colon = server.lastIndex(of: ":"), let port = Int32(server[server.index(after: colon)...]) {
            return (String(server[..<colon]), port)
        }
        return (server, 631)
    }

    private static func lastError() -> String {
        cupsLastErrorString().map { String(cString: $0) } ?? "unknown error"
    }

    private static func integer(_ response: OpaquePointer, _ name: String) -> Int32? {
        guard let attribute = ippFindAttribute(response, name, IPP_TAG_ZERO) else { return nil }
        return ippGetInteger(attribute, 0)
    }

    private static func boolean(_ response: OpaquePointer, _ name: String) -> Bool? {
        guard let attribute = ippFindAttribute(response, name, IPP_TAG_BOOLEAN) else { return nil }
        return ippGetBoolean(attribute, 0) != 0
    }

    private static func strings(_ response: OpaquePointer, _ name: String) -> [String] {
        guard let attribute = ippFindAttribute(response, name, IPP_TAG_ZERO) else { return [] }
        return (0..<ippGetCount(attribute)).compactMap { index in
            ippGetString(attribute, index, nil).map { String(cString: $0) }
        }
    }
}
