import Dispatch
import Foundation
import Synchronization

/// Pushes have their signature checked and their body decoded on threads of their own: one per
/// core but one (at least one), at a lower scheduling priority (nice +10) than the rest of the
/// collector. The one serialized database writer sets the pace of ingest; at equal priority, the
/// checks of the next pushes took the CPU from it and from PostgreSQL between its statements, and
/// a batch took twice its CPU time to write. At a lower priority the checks use what the writer
/// leaves, and a push waiting for a check holds no thread of the cooperative pool.
final class CheckThreads: Sendable {
    /// What the workers share; the threads hold this, not the `CheckThreads`, so that its deinit
    /// can stop them.
    private final class Jobs: Sendable {
        let ready = DispatchSemaphore(value: 0)
        let queue = Mutex((jobs: [(@Sendable () -> Void)?](), head: 0))

        func add(_ job: (@Sendable () -> Void)?) {
            queue.withLock { $0.jobs.append(job) }
            ready.signal()
        }

        /// The next job, waiting for one; nil tells the worker to stop.
        func next() -> (@Sendable () -> Void)? {
            ready.wait()
            return queue.withLock { queue in
                let job = queue.jobs[queue.head]
                queue.head += 1
                if queue.head > 1024, queue.head * 2 > queue.jobs.count {
                    queue.jobs.removeFirst(queue.head)
                    queue.head = 0
                }
                return job
            }
        }
    }

    static let niceness: Int32 = 10

    private let jobs = Jobs()
    let width: Int

    /// One thread per core but one, and at least one: the remaining core is the writer's.
    static var defaultWidth: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    init(width: Int = CheckThreads.defaultWidth) {
        self.width = max(1, width)
        for index in 0..<self.width {
            let jobs = jobs
            let thread = Thread {
                // Named from inside: on Linux, Foundation names only the current thread (`top -H`
                // shows it; at most 15 characters).
                Thread.current.name = "kiosk-check-\(index)"
                // On Linux the nice value belongs to the thread, and `who` 0 is the calling thread.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
                while let job = jobs.next() { job() }
            }
            thread.start()
        }
    }

    deinit {
        for _ in 0..<width { jobs.add(nil) }
    }

    /// Runs `body` on a check thread and returns what it returned.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            jobs.add { continuation.resume(returning: body()) }
        }
    }
}
