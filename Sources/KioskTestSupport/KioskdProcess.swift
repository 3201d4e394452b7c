import Foundation
import Glibc

/// A kioskd started as a child process, as systemd would run it.
public final class KioskdProcess: @unchecked Sendable {
    public let process = Process()
    public let stderr = LineCollector()
    private let exit: ExitWatch
    public let configPath: String
    public let stateDirectory: URL

    public var controlSocket: String { stateDirectory.appendingPathComponent("kioskd.sock").path }
    public var database: String { stateDirectory.appendingPathComponent("kiosk.sqlite").path }

    public init(config: String, stateDirectory: URL, extraArguments: [String] = [], environment: [String: String] = [:]) throws {
        self.configPath = config
        self.stateDirectory = stateDirectory
        process.executableURL = RepositoryPaths.binary("kioskd")
        process.arguments = ["--config", config, "--state-dir", stateDirectory.path] + extraArguments
        var env = ProcessInfo.processInfo.environment
        env["JOURNAL_STREAM"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = try ChildPipe(child: .writes)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = pipe.childEnd
        stderr.collect(from: pipe)
        exit = ExitWatch(process)
        try process.run(handingOver: pipe)
    }

    deinit {
        exit.stop(process)
    }

    public var pid: Int32 { process.processIdentifier }

    /// Waits until kioskd logs that it is ready (its control socket is listening).
    public func awaitReady(timeout: Double = 20) throws {
        try stderr.await("kioskd to be ready", timeout: timeout) { line in
            if self.exit.hasExited { return true }
            return line.contains("ready; control socket")
        }
        if let ended = exit.ended {
            throw HarnessError("kioskd exited with \(ended.status):\n\(stderr.lines.joined(separator: "\n"))")
        }
    }

    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to end and returns its exit status.
    @discardableResult
    public func awaitExit(timeout: Double = 20) throws -> Int32 {
        guard exit.wait(timeout: timeout) else { throw HarnessError("timed out after \(timeout) s waiting for kioskd to exit") }
        return exit.ended!.status
    }

    /// Runs `kioskctl` against the same office and returns its standard output.
    public func kioskctl(_ arguments: [String]) throws -> String {
        try Self.run(
            RepositoryPaths.binary("kioskctl"), arguments + ["--config", configPath, "--state-dir", stateDirectory.path])
    }

    public static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let finished = try ChildProcess.run(executable, arguments)
        guard finished.status == 0 else {
            throw HarnessError("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(finished.status): \(finished.errorText)")
        }
        return finished.outputText
    }
}
