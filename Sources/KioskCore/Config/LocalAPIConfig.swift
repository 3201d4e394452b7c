/// kioskd's HTTP API for the office's case software and staff PCs (slips).
public struct LocalAPIConfig: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Bearer token required on every request; mandatory unless `host` is a loopback address.
    public var token: String?

    public init(host: String, port: Int, token: String?) {
        self.host = host
        self.port = port
        self.token = token
    }

    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
