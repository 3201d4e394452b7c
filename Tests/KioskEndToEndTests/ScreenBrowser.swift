import Foundation
import KioskTestSupport
import Testing

/// One of kioskd's screens in a real headless Chromium (`tools/screen-check/screen_check.py`),
/// driven a command at a time.
final class ScreenBrowser {
    private let process = Process()
    private let input: ChildPipe
    private let output: ChildPipe
    private var buffer = Data()
    private let exit: ExitWatch

    init(_ url: String, size: String) throws {
        signal(SIGPIPE, SIG_IGN)  // a browser that died must fail the test, not kill the runner
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryPaths.root.appendingPathComponent("tools/screen-check/screen_check.py").path, url, size]
        input = try ChildPipe(child: .reads)
        output = try ChildPipe(child: .writes)
        process.standardInput = input.childEnd
        process.standardOutput = output.childEnd
        process.standardError = FileHandle.nullDevice
        exit = ExitWatch(process)
        try process.run(handingOver: input, output)
        let ready = try line()
        try #require(ready == "ready", "the browser did not start: \(ready)")
    }

    deinit {
        try? input.parentEnd.write(contentsOf: Data("quit\n".utf8))
        try? input.parentEnd.close()
        if !exit.wait(timeout: 20) { exit.stop(process, signal: SIGTERM) }
    }

    /// Sends one command; its one-line answer.
    @discardableResult
    func send(_ command: String) throws -> String {
        try input.parentEnd.write(contentsOf: Data((command + "\n").utf8))
        return try line()
    }

    /// `wait SELECTOR ATTRIBUTE VALUE`: true once the page shows it (within 10 s).
    func shows(_ selector: String, _ attribute: String, _ value: String) throws -> Bool {
        let answer = try send("wait \(selector) \(attribute) \(value)")
        if answer != "ok" { Issue.record("\(selector) \(attribute) \(value): \(answer)") }
        return answer == "ok"
    }

    /// The next answer line; "" when the browser ended or gave no answer for 60 s (it is then stopped).
    private func line() throws -> String {
        let process = process
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<end], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...end)
                return line
            }
            let chunk = output.parentEnd.availableData
            guard !chunk.isEmpty else { return "" }
            buffer.append(chunk)
        }
    }
}
