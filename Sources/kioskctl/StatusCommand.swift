import ArgumentParser
import Foundation
import KioskDaemon

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Ask the running kioskd which devices are connected.")

    @OptionGroup var office: OfficeOptions

    @Flag(name: .long, help: "Print kioskd's JSON answer as it is.")
    var json = false

    func run() throws {
        let context = try OfficeContext(office)
        do {
            let answer = try ControlClient.request("status", socketPath: context.paths.controlSocket)
            print(json ? answer : Self.text(answer))
        } catch {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension StatusCommand {
    static func text(_ answer: String) -> String {
        guard let status = try? JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any] else {
            return answer
        }
        var lines = [
            "\(Texts.office): \(status["office"] as? String ?? "?") — kioskd pid \(status["pid"] as? Int ?? 0), \(Texts.uptime) \(status["uptimeSeconds"] as? Int ?? 0) s",
            "\(Texts.devices):",
        ]
        for device in status["devices"] as? [[String: Any]] ?? [] {
            let connected = device["connected"] as? Bool ?? false
            let owner = device["terminal"] as? String ?? ""
            let path = device["path"] as? String ?? device["pattern"] as? String ?? ""
            let name = (device["name"] as? String).map { " (\($0))" } ?? ""
            lines.append("  \(connected ? "✔ \(Texts.connected)" : "✘ \(Texts.notConnected)")  \(device["role"] as? String ?? "") \(owner)  \(path)\(name)")
            if let problem = device["problem"] as? String { lines.append("      ⚠ \(problem)") }
        }
        let printers = status["printers"] as? [[String: Any]] ?? []
        if !printers.isEmpty { lines.append("\(Texts.printers):") }
        for printer in printers {
            let ok = printer["ok"] as? Bool ?? false
            let awaiting = printer["ticketsAwaiting"] as? Int ?? 0
            let state = ok ? "✔ \(Texts.printerOK)" : "✘ \(printer["message"] as? String ?? "?")"
            lines.append("  \(printer["id"] as? String ?? "?") (\(printer["queue"] as? String ?? "?")): \(state)")
            if awaiting > 0 { lines.append("      ⚠ \(awaiting) \(Texts.ticketsAwaiting)") }
            let held = printer["ticketsHeld"] as? [String] ?? []
            if !held.isEmpty { lines.append("      ⚠ \(Texts.ticketsHeld(held))") }
        }
        if let storage = status["storage"] as? [String: Any] {
            let free = (storage["freeBytes"] as? Int ?? 0) >> 20
            let wal = (storage["walBytes"] as? Int ?? 0) >> 10
            let ok = storage["state"] as? String == "ok"
            lines.append("\(Texts.storage): \(ok ? "✔" : "✘") \(storage["directory"] as? String ?? "?"), \(free) MB \(Texts.free), WAL \(wal) KB")
            if let message = storage["message"] as? String { lines.append("      ⚠ \(message)") }
        }
        return lines.joined(separator: "\n")
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
