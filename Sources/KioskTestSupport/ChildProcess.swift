import Foundation
import Glibc

/// The end of a child process, awaited through its termination handler.
///
/// Not `Process.waitUntilExit()`: that spins the calling thread's run loop until Foundation
/// tells that run loop the child ended, and on the test runner's threads under load it can wait
/// forever for a child that has long exited (a whole printing suite once hung in CI, every test
/// started and none finishing). Every wait here is bounded. Made before `run()`, so that a child
/// that exits at once is not missed.
public final class ExitWatch: @unchecked Sendable {
    private let condition = NSCondition()
    private var ended = false

    /// - Parameter then: also called when the child ends (on Foundation's thread), before waiters wake.
    public init(_ process: Process, then: (@Sendable (Process) -> Void)? = nil) {
        process.terminationHandler = { [self] ended in
            then?(ended)
            condition.lock()
            self.ended = true
            condition.broadcast()
            condition.unlock()
        }
    }

    public var hasExited: Bool {
        condition.lock()
        defer { condition.unlock() }
        return ended
    }

    /// True once the child has ended; false when `timeout` seconds passed first.
    @discardableResult
    public func wait(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !ended {
            if !condition.wait(until: deadline) { return ended }
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
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        let watch = ExitWatch(process)
        try process.run()
        let timedOut = Flag()
        let killer = DispatchWorkItem {
            guard !watch.hasExited else { return }
            timedOut.set()
            kill(process.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        defer { killer.cancel() }
        if let input {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        let errorText = ErrorReader(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorText.finish()
        guard watch.wait(timeout: 10), !timedOut.isSet else {
            let command = "\(executable.lastPathComponent) \(arguments.joined(separator: " "))"
            throw HarnessError("\(command) did not finish within \(Int(timeout)) s and was killed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return Finished(status: process.terminationStatus, output: data, errors: errorData)
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
