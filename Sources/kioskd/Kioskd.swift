import ArgumentParser
import CMalloc
import Foundation
import KioskConfigFile
import KioskControl
import KioskCore
import KioskDaemon
import Logging

/// kioskd: the office appliance daemon. Exit codes:
/// 0 stopped by SIGTERM/SIGINT, or --check-config found no problem;
/// 1 could not start (tally database or control socket unusable);
/// 2 the configuration is invalid (every problem is printed);
/// 64 bad command-line usage.
@main
struct Kioskd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskd",
        abstract: "Counts anonymous counter ratings from touchscreens and keypads, durably.",
        discussion: """
            Exit codes: 0 clean stop (SIGTERM/SIGINT) or valid config with --check-config; \
            1 cannot start (database, control socket); 2 invalid configuration; 64 bad usage.
            """)

    @Option(name: .long, help: "The office file (TOML).")
    var config = "/etc/kiosk/office.toml"

    @Option(name: .long, help: "State directory for relative storage paths (default: $STATE_DIRECTORY or /var/lib/kioskd).")
    var stateDir: String?

    @Flag(name: .long, help: "Check the office file, print every problem, and exit (2 if invalid).")
    var checkConfig = false

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        // Each thread (input, printer lanes, rendering, HTTP, timers) would get a malloc arena of
        // its own, each keeping freed pages; two serve a daemon this quiet and take about 0.4 MB
        // off its resident memory (tools/link/README.md). Set before any of those threads exists.
        mallopt(M_ARENA_MAX, 2)
        let level = logLevel
        LoggingSystem.bootstrap { JournalLogHandler(label: $0, level: level) }
        let logger = Logger(label: "kioskd")

        let office: OfficeConfig
        switch OfficeConfigFile.load(path: config) {
        case .success(let loaded):
            office = loaded
        case .failure(let errors):
            let count = errors.issues.count
            FileHandle.standardError.write(
                Data("kioskd: \(config) is invalid (\(count) problem\(count == 1 ? "" : "s")); not starting:\n\(errors)\n".utf8))
            throw ExitCode(2)
        }
        let paths = StatePaths(storage: office.storage, stateDirectory: stateDir, keyFile: office.sync.keyFile)
        let sources = office.slips == nil ? nil : CalendarSources(office: office, configPath: config, stateDirectory: paths.directory)
        let calendar: WorkingCalendar?
        switch sources.map({ $0.load().map(Optional.some) }) ?? .success(nil) {
        case .success(let loaded):
            calendar = loaded
        case .failure(let errors):
            let count = errors.issues.count
            FileHandle.standardError.write(
                Data("kioskd: the working-day calendar is invalid (\(count) problem\(count == 1 ? "" : "s")); not starting:\n\(errors)\n".utf8))
            throw ExitCode(2)
        }
        if checkConfig {
            let terminals = office.terminals.count + office.ticketTerminals.count
            let years = calendar.map { "; calendar \(CalendarStatus.summary($0))" } ?? ""
            print("\(config): OK (office \(office.office.code), \(terminals) terminal(s), \(office.devices.count) device(s), \(office.printers.count) printer(s)\(years))")
            return
        }

        signal(SIGPIPE, SIG_IGN)
        // A parent may have started us with signals blocked (posix_spawn passes its mask on).
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)

        let notifier = SystemdNotifier()
        let clock = OfficeClock.live(for: office)
        let book = calendar.flatMap { calendar in sources.map { sources in CalendarBook(calendar, load: { sources.load() }) } }
        let daemon: Daemon
        do {
            daemon = try Daemon(
                config: office, paths: paths, notifier: notifier, logger: logger, clock: clock, calendar: book,
                configDirectory: (config as NSString).deletingLastPathComponent)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode(1)
        }
        // A missing official file is warned about by the daemon's calendar watch, at start and daily.
        if let calendar { logger.info("working-day calendar: \(CalendarStatus.summary(calendar))") }
        try await daemon.run()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
