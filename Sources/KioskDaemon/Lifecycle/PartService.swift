import ServiceLifecycle

/// One of the daemon's parts as a ServiceLifecycle service, taking its turn to start. The service
/// group starts its services concurrently and shuts them down gracefully one by one, last listed
/// first; the latches make each part start only after the one listed before it has started, so a
/// part never runs without the parts it publishes to or reads from.
struct PartService: Service, CustomStringConvertible {
    let name: String
    let part: any DaemonService
    /// Opened when the part listed before this one has started; nil for the first.
    let after: StartLatch?
    /// Opened once this part has started.
    let started: StartLatch

    var description: String { name }

    func run() async throws {
        await after?.wait()
        await part.run(started: started)
    }
}
