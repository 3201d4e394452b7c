/// The reports read from the day rows and the monthly rollups, and the kiosks' health.
public protocol ReportStore: Sendable {
    func satisfaction(_ query: ReportQuery) async throws -> [SatisfactionRow]
    func queue(_ query: ReportQuery) async throws -> [QueueRow]
    /// Slips printed per procedure, most first.
    func slips(_ query: ReportQuery) async throws -> [(procedure: String, count: Int)]
    func health() async throws -> [KioskHealth]
    /// Recomputes the monthly rollups and each kiosk's day count from the day rows (they are kept
    /// in step by every ingest; this is for after a repair by hand, and for benchmarks that
    /// generate day rows directly).
    func rebuildRollups() async throws
}
