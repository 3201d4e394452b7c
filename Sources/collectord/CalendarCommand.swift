import ArgumentParser
import CollectorCore
import CollectorStorage
import Foundation
import KioskCore

struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "The working-day calendar files the kiosks fetch: add (validated as kioskd validates it, versioned, signed), list.",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a year's calendar file (named YYYY.toml) as that year's next version, signed with the collector's key.",
            discussion: "The same text as the year's latest version is not a new version. Exit status 1: the file is invalid (each problem is printed).")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var key: CollectorKeyOptions
        @Argument(help: "The calendar file, e.g. 2027.toml.") var file: String

        func run() async throws {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read \(file): \(error.localizedDescription)")
            }
            let upload: CalendarUpload
            switch CalendarUpload.check(fileName: URL(fileURLWithPath: file).lastPathComponent, text: text) {
            case .failure(let errors):
                FileHandle.standardError.write(Data((errors.issues.map { "collectord: \($0)" }.joined(separator: "\n") + "\n").utf8))
                throw ExitCode(1)
            case .success(let checked): upload = checked
            }
            let signer = try key.load(database: storage.database)
            let store: any CalendarStore = try await CollectorStores.open(storage.database)
            let addition = try await store.addCalendar(upload, sign: signer.signCalendar, by: CommandLineActor.name)
            switch addition {
            case .added(let calendar):
                print("added calendar \(calendar.year) version \(calendar.version) (SHA-256 \(calendar.sha256)), signed by \(signer.publicKey.fingerprint)")
            case .identical(let calendar):
                print("calendar \(calendar.year) version \(calendar.version) already has this text; nothing added")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every stored version of every year, and which kiosks have which.")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let store: any CalendarStore = try await CollectorStores.open(storage.database)
            for record in try await store.calendarRecords() {
                let calendar = record.calendar
                print("\(calendar.year)\tversion \(calendar.version)\t\(calendar.sha256)\t\(CollectorTime.text(record.addedAt))\t\(record.addedBy)")
            }
            for holding in try await store.calendarHoldings() {
                print("kiosk \(holding.kiosk)\t\(holding.holding.year)\tversion \(holding.holding.version)\treported \(CollectorTime.text(holding.reportedAt))")
            }
        }
    }
}
