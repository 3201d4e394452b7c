/// A control request together with the type of its answer, so that kioskctl decodes what kioskd
/// encodes for that request and nothing else: `client.send(.status)` is a `StatusReport`. A
/// refused request answers `ControlFailure` instead.
public struct ControlCall<Reply: Codable & Sendable>: Sendable {
    public let request: ControlRequest

    init(_ request: ControlRequest) {
        self.request = request
    }
}

extension ControlCall where Reply == StatusReport {
    public static var status: Self { .init(.status) }
}

extension ControlCall where Reply == ReprintReply {
    public static func reprint(terminal: String?) -> Self { .init(.reprint(terminal: terminal)) }
}

extension ControlCall where Reply == TestPagesReply {
    public static func printTest(printer: String?) -> Self { .init(.printTest(printer: printer)) }
}

extension ControlCall where Reply == CancelReply {
    public static func printCancel(numbers: [String]?) -> Self { .init(.printCancel(numbers: numbers)) }
}

extension ControlCall where Reply == RetryReply {
    public static func printRetry(numbers: [String]?) -> Self { .init(.printRetry(numbers: numbers)) }
}

extension ControlCall where Reply == SlipReply {
    public static func printSlip(request: String) -> Self { .init(.printSlip(request: request)) }
}

extension ControlCall where Reply == SealReply {
    public static var seal: Self { .init(.seal) }
}

extension ControlCall where Reply == StatusReport.Calendar {
    public static var reloadCalendars: Self { .init(.reloadCalendars) }
}
