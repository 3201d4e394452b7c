import NIOCore

/// Runs a task's code on one NIO event loop: the batch writer's, on its PostgreSQL connection's
/// loop, so that each reply resumes the writer on the thread that read it instead of waiting for
/// a thread of the cooperative pool, which the HTTP handlers keep busy.
final class EventLoopTaskExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
