/// Where the collector keeps its registry, the sealed days, the reports' tables and the staff:
/// an embedded SQLite file by default (`SQLiteCollectorStore`), PostgreSQL at scale
/// (`PostgresCollectorStore`). One value for the callers that need every concern (`collectord
/// serve`, the commands that open a `--database`); each route, the ingestor and the reports take
/// only the concern they use (the calendars: `CalendarStore`). Every method is one transaction: an ingest is stored whole or not at all.
public protocol CollectorStore: KioskRegistryStore, DayIngestStore, ReportStore, StaffStore, CalendarStore {}
