import Foundation
import Glibc

/// The end of a child process, awaited through its termination handler and, independently of
/// it, by asking the kernel.
///
/// Not `Process.waitUntilExit()`: that spins the calling thread's run loop until Foundation
/// tells that run loop the child ended, and on the test runner's threads under load it can wait
/// forever for a child that has long exited (a whole printing suite once hung in CI, every test
/// started and none finishing). Nor the termination handler alone: Foundation reaps every child
/// on one manager thread, with a blocking `waitpid` once the child's end of a socket pair closes,
/// so one child that closes it early holds up the news of every other until that child ends
/// (`ExitWatchTests` makes such a child). A child that has ended but is not reaped yet is seen
/// with `waitid(WNOWAIT)`, which leaves it for Foundation to reap.
/// Every wait here is bounded. Made before `run()`, so that a child that exits at once is not missed.
public final class ExitWatch: @unchecked Sendable {
    /// How a child ended: its exit status, or the signal that ended it.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)

        /// As `Process.terminationStatus` gives it: the exit status or the signal's number.
        public var status: Int32 {
            switch self {
            case .exited(let status), .signalled(let status): status
            }
        }
    }

    private let condition = NSCondition()
    private weak var process: Process?
    private var ending: Ending?

    /// - Parameter then: also called when the child ends (on Foundation's thread), before waiters wake.
    public init(_ process: Process, then: (@Sendable (Process) -> Void)? = nil) {
        self.process = process
        process.terminationHandler = { [self] ended in
            then?(ended)
            let ending: Ending =
                ended.terminationReason == .uncaughtSignal ? .signalled(ended.terminationStatus) : .exited(ended.terminationStatus)
            condition.lock()
            self.ending = ending
            condition.broadcast()
            condition.unlock()
        }
    }

    /// How the child ended, once it has.
    public var ended: Ending? {
        condition.lock()
        defer { condition.unlock() }
        return endingLocked()
    }

    public var hasExited: Bool { ended != nil }

    /// True once the child has ended; false when `timeout` seconds passed first.
    @discardableResult
    public func wait(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while endingLocked() == nil {
            let now = Date()
            if now >= deadline { return false }
            // Woken by the handler at once; otherwise the kernel is asked again every 20 ms.
            _ = condition.wait(until: min(deadline, now.addingTimeInterval(0.02)))
        }
        return true
    }

    /// Sends `signal` and waits for the end; after `grace` seconds, SIGKILL and wait again.
    public func stop(_ process: Process, signal: Int32 = SIGKILL, grace: Double = 10) {
        guard process.processIdentifier > 0, !hasExited else { return }
        kill(process.processIdentifier, signal)
        if wait(timeout: grace) { return }
        kill(process.processIdentifier, SIGKILL)
        wait(timeout: grace)
    }

    /// With `condition` locked: what the handler said, or what the kernel says of a child that
    /// ended and waits to be reaped.
    private func endingLocked() -> Ending? {
        if let ending { return ending }
        guard let pid = process?.processIdentifier, pid > 0 else { return nil }
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
            info._sifields._sigchld.si_pid == pid
        else { return nil }
        let status = info._sifields._sigchld.si_status
        let peeked: Ending = info.si_code == Int32(CLD_EXITED) ? .exited(status) : .signalled(status)
        ending = peeked
        return peeked
    }
}

/// Runs a program to its end, with a time limit, reading its output and its errors at once (a
/// child that fills one pipe while the other is read would never end).
public enum ChildProcess {
    public struct Finished: Sendable {
        public var status: Int32
        public var output: Data
        public var errors: Data

        public var outputText: String { String(decoding: output, as: UTF8.self) }
        public var errorText: String { String(decoding: errors, as: UTF8.self) }
    }

    /// - Parameters:
    ///   - input: written to the child's standard input, which is then closed.
    ///   - timeout: seconds before the child is killed and this throws.
    public static func run(
        _ executable: URL, _ arguments: [String], input: Data? = nil, environment: [String: String]? = nil,
        timeout: Double = 120
    ) throws -> Finished {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = try ChildPipe(child: .writes)
        let errors = try ChildPipe(child: .writes)
        let stdin = try ChildPipe(child: .reads)
        process.standardOutput = output.childEnd
        process.standardError = errors.childEnd
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin.childEnd
        let watch = ExitWatch(process)
        try process.run(handingOver: output, errors, stdin)
        let timedOut = Flag()
        let killer = DispatchWorkItem {
            guard !watch.hasExited else { return }
            timedOut.set()
            kill(process.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        defer { killer.cancel() }
        if let input {
            try? stdin.parentEnd.write(contentsOf: input)
        }
        try? stdin.parentEnd.close()
        let errorText = ErrorReader(errors.parentEnd)
        let data = output.parentEnd.readDataToEndOfFile()
        let errorData = errorText.finish()
        let command = "\(executable.lastPathComponent) \(arguments.joined(separator: " "))"
        guard !timedOut.isSet else {
            throw HarnessError("\(command) did not finish within \(Int(timeout)) s and was killed: \(String(decoding: errorData, as: UTF8.self))")
        }
        // Its output has ended; a child that closed it early still has the rest of its time.
        guard watch.wait(timeout: timeout), let ending = watch.ended, !timedOut.isSet else {
            throw HarnessError("\(command) closed its output but did not end within \(Int(timeout)) s: \(String(decoding: errorData, as: UTF8.self))")
        }
        return Finished(status: ending.status, output: data, errors: errorData)
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false

        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class ErrorReader: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func finish() -> Data {
            done.wait()
            return data
        }
    }
}
