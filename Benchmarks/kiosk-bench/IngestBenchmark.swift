import ArgumentParser
import AsyncHTTPClient
import CollectorCore
import CollectorStorage
import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import NIOCore

/// Sealed kiosk-days per second that collectord ingests (signature verified, checked, stored
/// whole) with many kiosks pushing at once, on SQLite or PostgreSQL; and each push's latency.
struct IngestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "collectord ingest throughput and latency with many kiosks pushing concurrently.")

    @Option(help: "How many kiosks push at once.") var kiosks = 1000
    @Option(help: "Days each kiosk pushes, in order (enough for a steady state: the first and last pushes of a run meet a collector half idle).") var days = 20
    @Option(help: "A PostgreSQL server URL (postgres://USER@HOST:PORT); without it, SQLite.") var postgres: String?
    @Option(help: "The load generator: lean (epoll and prepared bytes, a few µs per push) or full (AsyncHTTPClient, as kioskctl push sends).")
    var client = "lean"

    func run() async throws {
        let directory = try RepositoryPaths.temporaryDirectory("kiosk-bench-ingest")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database: String
        if let postgres {
            let name = "bench_" + directory.lastPathComponent.replacingOccurrences(of: "-", with: "_").lowercased()
            _ = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/psql"), ["\(postgres)/postgres", "-qc", "CREATE DATABASE \(name)"])
            database = "\(postgres)/\(name)"
        } else {
            database = directory.appendingPathComponent("collector.sqlite").path
        }

        // Kiosks registered and their days sealed beforehand: only the collector's work is timed.
        let keys = (0..<kiosks).map { _ in KioskSigningKey.generate() }
        let store = try await CollectorStores.open(database)
        for (index, key) in keys.enumerated() {
            _ = try await store.register(
                KioskRegistration(
                    id: Self.kiosk(index), officeCode: Self.office(index), officeName: "Bộ phận Một cửa \(index)",
                    district: "Quận \(index % 30)", province: "Tỉnh \(index % 3)", publicKey: key.publicKey.base64),
                by: "kiosk-bench")
        }
        let first = LocalDay(year: 2026, month: 1, day: 1)!
        let pushes: [[(body: [UInt8], signature: String)]] = try keys.enumerated().map { index, key in
            var previous = ""
            return try (0..<days).map { offset in
                let body = Self.day(kiosk: index, day: first.adding(days: offset)!, previous: previous).canonicalBytes()
                previous = SealHash.hex(of: body)
                return (body, try key.seal(body).signature)
            }
        }
        let collector = try CollectordProcess(database: database)
        let bytes = pushes.joined().map(\.body.count).reduce(0, +) / (kiosks * days)
        print("kiosk-bench ingest: \(kiosks) kiosks × \(days) days (\(bytes) bytes each) → collectord on \(postgres == nil ? "SQLite" : "PostgreSQL"), pid \(collector.process.processIdentifier), \(client) client")

        let cpuBefore = (
            collector: InputLatencyBenchmark.cpuSeconds(pid: collector.process.processIdentifier), bench: InputLatencyBenchmark.cpuSeconds(pid: getpid()),
            postgres: Self.postgresCPUSeconds(), machine: Self.busySeconds())
        let start = DispatchTime.now().uptimeNanoseconds
        let results: [(status: Int, milliseconds: Double)]
        if client == "lean" {
            let lanes = pushes.enumerated().map { index, kioskPushes in
                kioskPushes.map { LeanHTTPLoad.request(host: "127.0.0.1:\(collector.port)", kiosk: Self.kiosk(index), signature: $0.signature, body: $0.body) }
            }
            results = try LeanHTTPLoad.run(port: collector.port, lanes: lanes).map { ($0.status, $0.milliseconds) }
        } else {
            results = try await Self.pushWithAsyncHTTPClient(pushes, url: "\(collector.base)/api/v1/days", connections: kiosks)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
        let (rss, peak) = InputLatencyBenchmark.memory(pid: collector.process.processIdentifier)
        // Only while the pushes ran: not the collector's start-up, nor the keys and seals made beforehand.
        let collectorCPU = InputLatencyBenchmark.cpuSeconds(pid: collector.process.processIdentifier) - cpuBefore.collector
        let benchCPU = InputLatencyBenchmark.cpuSeconds(pid: getpid()) - cpuBefore.bench
        let postgresCPU = Self.postgresCPUSeconds() - cpuBefore.postgres
        let machineBusy = Self.busySeconds() - cpuBefore.machine
        try collector.stop()

        let stored = results.filter { $0.status == 201 }.count
        let latency = Summary(results.map(\.milliseconds))
        let throughput = Double(stored) / seconds
        let target = postgres == nil ? 2000.0 : 5000.0
        print("stored \(stored) of \(results.count) pushes (others: \(Dictionary(grouping: results.filter { $0.status != 201 }, by: \.status).mapValues(\.count)))")
        print(String(format: "throughput: %.0f kiosk-days/s over %.2f s (target ≥ %.0f: %@)", throughput, seconds, target, throughput >= target ? "met" : "NOT met"))
        print(String(format: "push latency (ms): p50 %.2f  p99 %.2f  max %.2f", latency.p50, latency.p99, latency.max))
        print(String(format: "CPU: collectord %.2f s (%.0f µs per push, so %.0f pushes/s per core it has to itself), the load generator %.2f s, over %.2f s on %d cores",
            collectorCPU, collectorCPU / Double(results.count) * 1_000_000, Double(results.count) / collectorCPU, benchCPU, seconds,
            ProcessInfo.processInfo.activeProcessorCount))
        let pushCount = Double(results.count)
        print(String(format: "CPU per push: collectord %.0f µs, PostgreSQL server %.0f µs, load generator %.0f µs; the machine was busy %.0f %% of the time",
            collectorCPU / pushCount * 1e6, postgresCPU / pushCount * 1e6, benchCPU / pushCount * 1e6,
            machineBusy / (seconds * Double(ProcessInfo.processInfo.activeProcessorCount)) * 100))
        print(String(format: "collectord RSS: %.1f MB at the end, %.1f MB peak", Double(rss) * 1024 / 1_000_000, Double(peak) * 1024 / 1_000_000))
        let lastKioskDays = try await store.storedDays(kiosk: Self.kiosk(kiosks - 1))
        print("check: the last kiosk's days as stored: \(lastKioskDays.map(\.link.rawValue).joined(separator: ", "))")
        if let postgres {
            // Databases left behind would slow the next run's checkpoints.
            _ = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/psql"), ["\(postgres)/postgres", "-qc", "DROP DATABASE \(database.split(separator: "/").last!) WITH (FORCE)"])
        }
    }

    /// Every kiosk's days through AsyncHTTPClient, one connection per kiosk.
    static func pushWithAsyncHTTPClient(_ pushes: [[(body: [UInt8], signature: String)]], url: String, connections: Int) async throws
        -> [(status: Int, milliseconds: Double)]
    {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let results = try await withThrowingTaskGroup(of: [(status: Int, milliseconds: Double)].self) { group in
            for (index, kioskPushes) in pushes.enumerated() {
                group.addTask {
                    var results: [(Int, Double)] = []
                    for push in kioskPushes {
                        var request = HTTPClientRequest(url: url)
                        request.method = .POST
                        request.headers.add(name: "Kiosk-Id", value: Self.kiosk(index))
                        request.headers.add(name: "Kiosk-Signature", value: push.signature)
                        request.body = .bytes(ByteBuffer(bytes: push.body))
                        let sent = DispatchTime.now().uptimeNanoseconds
                        let response = try await client.execute(request, timeout: .seconds(120))
                        _ = try await response.body.collect(upTo: 1 << 16)
                        results.append((Int(response.status.code), Double(DispatchTime.now().uptimeNanoseconds - sent) / 1_000_000))
                    }
                    return results
                }
            }
            var all: [(status: Int, milliseconds: Double)] = []
            for try await results in group { all += results }
            return all
        }
        try await client.shutdown()
        return results
    }

    /// CPU time of every process named postgres (the private server's backends and helpers); 0 on SQLite.
    static func postgresCPUSeconds() -> Double {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.compactMap(Int32.init).filter { pid in
            (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("postgres") == true
        }.map(InputLatencyBenchmark.cpuSeconds(pid:)).reduce(0, +)
    }

    /// Seconds all cores spent on anything but idle and I/O wait since boot, from /proc/stat.
    static func busySeconds() -> Double {
        let line = ((try? String(contentsOfFile: "/proc/stat", encoding: .utf8)) ?? "").split(separator: "\n").first ?? ""
        let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard ticks.count >= 5 else { return 0 }
        return (ticks.reduce(0, +) - ticks[3] - ticks[4]) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func kiosk(_ index: Int) -> String { "K\(index)" }
    static func office(_ index: Int) -> String { "O\(index)" }

    /// A typical office day: two counters, four answers each, a queue, a slip.
    static func day(kiosk index: Int, day: LocalDay, previous: String) -> DayTallies {
        let choices = [("rat-hai-long", 100, true), ("hai-long", 75, true), ("binh-thuong", 50, false), ("khong-hai-long", 0, false)]
        var votes: [DayTallies.Votes] = []
        for counter in ["quay-1", "quay-2"] {
            for (offset, choice) in choices.enumerated() {
                votes.append(.init(
                    counter: counter, service: "", question: "chung", choice: choice.0, score: choice.1, satisfied: choice.2,
                    count: 1 + (index + offset + day.day) % 9))
            }
        }
        var waiting = WaitHistogram()
        for minutes in stride(from: 1.0, to: 60, by: 7) { waiting.add(minutes: minutes) }
        return DayTallies(
            kiosk: kiosk(index), office: office(index), day: day, previous: previous, votes: votes,
            presses: [.init(terminal: "quay-1-danh-gia", kind: "misuse-lockout", count: 1)],
            tickets: [.init(service: "ho-tich", issued: 30, priority: 2, waiting: waiting)],
            slips: [.init(procedure: "Đăng ký khai sinh", count: 3)])
    }
}
