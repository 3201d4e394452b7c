import ArgumentParser
import Foundation
import Glibc
import KioskTestSupport

/// Touch-up written to the emulated touchscreen → vote committed and acknowledged (the
/// vote-counted event on kioskd's control socket), against the disk's own fsync latency;
/// then kioskd's memory and its CPU use while idle.
struct InputLatencyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "input", abstract: "Input-to-commit latency, fsync latency, RSS and idle CPU of kioskd.")

    @Option(help: "Votes to time (after the warm-up).")
    var votes = 1000

    @Option(help: "Warm-up votes, not timed.")
    var warmup = 50

    @Option(help: "Seconds to watch kioskd's CPU while nothing happens.")
    var idleSeconds = 60

    @Option(help: "Where to put the emulated devices and kioskd's state (a directory on the disk to measure).")
    var directory: String?

    func run() throws {
        let base = try directory.map { URL(fileURLWithPath: $0) } ?? RepositoryPaths.temporaryDirectory("kiosk-bench")
        let state = base.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let evdev = try FakeEvdev(mountPoint: base.appendingPathComponent("input"))
        defer { evdev.stop() }
        try evdev.add("touch", description: RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop"))
        let config = base.appendingPathComponent("office.toml").path
        try Self.office(devicePath: evdev.devicePath("touch")).write(toFile: config, atomically: true, encoding: .utf8)

        let daemon = try KioskdProcess(config: config, stateDirectory: state)
        try daemon.awaitReady()
        let events = try EventStream(socketPath: daemon.controlSocket)
        try awaitCondition("the touchscreen to connect") { events.count(of: .deviceConnected) >= 1 }

        print("kiosk-bench input: \(votes) votes after \(warmup) warm-up, kioskd pid \(daemon.pid), state in \(state.path)")
        var latencies: [Double] = []
        var fsync: [Double] = []
        // One fsync probe beside each vote, so both see the same disk at the same moments.
        let probe = try FsyncProbe(directory: state)
        var time = 1_000.0
        for index in 0..<(warmup + votes) {
            // Land in the middle of the screen; the press lasts 0.1 s by its event timestamps.
            try evdev.emit("touch", EventScripts.slotDown(trackingID: Int32(index % 60000), x: 16380, y: 16380, time: time))
            // Every line after the subscription is now this run's vote-counted event: wait on the count.
            let before = events.lines.count
            let start = DispatchTime.now().uptimeNanoseconds
            try evdev.emit("touch", EventScripts.slotUp(time: time + 0.1))
            try events.lines.awaitCount(before + 1)
            let elapsed = Double(events.lines.arrival(of: before) - start) / 1_000_000
            if index >= warmup {
                latencies.append(elapsed)
                fsync.append(probe.measure())
            }
            time += 1
        }
        let counted = try KioskdProcess.run(
            RepositoryPaths.binary("kioskctl"), ["tally", "--json", "--config", config, "--state-dir", state.path])
        let (rss, peak) = Self.memory(pid: daemon.pid)

        let latency = Summary(latencies)
        let disk = Summary(fsync)
        print("")
        print("touch-up → committed + acknowledged (ms): p50 \(f(latency.p50))  p99 \(f(latency.p99))  max \(f(latency.max))  mean \(f(latency.mean))")
        print("disk fsync of a 4 KiB append (ms):       p50 \(f(disk.p50))  p99 \(f(disk.p99))  max \(f(disk.max))")
        let target = 2 * disk.p99 + 2
        print("target p99 ≤ 2 × fsync p99 + 2 ms = \(f(target)) ms: \(latency.p99 <= target ? "met" : "NOT met")")
        print("throughput (sequential, one vote at a time): \(f(1000 / latency.mean)) votes/s")
        print("kioskd RSS: \(rss / 1024) MiB now, \(peak / 1024) MiB peak (target ≤ 48 MB)")
        let votesInTally = Self.totalVotes(counted)
        print("votes in the tally: \(votesInTally) (expected \(warmup + votes))")

        print("")
        print("idle: watching kioskd's CPU for \(idleSeconds) s with no input…")
        let cpuBefore = Self.cpuSeconds(pid: daemon.pid)
        let wallBefore = Date()
        Thread.sleep(forTimeInterval: Double(idleSeconds))
        let cpu = Self.cpuSeconds(pid: daemon.pid) - cpuBefore
        let wall = Date().timeIntervalSince(wallBefore)
        print("idle CPU: \(String(format: "%.3f", cpu)) s over \(f(wall)) s = \(String(format: "%.3f", 100 * cpu / wall)) % of a core (target < 0.5 %)")

        daemon.signal(SIGTERM)
        let status = try daemon.awaitExit()
        print("kioskd stopped with exit status \(status)")
        if votesInTally != warmup + votes { throw ExitCode(1) }
    }

    func f(_ value: Double) -> String { String(format: "%.2f", value) }

    static func office(devicePath: String) -> String {
        """
        [office]
        code = "BENCH"
        name = "Benchmark office"

        [[counters]]
        id = "quay-1"
        number = 1

        [survey]
        preset = "default"

        [[terminals]]
        id = "quay-1-danh-gia"
        kind = "rating"
        counter = "quay-1"
        policy = "free"
        lockout_seconds = 0
        screen = { width = 1024, height = 600 }
        zones = [
          { choice = 1, x = 0, y = 0, width = 256, height = 600 },
          { choice = 2, x = 256, y = 0, width = 256, height = 600 },
          { choice = 3, x = 512, y = 0, width = 256, height = 600 },
          { choice = 4, x = 768, y = 0, width = 256, height = 600 },
        ]

        [[devices]]
        path = "\(devicePath)"
        role = "rating_touchscreen"
        terminal = "quay-1-danh-gia"
        """
    }

    static func memory(pid: Int32) -> (rssKiB: Int, peakKiB: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(name) }
                .flatMap { $0.split(whereSeparator: \.isWhitespace).dropFirst().first }.flatMap { Int($0) } ?? 0
        }
        return (field("VmRSS:"), field("VmHWM:"))
    }

    static func cpuSeconds(pid: Int32) -> Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // Fields after the command name (which is in parentheses): utime is the 14th field, stime the 15th.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func totalVotes(_ json: String) -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let index = object["index"] as? [String: Any]
        else { return -1 }
        return index["answers"] as? Int ?? -1
    }
}

/// What SQLite's commit costs at least: append a page to a file in the same directory and fsync it.
final class FsyncProbe {
    private let path: String
    private let fd: Int32
    private let page = [UInt8](repeating: 0x5a, count: 4096)

    init(directory: URL) throws {
        path = directory.appendingPathComponent("fsync-probe").path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o600)
        guard fd >= 0 else { throw HarnessError("cannot create \(path)") }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Milliseconds for one 4 KiB append and fsync.
    func measure() -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = page.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}

struct Summary {
    let p50: Double
    let p99: Double
    let max: Double
    let mean: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        p50 = percentile(0.5)
        p99 = percentile(0.99)
        max = sorted.last ?? 0
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
    }
}
