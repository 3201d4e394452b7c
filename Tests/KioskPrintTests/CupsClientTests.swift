import Foundation
import KioskCups
import KioskPrint
import KioskTestSupport
import Testing

/// libcups against a real, private cupsd: raw jobs reach the printer byte for byte, and printer
/// faults read back as the conditions the terminal shows.
@Suite struct CupsClientTests {
    let job: [UInt8] = [0x1b, 0x40] + Array("Xin chào – phiếu số A001".utf8) + [0x1d, 0x56, 0x42, 0x00]

    func cups(_ name: String) throws -> PrivateCups {
        try PrivateCups(directory: try RepositoryPaths.temporaryDirectory("cups-\(name)"))
    }

    @Test func rawJobReachesThePrinterByteForByteAndCompletes() throws {
        let server = try cups("raw")
        let sink = try SocketSink()
        try server.addRawQueue("ticket", deviceURI: sink.deviceURI)
        let client = CupsClient(server: server.server)

        let id = try client.submit(queue: "ticket", title: "A001", document: job, format: .raw)
        try sink.awaitJobs(1)
        #expect(sink.jobs[0] == job)
        let status = try client.awaitEnd(of: id, queue: "ticket", timeoutSeconds: 10)
        #expect(status.state == .completed)
        let printer = try client.printer("ticket")
        #expect(printer.accepting)
        #expect(printer.conditions.isEmpty)
    }

    @Test func outOfPaperStopsTheQueueAndKeepsTheJobUntilThePrinterIsBack() throws {
        let server = try cups("paper")
        try server.addRawQueue("ticket", deviceURI: "kioskfault:/media-empty-error")
        let client = CupsClient(server: server.server)
        let id = try client.submit(queue: "ticket", title: "A002", document: job, format: .raw)

        try awaitCondition("the queue to stop on the fault") { try client.printer("ticket").state == .stopped }
        let printer = try client.printer("ticket")
        #expect(printer.conditions.contains(.outOfPaper))
        #expect(printer.conditions.contains(.stopped))
        #expect(printer.reasons.contains("media-empty-error"))
        // The ticket is not lost: the job waits in the queue.
        let held = try client.job(id, queue: "ticket")
        #expect(!held.state.isFinal)

        // Paper refilled (a working device) and the printer enabled again: the same job prints.
        let sink = try SocketSink()
        try server.run("lpadmin", ["-p", "ticket", "-v", sink.deviceURI])
        try server.run("cupsenable", ["ticket"])
        try sink.awaitJobs(1)
        #expect(sink.jobs[0] == job)
        #expect(try client.awaitEnd(of: id, queue: "ticket", timeoutSeconds: 10).state == .completed)
    }

    @Test func disabledPrinterIsStoppedAndPrintsTheKeptJobWhenEnabled() throws {
        let server = try cups("disabled")
        let sink = try SocketSink()
        try server.addRawQueue("ticket", deviceURI: sink.deviceURI)
        try server.run("cupsdisable", ["-r", "test: stopped by staff", "ticket"])
        let client = CupsClient(server: server.server)
        let printer = try client.printer("ticket")
        #expect(printer.state == .stopped)
        #expect(printer.conditions.contains(.stopped))
        #expect(printer.message == "test: stopped by staff")

        let id = try client.submit(queue: "ticket", title: "A003", document: job, format: .raw)
        #expect(try client.job(id, queue: "ticket").state == .pending)
        #expect(sink.jobs.isEmpty)
        try server.run("cupsenable", ["ticket"])
        try sink.awaitJobs(1)
        #expect(try client.awaitEnd(of: id, queue: "ticket", timeoutSeconds: 10).state == .completed)
    }

