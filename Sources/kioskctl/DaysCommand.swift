import ArgumentParser
import Foundation
import KioskCore
import KioskProtocol
import KioskStore

/// The sealed days in the outbox: which are sealed, which the collector has.
struct DaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "days", abstract: "List the sealed days, their hashes and whether the collector has them.")

    @OptionGroup var office: OfficeOptions

    @Option(name: .long, help: "Write the sealed bytes of this day (YYYY-MM-DD) to standard output instead.")
    var show: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let context = try OfficeContext(office)
        let days = try context.readOnlyStore()?.sealedDays() ?? []
        if let show {
            guard let day = LocalDay(show) else { throw ValidationError("--show: expected a date as YYYY-MM-DD, found \"\(show)\"") }
            guard let record = days.first(where: { $0.day == day }) else {
                FileHandle.standardError.write(Data("kioskctl: \(Texts.notSealed): \(day)\n".utf8))
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data(record.body))
            return
        }
        if json {
            let entries = days.map {
                OutboxEntry(day: $0.day.description, hash: $0.hash, signature: $0.signature, pushed: $0.pushed, bytes: $0.body.count)
            }
            print(ProtocolJSON.encode(entries))
            return
        }
        guard !days.isEmpty else {
            print(Texts.noSealedDays)
            return
        }
        for record in days {
            print("\(record.day)  \(record.hash.prefix(16))…  \(record.body.count) B  \(record.pushed ? Texts.pushed : Texts.waitingToPush)")
        }
    }
}

/// Asks kioskd to seal the finished days now (it also does so at start-up and at `[sync] seal_at`).
struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal", abstract: "Seal the finished days now, for example right after `kioskctl enroll`.")

    @OptionGroup var office: OfficeOptions

    func run() throws {
        let answer = try ControlRequestRunner.send(.seal, office: office)
        let sealed = answer.sealed.map(\.day)
        print(sealed.isEmpty ? Texts.nothingToSeal : "\(Texts.sealedNow): \(sealed.joined(separator: ", "))")
        print("\(Texts.outbox): \(answer.outbox)")
    }
}
