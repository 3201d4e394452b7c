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
            stay in the outbox for the next run); 1 the collector refused a day (the reason is printed). \
            With [sync] collector_key, newer calendar files are then fetched, checked against that key and \
            installed in the state directory's calendar/; a file refused or not installed is printed and exits 1.
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
        var status: Int32 = 0
        if FileManager.default.fileExists(atPath: context.paths.database) {
            let store = try KioskDatabase(path: context.paths.database)
            let pusher = DayPusher(
                collector: collector, kioskID: context.config.sync.kioskID, store: store,
                policy: PushPolicy(attempts: attempts, initialDelay: initialDelay))
            let report = try await pusher.pushOutbox { day, result in
                print("\(day)  \(Texts.pushResult(result))")
            }
            try store.close()
            if report.results.isEmpty { print(Texts.outboxEmpty) }
            status = report.unreachable ? 75 : report.complete ? 0 : 1
        } else {
            print(Texts.outboxEmpty)
        }
        let calendars = await CalendarUpdate.run(context, collector: collector)
        if status == 0 { status = calendars }
        if status != 0 { throw ExitCode(status) }
    }
}