    @Test func rejectingPrinterRefusesTheSubmission() throws {
        let server = try cups("reject")
        let sink = try SocketSink()
        try server.addRawQueue("ticket", deviceURI: sink.deviceURI)
        try server.run("cupsreject", ["ticket"])
        let client = CupsClient(server: server.server)
        #expect(try client.printer("ticket").conditions == [.notAccepting])
        #expect(throws: CupsError.self) {
            _ = try client.submit(queue: "ticket", title: "A004", document: job, format: .raw)
        }
        try server.run("cupsaccept", ["ticket"])
        let id = try client.submit(queue: "ticket", title: "A004", document: job, format: .raw)
        #expect(try client.awaitEnd(of: id, queue: "ticket", timeoutSeconds: 10).state == .completed)
    }

    @Test func cancelledJobNeverPrints() throws {
        let server = try cups("cancel")
        let sink = try SocketSink()
        try server.addRawQueue("ticket", deviceURI: sink.deviceURI)
        try server.run("cupsdisable", ["ticket"])
        let client = CupsClient(server: server.server)
        let id = try client.submit(queue: "ticket", title: "A005", document: job, format: .raw)
        try client.cancel(id, queue: "ticket")
        #expect(try client.job(id, queue: "ticket").state == .canceled)
        try server.run("cupsenable", ["ticket"])
        // A second job proves the queue runs; only it arrives.
        let second = try client.submit(queue: "ticket", title: "A006", document: [0x1b, 0x40], format: .raw)
        try sink.awaitJobs(1)
        #expect(try client.awaitEnd(of: second, queue: "ticket", timeoutSeconds: 10).state == .completed)
        #expect(sink.jobs == [[0x1b, 0x40]])
    }

    /// The titles kioskd gives its jobs, spaces and Vietnamese letters included, through the
    /// cupsd installed here: Debian's 2.4.2-3+deb12u10 crashed on spaces in a document name.
    @Test(arguments: ["Số A001", "Giấy tiếp nhận HS-2026-000123", "Trang in thử"])
    func aJobWithKioskdsTitlePrintsAndCupsStaysUp(_ title: String) throws {
        let server = try cups("title")
        let sink = try SocketSink()
        try server.addRawQueue("ticket", deviceURI: sink.deviceURI)
        let client = CupsClient(server: server.server)
        let id = try client.submit(queue: "ticket", title: title, document: job, format: .raw)
        try sink.awaitJobs(1)
        let status = try client.awaitEnd(of: id, queue: "ticket", timeoutSeconds: 10)
        #expect(status.state == .completed)
        #expect(status.name == title)
        #expect(status.documents == 1)
        #expect(try client.printer("ticket").accepting)
    }

    /// A job created without its document cannot print; CUPS says it has none.
    @Test func aCreatedJobHasNoDocumentUntilItIsSent() throws {
        let server = try cups("create")
        let sink = try SocketSink()
        try server.addRawQueue("ticket", deviceURI: sink.deviceURI)
        let client = CupsClient(server: server.server)
        let id = try client.createJob(queue: "ticket", title: "Số A007")
        #expect(try client.job(id, queue: "ticket").documents == 0)
        try client.sendDocument(job: id, queue: "ticket", document: job, format: .raw)
        try sink.awaitJobs(1)
        #expect(try client.awaitEnd(of: id, queue: "ticket", timeoutSeconds: 10).state == .completed)
    }

    @Test func anUnknownJobIsNamedSo() throws {
        let server = try cups("unknown-job")
        try server.addRawQueue("ticket", deviceURI: try SocketSink().deviceURI)
        #expect(throws: CupsError.noSuchJob(4242)) {
            _ = try CupsClient(server: server.server).job(4242, queue: "ticket")
        }
    }

    /// Nothing listens: "not running", told apart from a cupsd that hangs.
    @Test func stoppedCupsIsNotRunningAndHungCupsDoesNotAnswer() throws {
        let server = try cups("hung")
        try server.addRawQueue("ticket", deviceURI: try SocketSink().deviceURI)
        let client = CupsClient(server: server.server, timeoutSeconds: 1)
        server.signal(SIGSTOP)
        let start = Date()
        #expect(throws: CupsError.noAnswer(server: server.server)) { _ = try client.printer("ticket") }
        #expect(Date().timeIntervalSince(start) < 3)
        server.stop()
        #expect(throws: CupsError.notRunning(server: server.server)) { _ = try client.printer("ticket") }
    }

    @Test func unreachableCupsFailsWithinTheTimeout() throws {
        let port = try freeLoopbackPort()
        let client = CupsClient(server: "127.0.0.1:\(port)", timeoutSeconds: 1)
        let start = Date()
        #expect(throws: CupsError.notRunning(server: "127.0.0.1:\(port)")) {
            _ = try client.printer("ticket")
        }
        #expect(Date().timeIntervalSince(start) < 3)
    }
}
