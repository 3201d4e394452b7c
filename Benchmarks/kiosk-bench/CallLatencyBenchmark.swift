import ArgumentParser
import Foundation
import KioskCore
import KioskTestSupport

/// A staff "call next" key written to the emulated counter keypad → the ticket-called event
/// delivered to a hall display's server-sent event stream (read by curl, as a browser would
/// hold it open), with the key's commit in between; and → the announcement started (espeak-ng
/// and aplay on ALSA's null device). Tickets are issued first from the emulated
/// entrance keypad; after each call, "done" finishes the ticket (not timed).
struct CallLatencyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: "Staff key → hall display event (SSE) latency of kioskd.")

    @Option(help: "Calls to time (after the warm-up).") var calls = 200
    @Option(help: "Warm-up calls, not timed.") var warmup = 20

    func run() throws {
        let base = try RepositoryPaths.temporaryDirectory("kiosk-bench-calls")
        defer { try? FileManager.default.removeItem(at: base) }
        let evdev = try FakeEvdev(mountPoint: base.appendingPathComponent("input"))
        defer { evdev.stop() }
        let keypad = RepositoryPaths.deviceDescription("keypad.prop")
        try evdev.add("ticket-pad", description: keypad)
        try evdev.add("staff-pad", description: keypad)
        let port = try freeLoopbackPort()
        let config = base.appendingPathComponent("office.toml").path
        try TicketOfficeTOML.config(
            touchscreen: evdev.devicePath("ticket-touch"), keypad: evdev.devicePath("ticket-pad"), cupsServer: "/nonexistent/cups.sock",
            extra: """
                [http]
                listen = "127.0.0.1:\(port)"

                [voice]
                device = "null"

                [[devices]]
                path = "\(evdev.devicePath("staff-pad"))"
                role = "staff_keypad"
                counter = "quay-2"
                keys = { KEY_KP1 = "call_next", KEY_KP5 = "done" }
                """
        ).write(toFile: config, atomically: true, encoding: .utf8)

        let daemon = try KioskdProcess(config: config, stateDirectory: base.appendingPathComponent("state"))
        try daemon.awaitReady()
        let events = try EventStream(socketPath: daemon.controlSocket)
        try awaitCondition("both keypads to connect") { events.count(of: .deviceConnected) >= 2 }

        let total = warmup + calls
        let kp1 = KeyCodes.code(named: "KEY_KP1")!, kp5 = KeyCodes.code(named: "KEY_KP5")!
        for index in 0..<total {
            try evdev.emit("ticket-pad", EventScripts.keyTap(kp1))
            try events.await(.ticketIssued, count: index + 1)
        }

        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sN", "http://127.0.0.1:\(port)/api/v1/events"]
        let output = try ChildPipe(child: .writes)
        curl.standardOutput = output.childEnd
        let stream = LineCollector()
        stream.collect(from: output)
        try curl.run(handingOver: output)
        defer { curl.terminate() }
        try stream.await("the event stream to open") { $0.hasPrefix("retry:") }

        print("kiosk-bench calls: \(calls) calls after \(warmup) warm-up, \(total) tickets waiting at the start, kioskd pid \(daemon.pid)")
        var latencies: [Double] = []
        var announcements: [Double] = []
        for index in 0..<total {
            let before = stream.count
            let controlBefore = events.lines.count
            let start = DispatchTime.now().uptimeNanoseconds
            try evdev.emit("staff-pad", EventScripts.keyTap(kp1))
            let line = try stream.await("ticket-called on the stream", from: before) { $0.contains(#""event":"ticket-called""#) }
            let spoken = try events.lines.await("the announcement", from: controlBefore) { $0.contains(#""event":"announcement-started""#) }
            if index >= warmup {
                latencies.append(Double(stream.arrival(of: line) - start) / 1_000_000)
                announcements.append(Double(events.lines.arrival(of: spoken) - start) / 1_000_000)
            }
            try evdev.emit("staff-pad", EventScripts.keyTap(kp5))
            try events.await(.ticketServed, count: index + 1)
        }
        let summary = Summary(latencies)
        print(String(format: "staff key → ticket-called on the hall's event stream (ms): p50 %.2f  p99 %.2f  max %.2f  mean %.2f", summary.p50, summary.p99,
            summary.max, summary.mean))
        print("target p99 ≤ 50 ms: \(summary.p99 <= 50 ? "met" : "NOT met")")
        let spoken = Summary(announcements)
        print(String(format: "staff key → announcement started (the words synthesized by espeak-ng, the chime about to play on ALSA's null device) (ms): p50 %.2f  p99 %.2f  max %.2f",
            spoken.p50, spoken.p99, spoken.max))
        print("announcement failures: \(events.count(of: .announcementFailed))")
    }
}
