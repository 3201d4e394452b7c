/// Monthly sums per office, kept in step with the day rows by every ingest (in the same
/// transaction), so a year's report reads twelve rows per office instead of every kiosk-day.
/// They hold nothing the day rows do not: `backfill` rebuilds them from the day rows.
enum RollupSchema {
    static let waitingBuckets = (0..<10).map { "w\($0)" }

    static let tables = [
        """
        CREATE TABLE month_vote (
            month TEXT NOT NULL, province TEXT NOT NULL, district TEXT NOT NULL, office TEXT NOT NULL,
            counter TEXT NOT NULL, service TEXT NOT NULL, question TEXT NOT NULL,
            answers INTEGER NOT NULL, satisfied INTEGER NOT NULL, score_sum INTEGER NOT NULL,
            PRIMARY KEY (province, month, district, office, counter, service, question)
        )
        """,
        """
        CREATE TABLE month_office_vote (
            month TEXT NOT NULL, province TEXT NOT NULL, district TEXT NOT NULL, office TEXT NOT NULL,
            answers INTEGER NOT NULL, satisfied INTEGER NOT NULL, score_sum INTEGER NOT NULL,
            PRIMARY KEY (province, month, district, office)
        )
        """,
        """
        CREATE TABLE month_ticket (
            month TEXT NOT NULL, province TEXT NOT NULL, district TEXT NOT NULL, office TEXT NOT NULL, service TEXT NOT NULL,
            issued INTEGER NOT NULL, priority INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL,
            \(waitingBuckets.map { "\($0) INTEGER NOT NULL" }.joined(separator: ", ")),
            PRIMARY KEY (province, month, district, office, service)
        )
        """,
        """
        CREATE TABLE month_slip (
            month TEXT NOT NULL, province TEXT NOT NULL, district TEXT NOT NULL, office TEXT NOT NULL, procedure TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (province, month, district, office, procedure)
        )
        """,
    ]

    /// PostgreSQL: room on each page for a row's next version, so the daily update of an office's
    /// month stays on its page and touches no index (a HOT update) instead of adding index entries.
    static func roomForUpdates(_ dialect: SQLDialect) -> [String] {
        guard dialect == .postgres else { return [] }
        return ["month_vote", "month_office_vote", "month_ticket", "month_slip"].map { "ALTER TABLE \($0) SET (fillfactor = 50)" }
    }

    static let clear = ["DELETE FROM month_vote", "DELETE FROM month_office_vote", "DELETE FROM month_ticket", "DELETE FROM month_slip"]

    /// Where a database keeps its day votes: per choice in `day_vote` until migration v5, added up
    /// per question in `day_answer` since.
    enum DayVotes {
        case perChoice
        case perQuestion

        var sums: (from: String, answers: String, satisfied: String, scoreSum: String) {
            switch self {
            case .perChoice: ("day_vote", "SUM(v.count)", "SUM(CASE WHEN v.satisfied = 1 THEN v.count ELSE 0 END)", "SUM(v.score * v.count)")
            case .perQuestion: ("day_answer", "SUM(v.answers)", "SUM(v.satisfied)", "SUM(v.score_sum)")
            }
        }
    }

    /// Fills the (empty) monthly tables from the day rows.
    static func backfill(_ dialect: SQLDialect, votes: DayVotes = .perQuestion) -> [String] {
        let place = "SUBSTR(d.day, 1, 7), d.province, d.district, d.office"
        let sums = votes.sums
        return [
            """
            INSERT INTO month_vote (month, province, district, office, counter, service, question, answers, satisfied, score_sum)
            SELECT \(place), v.counter, v.service, v.question, \(sums.answers), \(sums.satisfied), \(sums.scoreSum)
            FROM \(sums.from) v JOIN sealed_day d ON d.kiosk = v.kiosk AND d.day = v.day
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """,
            """
            INSERT INTO month_office_vote (month, province, district, office, answers, satisfied, score_sum)
            SELECT month, province, district, office, SUM(answers), SUM(satisfied), SUM(score_sum)
            FROM month_vote GROUP BY 1, 2, 3, 4
            """,
            """
            INSERT INTO month_ticket (month, province, district, office, service, issued, priority, served, no_show, \(waitingBuckets.joined(separator: ", ")))
            SELECT \(place), t.service, SUM(t.issued), SUM(t.priority), SUM(t.served), SUM(t.no_show),
                   \(waitingBuckets.indices.map { "SUM(\(dialect.histogramBucket("t.waiting_minutes", $0)))" }.joined(separator: ", "))
            FROM day_ticket t JOIN sealed_day d ON d.kiosk = t.kiosk AND d.day = t.day
            GROUP BY 1, 2, 3, 4, 5
            """,
            """
            INSERT INTO month_slip (month, province, district, office, procedure, count)
            SELECT \(place), s.procedure, SUM(s.count)
            FROM day_slip s JOIN sealed_day d ON d.kiosk = s.kiosk AND d.day = s.day
            GROUP BY 1, 2, 3, 4, 5
            """,
        ]
    }
}
