import ArgumentParser
import Foundation

/// What the display unit runs before it starts the browser: waits until kioskd serves the page,
/// so a screen never opens on the browser's own "cannot connect" page.
struct WaitPageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait-page",
        abstract: "Wait until a page of kioskd's answers (HTTP 2xx); exit 1 if it does not within the time limit or does not exist.")

    @Argument(help: "The page, as the browser will open it (http://127.0.0.1:8470/screens/hall).")
    var address: String

    @Option(name: .long, help: "Give up after this many seconds.")
    var timeout: Double = 90

    func run() throws {
        guard let probe = PageProbe(address) else {
            throw ValidationError("expected an http:// address with a host and an optional port, found \"\(address)\"")
        }
        guard timeout > 0 else { throw ValidationError("--timeout: expected a number of seconds above 0, found \(timeout)") }
        let start = Date()
        var lastSaid = Date.distantPast
        while true {
            switch probe.get() {
            case .answered(let status) where (200..<300).contains(status):
                print(Texts.pageReady(address))
                return
            case .answered(404):
                FileHandle.standardError.write(Data("kioskctl: \(Texts.pageMissing(address))\n".utf8))
                throw ExitCode(1)
            case .answered(let status):
                if Date().timeIntervalSince(lastSaid) >= 15 { say(Texts.pageWaiting(address, "HTTP \(status)")); lastSaid = Date() }
            case .unreachable(let problem):
                if Date().timeIntervalSince(lastSaid) >= 15 { say(Texts.pageWaiting(address, problem)); lastSaid = Date() }
            }
            if Date().timeIntervalSince(start) >= timeout {
                FileHandle.standardError.write(Data("kioskctl: \(Texts.pageTimedOut(address, seconds: Int(timeout)))\n".utf8))
                throw ExitCode(1)
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
    }

    private func say(_ line: String) {
        FileHandle.standardError.write(Data("kioskctl: \(line)\n".utf8))
    }
}
