import ArgumentParser
import Foundation
import KioskCore
import KioskStore
import KioskSync

/// Sends the sealed days waiting in the outbox to the collector (kiosk-push.timer runs this nightly).
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send the sealed days in the outbox to the collector, oldest first.",
        discussion: """
            Exit status: 0 everything is at the collector; 75 the collector could not be reached (the days \
            stay in the outbox for the next run); 1 the collector refused a day (the reason is printed).
            """)

    @OptionGroup var office: OfficeOptions

    @Option(help: "Attempts per day before giving up until the next run.")
    var attempts = 6

    @Option(help: "Seconds before the first retry; doubled each time up to 300, with jitter.")
    var initialDelay = 5.0

    func run() async throws {
        let context = try OfficeContext(office)
        guard let collector = context.config.sync.collector else {
            FileHandle.standardError.write(Data("kioskctl: \(Texts.noCollector)\n".utf8))
            throw ExitCode(2)
        }
        guard FileManager.default.fileExists(atPath: context.paths.database) else {
            print(Texts.outboxEmpty)
            return
        }
        let store = try KioskDatabase(path: context.paths.database)
        let pusher = DayPusher(
            collector: collector, kioskID: context.config.sync.kioskID, store: store,
            policy: PushPolicy(attempts: attempts, initialDelay: initialDelay))
        let report = try await pusher.pushOutbox { day, result in
            print("\(day)  \(Texts.pushResult(result))")
        }
        try store.close()
        if report.results.isEmpty { print(Texts.outboxEmpty) }
        if report.unreachable { throw ExitCode(75) }
        if !report.complete { throw ExitCode(1) }
    }
}
