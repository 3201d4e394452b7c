import Logging
import ServiceLifecycle

/// The daemon's parts as one ServiceLifecycle service group: started in the order listed (each
/// after the one before it), `ready` once all have started, and on SIGTERM or SIGINT (or
/// `triggerGracefulShutdown`) `stopping`, then each part stopped, last listed first.
struct DaemonServices: Sendable {
    let group: ServiceGroup
    /// Each part's start latch, in the listed order (tests watch them).
    let latches: [StartLatch]

    init(
        parts: [(name: String, part: any DaemonService)], logger: Logger, stopsOnSignals: Bool = true,
        ready: @escaping @Sendable () -> Void, stopping: @escaping @Sendable () -> Void
    ) {
        var services: [any Service] = []
        var latches: [StartLatch] = []
        for (name, part) in parts {
            let started = StartLatch()
            services.append(PartService(name: name, part: part, after: latches.last, started: started))
            latches.append(started)
        }
        let allStarted = latches.last ?? { let open = StartLatch(); open.open(); return open }()
        services.append(ReadinessService(allStarted: allStarted, ready: ready, stopping: stopping))
        group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: stopsOnSignals ? [.sigterm, .sigint] : [], logger: logger))
        self.latches = latches
    }

    /// Runs until a graceful shutdown has stopped every part.
    func run() async throws {
        try await group.run()
    }

    func triggerGracefulShutdown() async {
        await group.triggerGracefulShutdown()
    }
}
