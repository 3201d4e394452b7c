import ArgumentParser

@main
struct Collectord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collectord",
        abstract: "The district's collector of sealed kiosk days.",
        subcommands: [ServeCommand.self, KioskCommand.self, DaysCommand.self, AlarmsCommand.self, ReportCommand.self, HealthCommand.self, UserCommand.self, AuditCommand.self, RebuildRollupsCommand.self, KeyCommand.self, CalendarCommand.self],
        defaultSubcommand: ServeCommand.self)
}

/// Where the collector keeps its data, shared by every subcommand.
struct StorageOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file, or a PostgreSQL URL: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var database = "/var/lib/collectord/collector.sqlite"
}
