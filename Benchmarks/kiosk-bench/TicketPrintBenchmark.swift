import ArgumentParser
import Foundation
import Glibc
import KioskPrint
import KioskPrintSamples
import KioskTestSupport

/// Tap on the emulated ticket touchscreen → ticket committed → the job's last byte at the
/// printer (a socket sink behind a raw queue of a private cupsd); beside it, CUPS's own
/// `lp -o raw` submit → last byte for the same bytes, render times, bytes per ticket, kioskd's RSS.
struct TicketPrintBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Tap-to-printed latency against lp -o raw, render times, bytes per ticket and RSS of kioskd.")

    @Option(help: "Tickets to time (after the warm-up).")
    var tickets = 200

    @Option(help: "Warm-up tickets, not timed.")
    var warmup = 20

    @Option(help: "Times to submit a captured ticket with lp -o raw.")
    var lpRuns = 50

    @Option(help: "Where to put the emulated devices, cupsd and kioskd's state (a directory under /tmp: cupsd's backends run as lp).")
    var directory: String?

    @Option(help: "Also run kioskd's local HTTP API on HOST:PORT (e.g. 127.0.0.1:8470), to measure RSS with it on.")
    var httpListen: String?

    static let queue = TicketOfficeTOML.queue

    func run() throws {
        let base = try directory.map { URL(fileURLWithPath: $0) } ?? RepositoryPaths.temporaryDirectory("kiosk-bench")
        let state = base.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)

        let sink = try SocketSink()
        let cups = try PrivateCups(directory: base.appendingPathComponent("cups"))
        defer { cups.stop() }
        try cups.addRawQueue(Self.queue, deviceURI: sink.deviceURI)

        let evdev = try FakeEvdev(mountPoint: base.appendingPathComponent("input"))
        defer { evdev.stop() }
        try evdev.add("ticket-touch", description: RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop"))
        let config = base.appendingPathComponent("office.toml").path
        try TicketOfficeTOML.config(
            touchscreen: evdev.devicePath("ticket-touch"), keypad: nil, cupsServer: cups.server,
            extra: httpListen.map { "[http]\nlisten = \"\($0)\"" } ?? "")
            .write(toFile: config, atomically: true, encoding: .utf8)

        let daemon = try KioskdProcess(config: config, stateDirectory: state)
        try daemon.awaitReady()
        let events = try EventStream(socketPath: daemon.controlSocket)
        try awaitCondition("the touchscreen to connect") { events.count(of: .deviceConnected) >= 1 }

        let (idleRSS, _) = InputLatencyBenchmark.memory(pid: daemon.pid)
        print("kiosk-bench print: \(tickets) tickets after \(warmup) warm-up, kioskd pid \(daemon.pid), cupsd on \(cups.server), "
            + "HTTP API \(httpListen.map { "on \($0)" } ?? "off"), files in \(base.path)")
        // The middle of the left half of the 1000×500 screen (service ho-tich), in eGalax units.
        let tapX = Int32(250.0 / 1000 * 32760)
        let tapY = Int32(200.0 / 500 * 32760)
        var tapToLastByte: [Double] = []
        var time = 1_000.0
        for index in 0..<(warmup + tickets) {
            try evdev.emit("ticket-touch", EventScripts.slotDown(trackingID: Int32(index % 60000), x: tapX, y: tapY, time: time))
            let start = DispatchTime.now().uptimeNanoseconds
            try evdev.emit("ticket-touch", EventScripts.slotUp(time: time + 0.1))
            try sink.awaitJobs(index + 1)
            if index >= warmup {
                tapToLastByte.append(Self.milliseconds(from: start, to: sink.lastByteTime(of: index)))
            }
            // kioskd reports the ticket printed once CUPS says the job completed: the next tap
            // waits for it, so that jobs never overlap. This wait is after the sink's timestamp.
            try events.await(.ticketPrinted, count: index + 1, timeout: 30)
            if let httpListen, index % 10 == 0 {
                try Self.askStatus(httpListen)
            }
            time += 1
        }
        let (rss, peak) = InputLatencyBenchmark.memory(pid: daemon.pid)
        let ticketJobs = sink.jobs
        let ticketBytes = ticketJobs.map(\.count).sorted()

        // The same bytes through CUPS alone: lp's process start, IPP submit, the raw queue, the backend.
        let capturedJob = base.appendingPathComponent("captured-ticket.bin")
        try Data(ticketJobs[ticketJobs.count - 1]).write(to: capturedJob)
        var lpToLastByte: [Double] = []
        for submission in 0...lpRuns {
            let start = DispatchTime.now().uptimeNanoseconds
            try cups.run("lp", ["-d", Self.queue, "-o", "raw", capturedJob.path])
            let job = ticketJobs.count + submission
            try sink.awaitJobs(job + 1)
            if submission > 0 {  // the first is a warm-up
                lpToLastByte.append(Self.milliseconds(from: start, to: sink.lastByteTime(of: job)))
            }
        }

        let renders = try RenderBenchmark.measure()

        let ours = Summary(tapToLastByte)
        let lp = Summary(lpToLastByte)
        print("")
        print("tap → last byte at printer (ms):     p50 \(Self.format(ours.p50))  p99 \(Self.format(ours.p99))  max \(Self.format(ours.max))  mean \(Self.format(ours.mean))  "
            + "(target p99 ≤ 50 ms: \(ours.p99 <= 50 ? "met" : "NOT met"))")
        print("lp -o raw submit → last byte (ms):   p50 \(Self.format(lp.p50))  p99 \(Self.format(lp.p99))  max \(Self.format(lp.max))  mean \(Self.format(lp.mean))  "
            + "(\(lpRuns) runs of one captured \(ticketJobs[ticketJobs.count - 1].count)-byte ticket)")
        print("our overhead over lp: p50 \(Self.format(ours.p50 - lp.p50)) ms, p99 \(Self.format(ours.p99 - lp.p99)) ms "
            + "(ours includes input, the SQLite commit and rendering; lp's includes its own process start)")
        print("bytes per ticket: min \(ticketBytes.first ?? 0), median \(ticketBytes.isEmpty ? 0 : ticketBytes[ticketBytes.count / 2]), max \(ticketBytes.last ?? 0) "
            + "(\(ticketJobs.count) jobs)")
        print("")
        print("render in kiosk-bench (median of 50 after warm-up):")
        for render in renders {
            let target: Double = render.name.hasPrefix("ticket") ? 10 : 50
            print("  " + render.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                + " median \(Self.format(render.medianMilliseconds)) ms, max \(Self.format(render.maxMilliseconds)) ms, \(render.outputBytes) bytes "
                + "(target ≤ \(Int(target)) ms: \(render.medianMilliseconds <= target ? "met" : "NOT met"))")
        }
        print("")
        let peakMB = Double(peak) * 1024 / 1_000_000
        print("kioskd RSS before printing: \(Self.format(Double(idleRSS) * 1024 / 1_000_000)) MB")
        print("kioskd RSS after \(warmup + tickets) printed tickets: \(Self.format(Double(rss) * 1024 / 1_000_000)) MB now, \(Self.format(peakMB)) MB peak "
            + "(target ≤ 48 MB: \(peakMB <= 48 ? "met" : "NOT met"))")
        print(MemoryBreakdown(pid: daemon.pid).report(top: 12))

        daemon.signal(SIGTERM)
        let status = try daemon.awaitExit(timeout: 120)
        print("kioskd stopped with exit status \(status)")
    }

    /// What a staff PC does now and then: GET /api/v1/status (with curl, to keep FoundationNetworking
    /// out of this statically linked benchmark).
    static func askStatus(_ listen: String) throws {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sf", "-o", "/dev/null", "http://\(listen)/api/v1/status"]
        try curl.run()
        curl.waitUntilExit()
        guard curl.terminationStatus == 0 else {
            throw HarnessError("GET http://\(listen)/api/v1/status failed (curl exit \(curl.terminationStatus))")
        }
    }

    static func milliseconds(from start: UInt64, to end: UInt64) -> Double {
        Double(Int64(bitPattern: end &- start)) / 1_000_000
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
