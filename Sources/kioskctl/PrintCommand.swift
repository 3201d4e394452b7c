import ArgumentParser
import Foundation
import KioskControl
import KioskProtocol

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
        let answer = try ControlRequestRunner.send(.printTest(printer: printer), office: office)
        var failed = false
        for result in answer.results {
            if result.printed {
                print("✔ \(result.printer): \(Texts.testPagePrinted)")
            } else {
                failed = true
                print("✘ \(result.printer): \(result.message ?? result.problem ?? "?")")
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
        guard let request = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("kioskctl: \(file): \(Texts.slipNotUTF8)\n".utf8))
            throw ExitCode(1)
        }
        // The request goes as it is (kioskd names what is wrong with it); the JSON line carries it whole.
        switch try ControlRequestRunner.answer(.printSlip(request: request), office: office) {
        case .failure(let refusal):
            FileHandle.standardError.write(Data("kioskctl: \(refusal.error)\n".utf8))
            for problem in refusal.problems ?? [] {
                FileHandle.standardError.write(Data("  \(problem.field): \(problem.reason)\n".utf8))
            }
            throw ExitCode(1)
        case .success(let answer):
            print("\(Texts.slipReturn): \(answer.returnText)")
            if let notice = answer.calendarNotice { print("  ⚠ \(notice)") }
            if answer.printed {
                print("✔ \(answer.printer): \(Texts.slipPrinted)")
            } else {
                print("✘ \(answer.printer): \(answer.message ?? "?")")
                throw ExitCode(1)
            }
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
        let cancelled = try ControlRequestRunner.send(.printCancel(numbers: numbers.isEmpty ? nil : numbers), office: office).cancelled
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
        let released = try ControlRequestRunner.send(.printRetry(numbers: numbers.isEmpty ? nil : numbers), office: office).released
        print(released.isEmpty ? Texts.retrying : "\(Texts.released): \(released.joined(separator: ", "))")
    }
}

struct ReprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reprint", abstract: "Print a ticket terminal's last ticket again.")

    @OptionGroup var office: OfficeOptions

    @Option(name: .long, help: "The ticket terminal id; needed only when the office has more than one.")
    var terminal: String?

    func run() throws {
        let answer = try ControlRequestRunner.send(.reprint(terminal: terminal), office: office)
        print("\(Texts.reprinting) \(answer.reprinting)")
    }
}

/// One request on kioskd's control socket and its typed answer; kioskd's refusal exits 1 with its reason.
enum ControlRequestRunner {
    static func send<Reply>(_ call: ControlCall<Reply>, office: OfficeOptions) throws -> Reply {
        switch try answer(call, office: office) {
        case .success(let reply):
            return reply
        case .failure(let failure):
            FileHandle.standardError.write(Data("kioskctl: \(failure.error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The answer, a refusal included, for commands that say more about a refusal.
    static func answer<Reply>(_ call: ControlCall<Reply>, office: OfficeOptions) throws -> Result<Reply, ControlFailure> {
        let context = try OfficeContext(office)
        do {
            return try ControlClient.send(call, socketPath: context.paths.controlSocket)
        } catch {
            FileHandle.standardError.write(Data("kioskctl: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
