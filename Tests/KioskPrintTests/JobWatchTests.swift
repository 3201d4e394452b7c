import KioskCups
import KioskPrint
import Testing

/// What a job in CUPS has come to, from one look at it and its printer, as the print lane acts
/// on it: shapes of real backends (usb staying in the job, exit 6, `abort-job`, a stopped queue)
/// and of a cupsd that hangs or crashes.
@Suite struct JobWatchTests {
    let watch = JobWatch(conditionsAtSubmission: [], jobTimeoutSeconds: 30)

    func job(_ state: JobStatus.State, reasons: [String] = [], printerReasons: [String] = []) -> JobStatus {
        JobStatus(id: 7, state: state, reasons: reasons, name: "Số A001", documents: 1, printerReasons: printerReasons)
    }

    func printer(_ state: PrinterStatus.State = .processing, reasons: [String] = [], accepting: Bool = true) -> PrinterStatus {
        PrinterStatus(state: state, reasons: reasons, accepting: accepting)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var look: JobWatch.Look
        var elapsed: Double
        var verdict: JobWatch.Verdict
        var testDescription: String { name }
    }

    static let p = JobWatchTests()

    static let cases: [Case] = [
        Case(name: "completed", look: .job(p.job(.completed), printer: p.printer(.idle)), elapsed: 0.05, verdict: .printed),
        Case(name: "in the backend, nothing wrong", look: .job(p.job(.processing), printer: p.printer()), elapsed: 0.05,
             verdict: .inProgress(faults: [])),
        Case(name: "usb backend waiting for paper: reported, left alone",
             look: .job(p.job(.processing), printer: p.printer(reasons: ["media-empty-error"])), elapsed: 0.3,
             verdict: .inProgress(faults: [.outOfPaper])),
        Case(name: "waiting for paper longer than the job timeout: still left alone",
             look: .job(p.job(.processing), printer: p.printer(reasons: ["media-empty-warning", "media-needed"])), elapsed: 600,
             verdict: .inProgress(faults: [.outOfPaper])),
        Case(name: "cover open while printing", look: .job(p.job(.processing), printer: p.printer(reasons: ["cover-open-error"])),
             elapsed: 0.3, verdict: .inProgress(faults: [.coverOpen])),
        Case(name: "printer offline while printing", look: .job(p.job(.processing), printer: p.printer(reasons: ["offline-report"])),
             elapsed: 0.3, verdict: .inProgress(faults: [.offline])),
        Case(name: "a network backend connecting, as it does for every job: nothing wrong",
             look: .job(p.job(.processing), printer: p.printer(reasons: ["connecting-to-device"])), elapsed: 0.3,
             verdict: .inProgress(faults: [])),
        Case(name: "still connecting after seconds: offline",
             look: .job(p.job(.processing), printer: p.printer(reasons: ["connecting-to-device"])), elapsed: 6,
             verdict: .inProgress(faults: [.offline])),
        Case(name: "in the backend too long with nothing said", look: .job(p.job(.processing), printer: p.printer()), elapsed: 31,
             verdict: .notPrinted(.timedOut, cancel: true)),
        Case(name: "backend asked to retry later (exit 6): the printer's reason, cancelled",
             look: .job(p.job(.held, reasons: ["resources-are-not-ready"], printerReasons: ["media-empty-error"]), printer: p.printer(.idle, reasons: ["media-empty-error"])),
             elapsed: 0.2, verdict: .notPrinted(.printer([.outOfPaper]), cancel: true)),
        Case(name: "retry later without a reason: offline",
             look: .job(p.job(.held, reasons: ["resources-are-not-ready"]), printer: p.printer(.idle)), elapsed: 0.2,
             verdict: .notPrinted(.printer([.offline]), cancel: true)),
        Case(name: "abort-job policy: aborted, named by the printer's reason",
             look: .job(p.job(.aborted, printerReasons: ["media-empty-error"]), printer: p.printer(.idle)), elapsed: 0.2,
             verdict: .notPrinted(.printer([.outOfPaper]), cancel: false)),
        Case(name: "aborted with no reason", look: .job(p.job(.aborted), printer: p.printer(.idle)), elapsed: 0.2,
             verdict: .notPrinted(.aborted, cancel: false)),
        Case(name: "cancelled by someone else", look: .job(p.job(.canceled), printer: p.printer(.idle)), elapsed: 0.2,
             verdict: .notPrinted(.aborted, cancel: false)),
        Case(name: "stop-printer policy: the queue stopped with the job in it",
             look: .job(p.job(.pending, printerReasons: ["media-empty-error"]), printer: p.printer(.stopped, reasons: ["media-empty-error"])),
             elapsed: 0.2, verdict: .notPrinted(.printer([.outOfPaper, .stopped]), cancel: true)),
        Case(name: "job stopped", look: .job(p.job(.stopped), printer: p.printer(.stopped)), elapsed: 0.2,
             verdict: .notPrinted(.printer([.stopped]), cancel: true)),
        Case(name: "queue stopped reject", look: .job(p.job(.pending), printer: p.printer(.idle, accepting: false)), elapsed: 0.2,
             verdict: .notPrinted(.printer([.notAccepting]), cancel: true)),
        Case(name: "pending behind another job", look: .job(p.job(.pending), printer: p.printer()), elapsed: 3,
             verdict: .inProgress(faults: [])),
        Case(name: "pending too long", look: .job(p.job(.pending), printer: p.printer()), elapsed: 31,
             verdict: .notPrinted(.timedOut, cancel: true)),
        Case(name: "cupsd gone after taking the job", look: .failed(.notRunning(server: "s")), elapsed: 0.1,
             verdict: .notPrinted(.crashed, cancel: false)),
        Case(name: "cupsd dropped the connection", look: .failed(.connectionDropped(server: "s")), elapsed: 0.1,
             verdict: .notPrinted(.crashed, cancel: false)),
        Case(name: "cupsd forgot the job (restarted meanwhile)", look: .failed(.noSuchJob(7)), elapsed: 0.1,
             verdict: .notPrinted(.crashed, cancel: false)),
        Case(name: "cupsd hung", look: .failed(.noAnswer(server: "s")), elapsed: 5,
             verdict: .notPrinted(.noAnswer, cancel: false)),
    ]

