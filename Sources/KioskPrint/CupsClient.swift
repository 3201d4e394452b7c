import CCups
import Foundation

/// Submits documents to CUPS and reads job and printer states over IPP, through libcups.
///
/// Each call opens its own connection with a timeout, so a hung or absent cupsd makes a call
/// fail after `timeoutSeconds` instead of blocking its caller. The type holds no C state.
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
        try withConnection { http throws(CupsError) in
            // Create-Job by hand: cupsCreateJob looks the queue up among the default server's
            // destinations, not on the connection it is given.
            let job = try Self.send(IPP_OP_CREATE_JOB, on: http, server: server, queue: queue, job: nil, title: title) { response in
                ippFindAttribute(response, "job-id", IPP_TAG_INTEGER).map { ippGetInteger($0, 0) } ?? 0
            }
            guard job > 0 else { throw CupsError.refused(operation: "create a job on \(queue)", message: Self.lastError()) }
            guard cupsStartDocument(http, queue, job, title, format.rawValue, 1) == HTTP_STATUS_CONTINUE else {
                throw CupsError.refused(operation: "start the document of job \(job)", message: Self.lastError())
            }
            let written = document.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cupsWriteRequestData(http, $0.baseAddress, buffer.count) }
            }
            guard written == HTTP_STATUS_CONTINUE else {
                throw CupsError.refused(operation: "send job \(job)", message: Self.lastError())
            }
            let status = cupsFinishDocument(http, queue)
            guard status.rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
                throw CupsError.refused(operation: "finish job \(job)", message: Self.lastError())
            }
            return job
        }
    }

    public func job(_ id: Int32, queue: String) throws(CupsError) -> JobStatus {
        try request(IPP_OP_GET_JOB_ATTRIBUTES, queue: queue, job: id) { response in
            let state = Self.integer(response, "job-state").flatMap(JobStatus.State.init(rawValue:)) ?? .pending
            return JobStatus(id: id, state: state, reasons: Self.strings(response, "job-state-reasons"))
        }
    }

    public func printer(_ queue: String) throws(CupsError) -> PrinterStatus {
        try request(IPP_OP_GET_PRINTER_ATTRIBUTES, queue: queue, job: nil) { response in
            PrinterStatus(
                state: Self.integer(response, "printer-state").flatMap(PrinterStatus.State.init(rawValue:)) ?? .idle,
                reasons: Self.strings(response, "printer-state-reasons").filter { $0 != "none" },
                accepting: Self.boolean(response, "printer-is-accepting-jobs") ?? false,
                message: Self.strings(response, "printer-state-message").first ?? "")
        }
    }

    public func cancel(_ id: Int32, queue: String) throws(CupsError) {
        try request(IPP_OP_CANCEL_JOB, queue: queue, job: id) { _ in () }
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

    private func withConnection<T>(_ body: (OpaquePointer) throws(CupsError) -> T) throws(CupsError) -> T {
        let (host, port) = Self.split(server)
        guard let http = httpConnect2(host, port, nil, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, Int32(timeoutSeconds * 1000), nil) else {
            throw CupsError.unreachable(server: server)
        }
        defer { httpClose(http) }
        httpSetTimeout(http, timeoutSeconds, nil, nil)
        return try body(http)
    }

    private func request<T>(_ operation: ipp_op_t, queue: String, job: Int32?, _ read: (OpaquePointer) -> T) throws(CupsError) -> T {
        try withConnection { http throws(CupsError) in
            try Self.send(operation, on: http, server: server, queue: queue, job: job, title: nil, read)
        }
    }

    /// One IPP request about a queue (and a job of it) on an open connection.
    private static func send<T>(
        _ operation: ipp_op_t, on http: OpaquePointer, server: String, queue: String, job: Int32?, title: String?, _ read: (OpaquePointer) -> T
    ) throws(CupsError) -> T {
        guard let request = ippNewRequest(operation) else { throw CupsError.refused(operation: "build a request", message: "") }
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nil, "ipp://localhost/printers/\(queue)")
        if let job { ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job) }
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nil, cupsUser())
        if let title { ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nil, title) }
        // No response at all (an IPP error still has one): cupsd did not answer in time.
        guard let response = cupsDoRequest(http, request, "/printers/\(queue)") else {
            throw CupsError.unreachable(server: server)
        }
        defer { ippDelete(response) }
        guard ippGetStatusCode(response).rawValue <= IPP_STATUS_OK_EVENTS_COMPLETE.rawValue else {
            throw CupsError.refused(operation: "use queue \(queue)", message: lastError())
        }
        return read(response)
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

public enum CupsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreachable(server: String)
    case refused(operation: String, message: String)

    public var description: String {
        switch self {
        case .unreachable(let server): "CUPS at \(server) cannot be reached"
        case .refused(let operation, let message): "CUPS could not \(operation): \(message)"
        }
    }
}
