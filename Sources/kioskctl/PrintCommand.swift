import ArgumentParser
import Foundation
import KioskDaemon

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Print through the running kioskd: a test page, a slip, or cancel awaiting tickets.",
        subcommands: [PrintTestCommand.self, PrintSlipCommand.self, PrintCancelCommand.self, PrintRetryCommand.self])
}

struct PrintTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Print a test page (on every printer, or one).")

    @OptionGroup var office: OfficeOptions

    @Option(name: .long, help: "The printer id (from [[printers]]); default: every printer.")
    var printer: String?

    func run() throws {
        let answer = try ControlRequest.send("print-test" + (printer.map { " \($0)" } ?? ""), office: office)
        let results = answer["results"] as? [[String: Any]] ?? []
        var failed = false
        for result in results {
            let id = result["printer"] as? String ?? "?"
            if result["printed"] as? Bool == true {
                print("✔ \(id): \(Texts.testPagePrinted)")
            } else {
                failed = true
                print("✘ \(id): \(result["message"] as? String ?? result["problem"] as? String ?? "?")")
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct PrintSlipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slip", abstract: "Print a receipt-and-appointment slip from a JSON request (as the HTTP API takes).")

    @OptionGroup var office: OfficeOptions

    @Option(name: .long, help: "The JSON slip request; - for standard input.")
    var file: String

    func run() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data("kioskctl: cannot read \(file): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        // One line on the socket: re-serialise valid JSON compactly; anything else goes as it is
        // (newlines folded) so that kioskd reports what is wrong with it.
        let line: String
        if let object = try? JSONSerialization.jsonObject(with: data),
            let compact = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])
        {
            line = String(decoding: compact, as: UTF8.self)
        } else {
            line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        }
        let answer = try ControlRequest.send("print-slip " + line, office: office, allowError: true)
        if let problems = answer["problems"] as? [[String: Any]] {
            FileHandle.standardError.write(Data("kioskctl: \(answer["error"] as? String ?? Texts.slipRefused)\n".utf8))
            for problem in problems {
                FileHandle.standardError.write(Data("  \(problem["field"] as? String ?? ""): \(problem["reason"] as? String ?? "")\n".utf8))
            }
            throw ExitCode(1)
        }
        if let error = answer["error"] as? String {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print("\(Texts.slipReturn): \(answer["returnText"] as? String ?? answer["returnAt"] as? String ?? "?")")
        if answer["printed"] as? Bool == true {
            print("✔ \(answer["printer"] as? String ?? ""): \(Texts.slipPrinted)")
        } else {
            print("✘ \(answer["printer"] as? String ?? ""): \(answer["message"] as? String ?? "?")")
            throw ExitCode(1)
        }
    }
}

struct PrintCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Give up printing today's awaiting tickets (all, or the numbers given); the numbers stay used.")

    @OptionGroup var office: OfficeOptions

    @Argument(help: "Ticket numbers such as A012; none: every awaiting ticket.")
    var numbers: [String] = []

    func run() throws {
        let answer = try ControlRequest.send((["print-cancel"] + numbers).joined(separator: " "), office: office)
        let cancelled = answer["cancelled"] as? [String] ?? []
        print(cancelled.isEmpty ? Texts.nothingCancelled : "\(Texts.cancelled): \(cancelled.joined(separator: ", "))")
    }
}

struct PrintRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Print today's kept tickets now: also those kioskd stopped sending after CUPS crashed on them twice (all, or the numbers given).")

    @OptionGroup var office: OfficeOptions

    @Argument(help: "Ticket numbers such as A012; none: every kept or held ticket.")
    var numbers: [String] = []

    func run() throws {
        let answer = try ControlRequest.send((["print-retry"] + numbers).joined(separator: " "), office: office)
        let released = answer["released"] as? [String] ?? []
        print(released.isEmpty ? Texts.retrying : "\(Texts.released): \(released.joined(separator: ", "))")
    }
}

struct ReprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reprint", abstract: "Print a ticket terminal's last ticket again.")

    @OptionGroup var office: OfficeOptions

    @Option(name: .long, help: "The ticket terminal id; needed only when the office has more than one.")
    var terminal: String?

    func run() throws {
        let answer = try ControlRequest.send("reprint" + (terminal.map { " \($0)" } ?? ""), office: office)
        print("\(Texts.reprinting) \(answer["reprinting"] as? String ?? "?")")
    }
}

/// One command on kioskd's control socket, its JSON answer decoded; an "error" answer exits 1.
enum ControlRequest {
    static func send(_ command: String, office: OfficeOptions, allowError: Bool = false) throws -> [String: Any] {
        let context = try OfficeContext(office)
        let answer: String
        do {
            answer = try ControlClient.request(command, socketPath: context.paths.controlSocket)
        } catch {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any] else {
            FileHandle.standardError.write(Data("kioskctl: unexpected answer from kioskd: \(answer)\n".utf8))
            throw ExitCode(1)
        }
        if !allowError, let error = object["error"] as? String {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
        return object
    }
}
