/// A printer's state as the screens may show it to citizens: no queue or server.
public struct ScreenPrinter: Codable, Sendable, Equatable {
    public var id: String
    public var ok: Bool
    public var problem: String?
    public var message: String?

    public init(id: String, ok: Bool, problem: String? = nil, message: String? = nil) {
        self.id = id
        self.ok = ok
        self.problem = problem
        self.message = message
    }
}
