import ServiceLifecycle

/// Listed last among the daemon's services: says it is ready once every part has started and,
/// being the first to hear of a graceful shutdown, that it is stopping before any part stops.
struct ReadinessService: Service, CustomStringConvertible {
    let allStarted: StartLatch
    let ready: @Sendable () -> Void
    let stopping: @Sendable () -> Void

    var description: String { "readiness" }

    func run() async throws {
        await allStarted.wait()
        ready()
        try? await gracefulShutdown()
        stopping()
    }
}
