@testable import CollectorStorage
import NIOCore
import NIOPosix
import Testing

@Suite struct EventLoopTaskExecutorTests {
    /// The batch writer's code, between its awaits too, runs on the loop its connection reads on.
    @Test func codeWithThePreferenceRunsOnTheEventLoopAcrossSuspensions() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let away = await Task.detached { loop.inEventLoop }.value
        #expect(!away, "without the preference, a task runs on the cooperative pool")
        let seen = await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            var seen = [loop.inEventLoop]
            await Task.yield()
            seen.append(loop.inEventLoop)
            try? await Task.sleep(for: .milliseconds(5))
            seen.append(loop.inEventLoop)
            // A reply completed on the loop by the channel, as PostgreSQL's are.
            let reply = loop.makePromise(of: Int.self)
            loop.scheduleTask(in: .milliseconds(5)) { reply.succeed(7) }
            seen.append((try? await reply.futureResult.get()) == 7 && loop.inEventLoop)
            return seen
        }
        #expect(seen == [true, true, true, true])
        try await group.shutdownGracefully()
    }
}
