/// The sealed days: stored as pushed (new, identical or conflict, linked to their neighbours),
/// listed per kiosk, and the alarms their ingest raised.
public protocol DayIngestStore: Sendable {
    func ingest(_ day: VerifiedDay) async throws -> IngestOutcome
    /// The stored days of a kiosk, oldest first: day, hash and chain link.
    func storedDays(kiosk: String) async throws -> [StoredDaySummary]
    func alarms() async throws -> [CollectorAlarm]
}
