import ArgumentParser

@main
struct KioskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-bench",
        abstract: "Benchmarks of the counter kiosk on emulated devices (needs root for the FUSE mount).",
        subcommands: [InputLatencyBenchmark.self, TicketPrintBenchmark.self, PrinterFaultBenchmark.self, IngestBenchmark.self, ReportBenchmark.self, QueueBenchmark.self, CallLatencyBenchmark.self, SealCheckBenchmark.self, SpeechBenchmark.self, SpeechKeysBenchmark.self])
}