    @Test(arguments: cases)
    func verdict(_ c: Case) {
        #expect(watch.judge(c.look, elapsed: c.elapsed) == c.verdict)
    }

    /// A reason CUPS kept from an earlier fault is not news: a job that starts with it is only
    /// reported once it has been in the backend longer than a ticket takes.
    @Test func aReasonLeftFromBeforeTheJobCountsOnlyAfterTheGrace() {
        let stale = JobWatch(conditionsAtSubmission: [.outOfPaper], jobTimeoutSeconds: 30, staleGraceSeconds: 1)
        let look = JobWatch.Look.job(job(.processing), printer: printer(reasons: ["media-empty-error"]))
        #expect(stale.judge(look, elapsed: 0.05) == .inProgress(faults: []))
        #expect(stale.judge(look, elapsed: 1.2) == .inProgress(faults: [.outOfPaper]))
        // A new reason next to the stale one is news at once.
        let jam = JobWatch.Look.job(job(.processing), printer: printer(reasons: ["media-empty-error", "media-jam-error"]))
        #expect(stale.judge(jam, elapsed: 0.05) == .inProgress(faults: [.outOfPaper, .paperJam]))
        // And a stale reason does not stop a completed job from counting as printed.
        #expect(stale.judge(.job(job(.completed), printer: printer(.idle, reasons: ["media-empty-error"])), elapsed: 0.05) == .printed)
    }
}

@Suite struct RetryScheduleTests {
    @Test func waitsGrowThenStayAtTheLastAndASuccessStartsOver() {
        var schedule = RetrySchedule(delays: [2, 4, 8])
        #expect([schedule.failed(), schedule.failed(), schedule.failed(), schedule.failed()] == [2, 4, 8, 8])
        schedule.succeeded()
        #expect(schedule.failed() == 2)
    }

    @Test func afterACrashTheWaitGoesFromSecondsToMinutes() {
        var schedule = RetrySchedule.crash
        let waits = (0..<6).map { _ in schedule.failed() }
        #expect(waits.first! < 10)
        #expect(waits.last! >= 120)
        #expect(waits == waits.sorted())
    }
}
