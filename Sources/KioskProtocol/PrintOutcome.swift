/// What a requested print (a test page, a slip) came to.
public struct PrintOutcome: Codable, Sendable, Equatable {
    public var printer: String
    public var printed: Bool
    /// The CUPS job, once there is one.
    public var job: Int?
    /// Why it did not print: a `PrintProblem` code, and the message for people.
    public var problem: String?
    public var message: String?

    public init(printer: String, printed: Bool, job: Int? = nil, problem: String? = nil, message: String? = nil) {
        self.printer = printer
        self.printed = printed
        self.job = job
        self.problem = problem
        self.message = message
    }
}
