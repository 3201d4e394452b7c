import ArgumentParser

@main
struct KioskBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-bench",
        abstract: "Benchmarks of the counter kiosk on emulated devices (needs root for the FUSE mount).",
        subcommands: [InputLatencyBenchmark.self, TicketPrintBenchmark.self])
}
