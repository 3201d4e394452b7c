@testable import KioskDaemon
import KioskTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The daemon's parts run as one ServiceLifecycle group: though the group starts its services
/// together, each part starts only after the one listed before it; readiness comes once all have
/// started; on shutdown, stopping is said first and the parts stop last listed first.
struct DaemonServicesTests {
    /// The group's tasks share Swift's cooperative pool (two threads here) with the tests that run
    /// meanwhile, some of which block a thread for a while: the waits allow for that.
    static let patience = 300.0

    @Test func partsStartInTheListedOrderAndStopInReverseWithReadinessAroundThem() async throws {
        let log = Lines()
        let firstMayStart = StartLatch()
        let parts: [(name: String, part: any DaemonService)] = [
            ("a", HeldService(name: "a", log: log, gate: firstMayStart)),
            ("b", RecordingPart(name: "b", log: log)),
            ("c", RecordingPart(name: "c", log: log)),
        ]
        let services = DaemonServices(
            parts: parts, logger: Logger(label: "test"), stopsOnSignals: false,
            ready: { log.append("ready") }, stopping: { log.append("stopping") })
        let running = Task { try await services.run() }

        // b and c are running as services, each waiting for the part before it, while a is held in its start.
        try await awaitCondition("b and c to wait for their turn", timeout: Self.patience) {
            services.latches[0].waiting == 1 && services.latches[1].waiting == 1
        }
        #expect(log.lines.isEmpty)
        firstMayStart.open()
        try await awaitCondition("readiness", timeout: Self.patience) { log.lines.contains("ready") }
        #expect(log.lines == ["start a", "start b", "start c", "ready"])

        await services.triggerGracefulShutdown()
        try await running.value
        #expect(log.lines == ["start a", "start b", "start c", "ready", "stopping", "stop c", "stop b", "stop a"])
    }

    @Test func withoutPartsTheDaemonIsReadyAtOnceAndStops() async throws {
        let log = Lines()
        let services = DaemonServices(
            parts: [], logger: Logger(label: "test"), stopsOnSignals: false,
            ready: { log.append("ready") }, stopping: { log.append("stopping") })
        let running = Task { try await services.run() }
        try await awaitCondition("readiness", timeout: Self.patience) { log.lines == ["ready"] }
        await services.triggerGracefulShutdown()
        try await running.value
        #expect(log.lines == ["ready", "stopping"])
    }
}

/// A part with threads of its own whose start and stop are written down.
private struct RecordingPart: DaemonPart {
    let name: String
    let log: Lines

    func start() { log.append("start \(name)") }

    func stop() { log.append("stop \(name)") }
}

/// A service whose start is held until a gate opens (awaited, so no thread of the pool is held).
private struct HeldService: DaemonService {
    let name: String
    let log: Lines
    let gate: StartLatch

    func run(started: StartLatch) async {
        await gate.wait()
        log.append("start \(name)")
        started.open()
        try? await gracefulShutdown()
        log.append("stop \(name)")
    }
}

private final class Lines: Sendable {
    private let entries = Mutex<[String]>([])
    func append(_ line: String) { entries.withLock { $0.append(line) } }
    var lines: [String] { entries.withLock { $0 } }
}
