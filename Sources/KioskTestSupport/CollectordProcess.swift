import Foundation
import Glibc

/// A collectord started as a child process on a free loopback port, with its own SQLite file.
public final class CollectordProcess: @unchecked Sendable {
    public let process = Process()
    public let stderr = LineCollector()
    private let exit: ExitWatch
    public let database: String
    public private(set) var port = 0

    public var base: String { "http://127.0.0.1:\(port)" }

    /// - Parameters:
    ///   - arguments: more options for `collectord serve`.
    ///   - environment: variables set for it (TZ, for one), on top of the test's own.
    public init(database: String, port: Int = 0, arguments: [String] = [], environment: [String: String] = [:]) throws {
        self.database = database
        process.executableURL = RepositoryPaths.binary("collectord")
        process.arguments = ["serve", "--listen", "127.0.0.1:\(port)", "--database", database] + arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let pipe = try ChildPipe(child: .writes)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = pipe.childEnd
        stderr.collect(from: pipe)
        exit = ExitWatch(process)
        try process.run(handingOver: pipe)
        try stderr.await("collectord to listen", timeout: 20) { line in
            self.exit.hasExited || line.contains("listening on http://")
        }
        guard !exit.hasExited,
            let line = stderr.lines.first(where: { $0.contains("listening on http://") }),
            let marker = line.range(of: "http://127.0.0.1:"),
            let listening = Int(line[marker.upperBound...].prefix(while: \.isNumber))
        else {
            throw HarnessError("collectord did not start:\n\(stderr.lines.joined(separator: "\n"))")
        }
        self.port = listening
    }

    deinit {
        exit.stop(process)
    }

    public func kill9() throws {
        kill(process.processIdentifier, SIGKILL)
        guard exit.wait(timeout: 10) else { throw HarnessError("collectord did not exit after SIGKILL") }
    }

    public func stop() throws {
        kill(process.processIdentifier, SIGTERM)
        guard exit.wait(timeout: 10) else { throw HarnessError("timed out after 10 s waiting for collectord to exit") }
    }

    /// `collectord ARGUMENTS --database DATABASE`, its standard output.
    public static func run(_ arguments: [String], database: String) throws -> String {
        try KioskdProcess.run(RepositoryPaths.binary("collectord"), arguments + ["--database", database])
    }
}
