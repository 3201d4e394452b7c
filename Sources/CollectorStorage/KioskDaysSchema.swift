/// Per kiosk, how many days are stored and the first and last of them, kept in step with
/// `sealed_day` by every ingest (in the same transaction), so the health of every kiosk reads one
/// row per kiosk instead of counting its days (10,000 kiosks with a year each in `kiosk-bench
/// report`: 3.7 s → 84 ms). It holds nothing the day rows do not: `backfill` rebuilds it from them.
enum KioskDaysSchema {
    static let table = "CREATE TABLE kiosk_days (kiosk TEXT PRIMARY KEY, stored INTEGER NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL)"

    /// The restarts, counted as the gaps and broken links are (`CollectorSchema.healthIndexes`).
    static let restartIndex = "CREATE INDEX sealed_day_restarts ON sealed_day (kiosk) WHERE link = 'restart'"

    static let clear = ["DELETE FROM kiosk_days"]

    static let backfill = [
        "INSERT INTO kiosk_days (kiosk, stored, first_day, last_day) SELECT kiosk, COUNT(*), MIN(day), MAX(day) FROM sealed_day GROUP BY kiosk"
    ]
}
