import ArgumentParser
import Foundation
import KioskControl
import KioskProtocol

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Ask the running kioskd which devices are connected.")

    @OptionGroup var office: OfficeOptions

    @Flag(name: .long, help: "Print kioskd's JSON answer as it is.")
    var json = false

    func run() throws {
        let context = try OfficeContext(office)
        do {
            switch try ControlClient.send(.status, socketPath: context.paths.controlSocket) {
            case .success(let status): print(json ? ProtocolJSON.encode(status) : Self.text(status))
            case .failure(let failure): throw failure
            }
        } catch {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension StatusCommand {
    static func text(_ status: StatusReport) -> String {
        var lines = [
            "\(Texts.office): \(status.office) — kioskd pid \(status.pid), \(Texts.uptime) \(status.uptimeSeconds) s",
            "\(Texts.devices):",
        ]
        for device in status.devices {
            let name = device.name.map { " (\($0))" } ?? ""
            lines.append(
                "  \(device.connected ? "✔ \(Texts.connected)" : "✘ \(Texts.notConnected)")  \(device.role) \(device.terminal ?? "")  \(device.path ?? device.pattern)\(name)")
            if let problem = device.problem { lines.append("      ⚠ \(problem)") }
        }
        if !status.printers.isEmpty { lines.append("\(Texts.printers):") }
        for printer in status.printers {
            let state = printer.ok ? "✔ \(Texts.printerOK)" : "✘ \(printer.message ?? "?")"
            lines.append("  \(printer.id) (\(printer.queue)): \(state)")
            if printer.ticketsAwaiting > 0 { lines.append("      ⚠ \(printer.ticketsAwaiting) \(Texts.ticketsAwaiting)") }
            if !printer.ticketsHeld.isEmpty { lines.append("      ⚠ \(Texts.ticketsHeld(printer.ticketsHeld))") }
        }
        let storage = status.storage
        lines.append(
            "\(Texts.storage): \(storage.state == .ok ? "✔" : "✘") \(storage.directory), \(storage.freeBytes >> 20) MB \(Texts.free), WAL \(storage.walBytes >> 10) KB")
        if let message = storage.message { lines.append("      ⚠ \(message)") }
        if let calendar = status.calendar {
            let official = calendar.officialYears.isEmpty ? Texts.none : calendar.officialYears.map(String.init).joined(separator: ", ")
            var line = "\(Texts.calendar): \(Texts.official) \(official)"
            if let from = calendar.provisionalFrom, let to = calendar.provisionalTo { line += "; \(Texts.provisionalRange(from, to))" }
            lines.append(line)
            if let warning = calendar.warning { lines.append("      ⚠ \(warning)") }
        }
        if !status.speech.isEmpty { lines.append("\(Texts.speech):") }
        for speech in status.speech {
            let state = speech.active ? "▶ \(Texts.speechOn)\(speech.step.map { " (\($0))" } ?? "")" : "· \(Texts.speechOff)"
            lines.append("  \(speech.terminal): \(state), \(speech.output) \(speech.device)")
            if let problem = speech.problem { lines.append("      ⚠ \(problem)") }
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
                if SubscriptionConfirmation.confirms(line) { return true }
                seen += 1
                return count.map { seen < $0 } ?? true
            }
        } catch {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
