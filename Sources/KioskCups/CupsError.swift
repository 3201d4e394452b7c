/// Why a request to cupsd failed. The first three say how the connection failed, which tells a
/// hung cupsd from one that stopped: after a job was handed over, a cupsd that went away or
/// forgot the job crashed on it (or was restarted meanwhile).
public enum CupsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at the address: the connection was refused, or the socket is missing.
    case notRunning(server: String)
    /// Connected (or connecting), but no answer within the timeout: cupsd is hung or overloaded.
    case noAnswer(server: String)
    /// cupsd closed the connection before it answered.
    case connectionDropped(server: String)
    /// cupsd does not know this job (any more).
    case noSuchJob(Int32)
    /// cupsd answered with an IPP error.
    case refused(operation: String, message: String)

    /// The service cannot be reached at all, however it failed.
    public var isUnreachable: Bool {
        switch self {
        case .notRunning, .noAnswer, .connectionDropped: true
        case .noSuchJob, .refused: false
        }
    }

    public var description: String {
        switch self {
        case .notRunning(let server): "CUPS at \(server) is not running (connection refused)"
        case .noAnswer(let server): "CUPS at \(server) does not answer"
        case .connectionDropped(let server): "CUPS at \(server) closed the connection without answering"
        case .noSuchJob(let job): "CUPS has no job \(job)"
        case .refused(let operation, let message): "CUPS could not \(operation): \(message)"
        }
    }
}
