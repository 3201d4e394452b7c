import ArgumentParser
import Foundation
import KioskDaemon

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Ask the running kioskd which devices are connected.")

    @OptionGroup var office: OfficeOptions

    func run() throws {
        let context = try OfficeContext(office)
        do {
            print(try ControlClient.request("status", socketPath: context.paths.controlSocket))
        } catch {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Print kioskd's events (votes counted, presses rejected, devices) as JSON lines.")

    @OptionGroup var office: OfficeOptions

    @Option(name: .long, help: "Stop after this many events (default: run until kioskd stops).")
    var count: Int?

    func run() throws {
        let context = try OfficeContext(office)
        var seen = 0
        do {
            try ControlClient.subscribe(socketPath: context.paths.controlSocket) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
                if line.contains("\"subscribed\"") { return true }
                seen += 1
                return count.map { seen < $0 } ?? true
            }
        } catch {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
