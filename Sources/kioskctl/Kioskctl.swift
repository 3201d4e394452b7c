import ArgumentParser

@main
struct Kioskctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskctl",
        abstract: "Local administration of the counter kiosk.",
        subcommands: [
            TallyCommand.self, StatusCommand.self, WatchCommand.self, PreviewCommand.self, PrintCommand.self,
            ReprintCommand.self, EnrollCommand.self, SealCommand.self, DaysCommand.self, PushCommand.self, WaitPageCommand.self,
            CalendarCommand.self,
        ])
}

/// Where to find the office file and the daemon's state, shared by every subcommand.
struct OfficeOptions: ParsableArguments {
    @Option(name: .long, help: "The office file (TOML).")
    var config = "/etc/kiosk/office.toml"

    @Option(name: .long, help: "kioskd's state directory (default: $STATE_DIRECTORY or /var/lib/kioskd).")
    var stateDir: String?
}
