import ArgumentParser
import Foundation
import Glibc
import KioskTestSupport

/// A printer out of paper as the usb backend shows it (it stays in the job, writing
/// `STATE: +media-empty-error`): from the backend's STATE line to kioskd's `printer-fault` event,
/// over repeated faults; and from the paper coming back to the last of the kept tickets printed.
struct PrinterFaultBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-faults", abstract: "Fault to printer-fault event (p50, p99), and paper back to the kept tickets printed.")

    @Option(help: "Paper-out faults to time.")
    var faults = 20

    @Option(help: "Tickets kept while the paper is out, printed when it is back.")
    var kept = 10

    func run() throws {
        let base = try RepositoryPaths.temporaryDirectory("kiosk-bench-faults")
        let sink = try SocketSink()
        let cups = try PrivateCups(directory: base.appendingPathComponent("cups"))
        defer { cups.stop() }
        let printer = try cups.addModelPrinterQueue(TicketOfficeTOML.queue, sinkPort: sink.port)
        let evdev = try FakeEvdev(mountPoint: base.appendingPathComponent("input"))
        defer { evdev.stop() }
        try evdev.add("ticket-touch", description: RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop"))
        let config = base.appendingPathComponent("office.toml").path
        try TicketOfficeTOML.config(touchscreen: evdev.devicePath("ticket-touch"), keypad: nil, cupsServer: cups.server)
            .write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try KioskdProcess(config: config, stateDirectory: base.appendingPathComponent("state"))
        defer {
            daemon.signal(SIGTERM)
            _ = try? daemon.awaitExit(timeout: 60)
        }
        try daemon.awaitReady(timeout: 120)
        let events = try EventStream(socketPath: daemon.controlSocket)
        try awaitCondition("the touchscreen to connect") { events.count(of: .deviceConnected) >= 1 }
        print("kiosk-bench print-faults: \(faults) paper-out faults, then \(kept) tickets kept; kioskd pid \(daemon.pid), cupsd on \(cups.server)")

        var time = 1_000.0
        var tickets = 0
        func tap() throws {
            let (x, y) = (Int32(250.0 / 1000 * 32760), Int32(200.0 / 500 * 32760))
            try evdev.emit("ticket-touch", EventScripts.slotDown(trackingID: Int32(tickets % 60000), x: x, y: y, time: time))
            try evdev.emit("ticket-touch", EventScripts.slotUp(time: time + 0.1))
            time += 1
            tickets += 1
        }

        // Each fault: the paper runs out, a ticket's job waits in the backend; then the paper is back.
        var faultToEvent: [Double] = []
        for index in 0..<faults {
            printer.paperOut()
            try tap()
            try events.await(.printerFault, count: index + 1, timeout: 30)
            let reported = try Self.wallClock(ofLine: Self.line(of: "printer-fault", number: index + 1, in: events), in: events)
            let said = printer.faultsReported[index]
            faultToEvent.append((reported - said) * 1000)
            printer.paperBack()
            try events.await(.ticketPrinted, count: tickets, timeout: 30)
            try events.await(.printerReady, count: index + 1, timeout: 30)
        }

        // Paper out with `kept` tickets taken (the first waits in the backend, the rest in kioskd).
        printer.paperOut()
        for _ in 0..<kept { try tap() }
        try events.await(.ticketNotPrinted, count: faults + kept, timeout: 30)
        let jobsBefore = sink.jobs.count
        let back = DispatchTime.now().uptimeNanoseconds
        printer.paperBack()
        try sink.awaitJobs(jobsBefore + kept, timeout: 60)
        let lastByte = sink.lastByteTime(of: jobsBefore + kept - 1)
        let paperBackSeconds = Double(lastByte - back) / 1e9
        try events.await(.ticketPrinted, count: tickets, timeout: 30)

        let summary = Summary(faultToEvent)
        print("")
        print("backend STATE: +media-empty-error → printer-fault event (ms, \(faults) faults): p50 \(TicketPrintBenchmark.format(summary.p50))  "
            + "p99 \(TicketPrintBenchmark.format(summary.p99))  max \(TicketPrintBenchmark.format(summary.max))  (target p99 ≤ 2000 ms: \(summary.p99 <= 2000 ? "met" : "NOT met"))")
        print("paper back → last byte of the \(kept) kept tickets: \(String(format: "%.2f", paperBackSeconds)) s  "
            + "(target ≤ 3 s: \(paperBackSeconds <= 3 ? "met" : "NOT met")); jobs at the printer: \(printer.jobsStarted) for \(tickets) tickets")
    }

    /// The index, among the stream's lines, of the `number`th event of `kind`.
    static func line(of kind: String, number: Int, in events: EventStream) throws -> Int {
        var seen = 0
        for (index, line) in events.lines.lines.enumerated() where line.contains("\"event\":\"\(kind)\"") {
            seen += 1
            if seen == number { return index }
        }
        throw HarnessError("no \(kind) event number \(number)")
    }

    /// When a line arrived, on the wall clock (the backend stamps its STATE lines with it).
    static func wallClock(ofLine index: Int, in events: EventStream) throws -> Double {
        let ago = Double(DispatchTime.now().uptimeNanoseconds - events.lines.arrival(of: index)) / 1e9
        return Date().timeIntervalSince1970 - ago
    }
}
