import KioskCups
import KioskPrint

/// Why something was not printed, in words for the terminal (Vietnamese first, then English).
enum PrintProblem: Error, Sendable, Equatable {
    /// The printer reports conditions (out of paper, stopped, …).
    case printer([PrinterCondition])
    /// cupsd cannot be reached or did not answer in time.
    case unreachable
    /// cupsd went away (or forgot the job) right after a job was handed to it.
    case crashed
    /// CUPS refused the job (unknown queue, …).
    case refused(String)
    /// The job did not complete within the printer's job timeout.
    case timedOut
    /// CUPS aborted or cancelled the job.
    case aborted
    /// The printout could not be rendered.
    case render(String)

    init(_ failure: JobWatch.Failure) {
        switch failure {
        case .printer(let conditions): self = .printer(conditions)
        case .aborted: self = .aborted
        case .timedOut: self = .timedOut
        case .crashed: self = .crashed
        case .noAnswer: self = .unreachable
        case .refused(let detail): self = .refused(detail)
        }
    }

    /// A failed request before any job was handed over.
    init(_ error: CupsError) {
        switch error {
        case .notRunning, .noAnswer, .connectionDropped: self = .unreachable
        case .noSuchJob(let job): self = .refused("CUPS has no job \(job)")
        case .refused(let operation, let message): self = .refused("\(operation): \(message)")
        }
    }

    /// A short keyword for events and `kioskctl status`.
    var code: String {
        switch self {
        case .printer(let conditions): conditions.first?.rawValue ?? "printer"
        case .unreachable: "cups-unreachable"
        case .crashed: "cups-crashed"
        case .refused: "refused"
        case .timedOut: "timed-out"
        case .aborted: "aborted"
        case .render: "render-failed"
        }
    }

    var message: String { words.text }

    var words: Bilingual {
        switch self {
        case .printer(let conditions):
            Bilingual(
                vietnamese: conditions.map { DaemonTexts.condition($0).vietnamese }.joined(separator: " "),
                english: conditions.map { DaemonTexts.condition($0).english }.joined(separator: " "))
        case .unreachable: DaemonTexts.cupsUnreachable
        case .crashed: DaemonTexts.cupsCrashed
        case .refused(let detail): DaemonTexts.refused(detail)
        case .timedOut: DaemonTexts.timedOut
        case .aborted: DaemonTexts.aborted
        case .render(let detail): DaemonTexts.renderFailed(detail)
        }
    }
}
