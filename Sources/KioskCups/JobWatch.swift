/// What a job handed to CUPS has come to, judged from one look at the job and at its printer.
/// Pure: the print lane looks every few milliseconds and acts on the verdict (cancel, report,
/// record).
///
/// The rules, and why:
/// - **A fault while the job is in the backend is reported, and the job is left alone.** The usb
///   backend, like most vendor backends, stays in the job while the printer is out of paper,
///   with printer-state-reasons set, and finishes it when the paper is back. Cancelling would
///   cut the ticket short inside the printer; waiting prints it exactly once. No job timeout
///   runs while the printer says what holds it.
/// - **Reasons that were there before the job are stale until proven otherwise.** CUPS keeps a
///   reason such as `media-empty-error` after the fault is gone until a backend clears it (a
///   backend that exits on a fault never does), so a job that starts with the same reasons is
///   only reported once it has been in the backend longer than `staleGraceSeconds`, far longer
///   than a ticket takes.
/// - **`connecting-to-device` is not "offline" at first.** Network backends (socket, ipp) set it
///   while they connect, for every job; it names a fault only once the job has been held by it
///   for `connectingGraceSeconds` (the socket backend keeps retrying a printer that is off).
/// - **A job that waits because of a fault is cancelled** (the queue stopped, or CUPS holds it to
///   retry later because the backend asked, exit 6): kioskd keeps the ticket and prints it when
///   the printer is back, so CUPS never prints an old ticket by surprise.
/// - **A job CUPS ended is reported by the printer's own reasons** as the job last saw them
///   (`job-printer-state-reasons`: out of paper under `abort-job`), and only "aborted" when
///   there are none.
/// - **cupsd gone, or forgetting the job, after the job was handed over is a crash** (or a
///   restart meanwhile): not "unreachable", which is a cupsd that does not answer.
public struct JobWatch: Sendable, Equatable {
    /// The printer's conditions when the job was handed over.
    public var conditionsAtSubmission: Set<PrinterCondition>
    /// How long a job may stay in CUPS, with nothing reported, before it is given up.
    public var jobTimeoutSeconds: Double
    public var staleGraceSeconds: Double
    public var connectingGraceSeconds: Double

    public init(
        conditionsAtSubmission: Set<PrinterCondition>, jobTimeoutSeconds: Double, staleGraceSeconds: Double = 1,
        connectingGraceSeconds: Double = 5
    ) {
        self.conditionsAtSubmission = conditionsAtSubmission
        self.jobTimeoutSeconds = jobTimeoutSeconds
        self.staleGraceSeconds = staleGraceSeconds
        self.connectingGraceSeconds = connectingGraceSeconds
    }

    public enum Look: Sendable, Equatable {
        /// The job's state, and the printer's as last read.
        case job(JobStatus, printer: PrinterStatus)
        /// The job's state could not be read.
        case failed(CupsError)
    }

    public enum Verdict: Sendable, Equatable {
        case printed
        /// Still in CUPS. `faults`: what the printer reports while it holds the job (empty: nothing).
        case inProgress(faults: [PrinterCondition])
        /// Ended, or to be ended by cancelling it (`cancel`), without printing.
        case notPrinted(Failure, cancel: Bool)
    }

    public enum Failure: Sendable, Equatable {
        /// The printer's conditions (out of paper, stopped, …).
        case printer([PrinterCondition])
        /// CUPS ended the job (aborted, cancelled by someone) and no printer condition explains it.
        case aborted
        case timedOut
        /// cupsd went away or forgot the job after it was handed over.
        case crashed
        /// cupsd did not answer in time: it may still hold the job.
        case noAnswer
        case refused(String)
    }

    /// - Parameter elapsed: seconds since the job was handed over.
    public func judge(_ look: Look, elapsed: Double) -> Verdict {
        switch look {
        case .failed(let error):
            switch error {
            case .notRunning, .connectionDropped, .noSuchJob: return .notPrinted(.crashed, cancel: false)
            case .noAnswer: return .notPrinted(.noAnswer, cancel: false)
            case .refused(let operation, let message): return .notPrinted(.refused("\(operation): \(message)"), cancel: false)
            }
        case .job(let job, let printer):
            let reported = PrinterCondition.reported(by: printer.reasons + job.printerReasons).uniqued
            switch job.state {
            case .completed:
                return .printed
            case .canceled, .aborted:
                return .notPrinted(reported.isEmpty ? .aborted : .printer(reported), cancel: false)
            case .stopped:
                return .notPrinted(.printer((reported + [.stopped]).uniqued), cancel: true)
            case .pending, .held:
                if printer.state == .stopped || !printer.accepting {
                    return .notPrinted(.printer(printer.conditions), cancel: true)
                }
                if job.state == .held && job.reasons.contains("resources-are-not-ready") {
                    // The backend asked CUPS to retry later (exit 6).
                    return .notPrinted(.printer(reported.isEmpty ? [.offline] : reported), cancel: true)
                }
                return timedOut(elapsed, reported) ?? .inProgress(faults: [])
            case .processing:
                let reasons = (printer.reasons + job.printerReasons).filter {
                    elapsed >= connectingGraceSeconds || !$0.hasPrefix("connecting-to-device")
                }
                let now = PrinterCondition.reported(by: reasons).uniqued
                let fresh = now.filter { !conditionsAtSubmission.contains($0) }
                let faults = !fresh.isEmpty || elapsed >= staleGraceSeconds ? now : []
                if !faults.isEmpty { return .inProgress(faults: faults) }
                return timedOut(elapsed, []) ?? .inProgress(faults: [])
            }
        }
    }

    private func timedOut(_ elapsed: Double, _ reported: [PrinterCondition]) -> Verdict? {
        guard elapsed > jobTimeoutSeconds else { return nil }
        return .notPrinted(reported.isEmpty ? .timedOut : .printer(reported), cancel: true)
    }
}

extension Array where Element == PrinterCondition {
    /// In order, each condition once.
    var uniqued: [PrinterCondition] {
        var seen: Set<PrinterCondition> = []
        return filter { seen.insert($0).inserted }
    }
}
