import Foundation
import KioskCore
import KioskCups
import KioskPrint

/// CUPS operations for one printer's jobs: check the queue, hand a job over, follow it to its end
/// (`JobWatch` decides at each look), and find out what became of an earlier job. Blocking; runs
/// on the printer's lane.
struct CupsJobRunner {
    let printer: PrinterConfig
    /// How often the job's state is read during its first `fastPollWindow` seconds (a ticket
    /// takes tens of milliseconds), and after that.
    var fastPollSeconds = 0.01
    var slowPollSeconds = 0.1
    var fastPollWindow = 2.0
    /// How often the printer's state is read while a job runs: a fault reaches the lane within
    /// this of CUPS knowing it.
    var printerCheckSeconds = 0.2

    private var client: CupsClient { CupsClient(server: printer.server, timeoutSeconds: printer.timeoutSeconds) }

    enum Outcome: Equatable {
        case printed(job: Int32)
        /// `cutShort`: the job may have sent part of its bytes to the printer before it ended. Any
        /// job handed over that did not print counts: CUPS cannot say how far a backend got (a
        /// job may even be reported completed when the printer lost its end), and cutting off a
        /// stub that is not there costs a blank strip, while leaving one spoils the next ticket.
        case notPrinted(PrintProblem, job: Int32?, cutShort: Bool)
        /// Still in CUPS when the lane stopped following it (kioskd is stopping): its id is kept,
        /// and it is followed again after the next start.
        case leftInCups(job: Int32)
    }

    /// What the lane wants at each look at a job in progress.
    enum Follow {
        case wait
        /// End the job (staff cancelled the ticket, or a slip must not wait for paper).
        case cancel(PrintProblem)
        /// Stop following and leave the job to CUPS.
        case leave
    }

    /// The printer's conditions now; `.unreachable` when cupsd does not answer.
    func check() -> Result<PrinterStatus, PrintProblem> {
        do throws(CupsError) {
            return .success(try client.printer(printer.queue))
        } catch {
            return .failure(PrintProblem(error))
        }
    }

    /// Whether the queue cannot print now. Only the queue's state decides: printer-state-reasons
    /// such as media-empty-error stay set after the paper is refilled, until a backend clears
    /// them, so a re-enabled queue is tried (the attempt is the probe) rather than trusted to its
    /// old reasons.
    static func blocks(_ status: PrinterStatus) -> Bool {
        status.state == .stopped || !status.accepting
    }

    /// Checks the printer, then for each document creates a job, lets the caller record its id
    /// (`created`: before anything can print), sends the document and follows the job to its end.
    func print(_ documents: [PrintDocument], created: (Int32) -> Void = { _ in }, whileInProgress: ([PrinterCondition]) -> Follow) -> Outcome {
        let status: PrinterStatus
        switch check() {
        case .failure(let problem): return .notPrinted(problem, job: nil, cutShort: false)
        case .success(let found) where Self.blocks(found): return .notPrinted(.printer(found.conditions), job: nil, cutShort: false)
        case .success(let found): status = found
        }
        var lastJob: Int32 = 0
        for document in documents {
            let job: Int32
            do throws(CupsError) {
                job = try client.createJob(queue: printer.queue, title: document.title)
            } catch {
                return .notPrinted(PrintProblem(error), job: nil, cutShort: false)
            }
            created(job)
            do throws(CupsError) {
                try client.sendDocument(job: job, queue: printer.queue, document: document.bytes, format: document.format)
            } catch {
                switch error {
                case .notRunning, .connectionDropped: return .notPrinted(.crashed, job: job, cutShort: true)
                case .noAnswer: return .notPrinted(.unreachable, job: job, cutShort: true)
                case .noSuchJob, .refused:
                    try? client.cancel(job, queue: printer.queue)
                    return .notPrinted(PrintProblem(error), job: job, cutShort: false)
                }
            }
            let outcome = follow(job, printer: status, whileInProgress: whileInProgress)
            guard case .printed = outcome else { return outcome }
            lastJob = job
        }
        return .printed(job: lastJob)
    }

    /// Follows a job in CUPS until it ends, or the lane cancels or leaves it. `printer`: the
    /// printer's state when the job was handed over (its conditions then count as stale).
    func follow(_ job: Int32, printer start: PrinterStatus, whileInProgress: ([PrinterCondition]) -> Follow) -> Outcome {
        let watch = JobWatch(
            conditionsAtSubmission: Set(PrinterCondition.reported(by: start.reasons)), jobTimeoutSeconds: printer.jobTimeoutSeconds)
        let began = ThreadDeadline.now()
        var printerStatus = start
        var lastPrinterCheck = began
        while true {
            let look: JobWatch.Look
            do throws(CupsError) {
                let status = try client.job(job, queue: printer.queue)
                let now = ThreadDeadline.now()
                if now.timeIntervalSince(lastPrinterCheck) >= printerCheckSeconds || status.state == .held || status.state == .stopped {
                    lastPrinterCheck = now
                    if case .success(let fresh) = check() { printerStatus = fresh }
                }
                look = .job(status, printer: printerStatus)
            } catch {
                look = .failed(error)
            }
            let elapsed = ThreadDeadline.now().timeIntervalSince(began)
            switch watch.judge(look, elapsed: elapsed) {
            case .printed:
                return .printed(job: job)
            case .notPrinted(let failure, let cancel):
                if cancel { try? client.cancel(job, queue: printer.queue) }
                return .notPrinted(PrintProblem(failure), job: job, cutShort: true)
            case .inProgress(let faults):
                switch whileInProgress(faults) {
                case .wait: break
                case .cancel(let problem):
                    try? client.cancel(job, queue: printer.queue)
                    return .notPrinted(problem, job: job, cutShort: true)
                case .leave:
                    return .leftInCups(job: job)
                }
            }
            usleep(UInt32((elapsed < fastPollWindow ? fastPollSeconds : slowPollSeconds) * 1_000_000))
        }
    }

    /// What CUPS says about a ticket's job from an earlier attempt (before a kioskd restart, a
    /// cupsd that did not answer, or a crash).
    enum Earlier: Equatable {
        case printed
        /// Still in CUPS, with its document: follow it instead of sending the ticket again.
        case inCups(JobStatus)
        /// Ended without printing, or unknown to CUPS (its history lost, the id given to another
        /// job since): send the ticket again. `cutShort`: it may have printed in part.
        case gone(cutShort: Bool)
        /// CUPS cannot say now.
        case unknown(PrintProblem)
    }

    func earlier(_ job: Int32, title: String) -> Earlier {
        let status: JobStatus
        do throws(CupsError) {
            status = try client.job(job, queue: printer.queue)
        } catch {
            if case .noSuchJob = error { return .gone(cutShort: true) }
            return .unknown(PrintProblem(error))
        }
        guard status.name == CupsJobRequest.jobName(title) else { return .gone(cutShort: true) }
        switch status.state {
        case .completed:
            return .printed
        case .canceled, .aborted:
            return .gone(cutShort: true)
        case .pending, .held, .processing, .stopped:
            // Created, but kioskd stopped before the document was sent: it can never print.
            guard status.documents > 0 else {
                try? client.cancel(job, queue: printer.queue)
                return .gone(cutShort: false)
            }
            return .inCups(status)
        }
    }
}
