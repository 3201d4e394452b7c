/// A part of the daemon run as a service: it opens `started` once it is up (or has failed to come
/// up and said why), then runs until a graceful shutdown and returns once it has stopped.
protocol DaemonService: Sendable {
    func run(started: StartLatch) async
}
