import Foundation
import KioskCore
import KioskPrint

/// Sends documents to one printer's CUPS queue and follows each job to its end, watching the
/// printer meanwhile: a queue that stops (paper out, disabled) ends the wait at once instead of
/// after the job timeout. Blocking; runs on the print thread only.
struct CupsJobRunner {
    let printer: PrinterConfig
    /// How often the job's state is read while it runs.
    var pollSeconds = 0.01
    /// How often the printer's state is read while a job runs.
    var printerCheckSeconds = 0.2

    private var client: CupsClient { CupsClient(server: printer.server, timeoutSeconds: printer.timeoutSeconds) }

    /// The printer's conditions now; `.unreachable` when cupsd does not answer.
    func check() -> Result<PrinterStatus, PrintProblem> {
        do throws(CupsError) {
            return .success(try client.printer(printer.queue))
        } catch {
            return .failure(Self.problem(error))
        }
    }

    enum Outcome: Equatable {
        case printed(job: Int32)
        case notPrinted(PrintProblem, job: Int32?)
    }

    /// Checks the printer, submits the documents and waits until each job completed.
    /// `submitted` is called with each job id as soon as CUPS has it.
    func print(_ documents: [PrintDocument], submitted: (Int32) -> Void = { _ in }) -> Outcome {
        switch check() {
        case .failure(let problem):
            return .notPrinted(problem, job: nil)
        case .success(let status) where Self.blocks(status):
            return .notPrinted(.printer(status.conditions), job: nil)
        case .success:
            break
        }
        var lastJob: Int32 = 0
        for document in documents {
            let job: Int32
            do throws(CupsError) {
                job = try client.submit(queue: printer.queue, title: document.title, document: document.bytes, format: document.format)
            } catch {
                return .notPrinted(Self.problem(error), job: nil)
            }
            submitted(job)
            if case .notPrinted(let problem, _) = follow(job) {
                return .notPrinted(problem, job: job)
            }
            lastJob = job
        }
        return .printed(job: lastJob)
    }

    /// Waits for a job's end. A job held by a printer with a condition is cancelled, so that it
    /// does not print by surprise later: the kiosk reprints it itself when the printer is back.
    private func follow(_ job: Int32) -> Outcome {
        let start = Date()
        var lastPrinterCheck = start
        while true {
            do throws(CupsError) {
                let status = try client.job(job, queue: printer.queue)
                switch status.state {
                case .completed: return .printed(job: job)
                case .canceled, .aborted: return .notPrinted(.aborted, job: job)
                case .pending, .held, .processing, .stopped: break
                }
                let now = Date()
                if status.state == .stopped || now.timeIntervalSince(lastPrinterCheck) >= printerCheckSeconds {
                    lastPrinterCheck = now
                    if case .success(let printerStatus) = check(), Self.blocks(printerStatus) {
                        try? client.cancel(job, queue: printer.queue)
                        return .notPrinted(.printer(printerStatus.conditions), job: job)
                    }
                }
                if now.timeIntervalSince(start) > printer.jobTimeoutSeconds {
                    try? client.cancel(job, queue: printer.queue)
                    if case .success(let printerStatus) = check(), !printerStatus.conditions.isEmpty {
                        return .notPrinted(.printer(printerStatus.conditions), job: job)
                    }
                    return .notPrinted(.timedOut, job: job)
                }
            } catch {
                return .notPrinted(Self.problem(error), job: job)
            }
            usleep(UInt32(pollSeconds * 1_000_000))
        }
    }

    /// Whether the queue cannot print now. Only the queue's state decides: printer-state-reasons
    /// such as media-empty-error stay set after the paper is refilled, until a job runs, so a
    /// re-enabled queue is tried (the attempt is the probe) rather than trusted to its old reasons.
    static func blocks(_ status: PrinterStatus) -> Bool {
        status.state == .stopped || !status.accepting
    }

    private static func problem(_ error: CupsError) -> PrintProblem {
        switch error {
        case .unreachable: .unreachable
        case .refused(let operation, let message): .refused("\(operation): \(message)")
        }
    }
}
