import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// Reports read whole months from the monthly rollups and the days around them from the day rows.
/// Whatever the cut, the figures are the sums of the days pushed; the rollups are really read;
/// and `rebuild-rollups` recomputes them from the day rows.
@Suite(.serialized) struct CollectorRollupTests {
    /// 35 days across three months: 2026-09-29 … 2026-11-02.
    static let first = LocalDay(year: 2026, month: 9, day: 29)!
    static let days = (0..<35).map { first.adding(days: $0)! }

    static func tallies(_ index: Int, previous: String) -> DayTallies {
        var waiting = WaitHistogram()
        waiting.add(minutes: Double(index))
        return DayTallies(
            kiosk: "HN-HK-01", office: "HN-HK", day: days[index], previous: previous,
            votes: [
                .init(counter: "quay-\(index % 2 + 1)", service: "ho-tich", question: "chung", choice: "rat-hai-long", score: 100, satisfied: true, count: index % 3 + 1),
                .init(counter: "quay-1", service: "ho-tich", question: "chung", choice: "khong-hai-long", score: 0, satisfied: false, count: index % 2),
            ].filter { $0.count > 0 },
            tickets: [.init(service: "ho-tich", issued: index + 1, priority: 0, served: index, noShow: 1, waiting: waiting)],
            slips: [.init(procedure: "Đăng ký khai sinh", count: 1)])
    }

    static func pushAll(_ rig: CollectorRig) throws {
        var previous = ""
        for index in days.indices {
            let bytes = tallies(index, previous: previous).canonicalBytes()
            #expect(try rig.push(bytes).status == 201)
            previous = SealHash.hex(of: bytes)
        }
    }

    /// What the report must say for `from`…`to`, summed from the generated days.
    struct Expected {
        var answers = 0, satisfied = 0, scoreSum = 0, issued = 0, slips = 0
        var waiting = Array(repeating: 0, count: WaitHistogram.bucketCount)

        init(_ from: String, _ to: String) {
            for index in CollectorRollupTests.days.indices where (from...to).contains(CollectorRollupTests.days[index].description) {
                let day = CollectorRollupTests.tallies(index, previous: "")
                for vote in day.votes {
                    answers += vote.count
                    satisfied += vote.satisfied ? vote.count : 0
                    scoreSum += vote.score * vote.count
                }
                issued += day.tickets[0].issued
                waiting = zip(waiting, day.tickets[0].waiting.counts).map(+)
                slips += day.slips[0].count
            }
        }
    }

    static func rows(_ rig: CollectorRig, _ figures: String, _ from: String, _ to: String, _ breakdown: String = "province") throws -> [[String: Any]] {
        let text = try rig.collectord(["report", "--from", from, "--to", to, "--figures", figures, "--breakdown", breakdown, "--format", "json"])
        return (try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any])["rows"] as! [[String: Any]]
    }

    static let ranges = [
        ("2026-09-29", "2026-11-02"),  // a partial month, a whole one, a partial one
        ("2026-10-01", "2026-10-31"),  // a whole month only
        ("2026-10-05", "2026-10-20"),  // days only
        ("2026-09-01", "2026-12-31"),  // whole months only, more than were pushed
        ("2026-09-30", "2026-10-01"),  // across a month end, no whole month
    ]

    static func expectFiguresMatchTheDays(_ rig: CollectorRig) throws {
        for (from, to) in ranges {
            let expected = Expected(from, to)
            let satisfaction = try #require(try rows(rig, "satisfaction", from, to).first, "\(from)…\(to)")
            #expect(satisfaction["answers"] as? Int == expected.answers, "\(from)…\(to)")
            #expect(satisfaction["satisfied"] as? Int == expected.satisfied, "\(from)…\(to)")
            let mean = (Double(expected.scoreSum) / Double(expected.answers) * 10).rounded() / 10
            #expect(satisfaction["meanScore"] as? Double == mean, "\(from)…\(to)")
            let queue = try #require(try rows(rig, "queue", from, to).first)
            #expect(queue["issued"] as? Int == expected.issued, "\(from)…\(to)")
            #expect(queue["waitingMinutes"] as? [Int] == expected.waiting, "\(from)…\(to)")
            let slips = try rows(rig, "slips", from, to)
            #expect(slips.map { $0["procedure"] as? String } == ["Đăng ký khai sinh"])
            #expect(slips.first?["count"] as? Int == expected.slips, "\(from)…\(to)")
        }
        let months = try rows(rig, "satisfaction", "2026-09-29", "2026-11-02", "month")
        #expect(months.map { $0["key"] as? String } == ["2026-09", "2026-10", "2026-11"])
        #expect(months.map { $0["answers"] as? Int } == [Expected("2026-09-01", "2026-09-30").answers, Expected("2026-10-01", "2026-10-31").answers, Expected("2026-11-01", "2026-11-30").answers])
        let counters = try rows(rig, "satisfaction", "2026-09-29", "2026-11-02", "counter")
        #expect(counters.map { $0["key"] as? String } == ["HN-HK / quay-1", "HN-HK / quay-2"])
        #expect(counters.compactMap { $0["answers"] as? Int }.reduce(0, +) == Expected("2026-09-29", "2026-11-02").answers)
    }

    @Test(arguments: CollectorBackend.available) func anyCutOfThePeriodAddsUpToTheDaysPushed(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("rollup", backend: backend)
        try Self.pushAll(rig)
        try Self.expectFiguresMatchTheDays(rig)
    }

    @Test(arguments: CollectorBackend.available) func wholeMonthsAreReadFromTheRollupsWhichRebuildFromTheDays(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("rollup-rebuild", backend: backend)
        try Self.pushAll(rig)
        // Spoil October's rollups: a whole-October report shows it, a report of days inside October does not.
        try rig.execute("UPDATE month_office_vote SET answers = answers + 1000 WHERE month = '2026-10'")
        try rig.execute("UPDATE month_ticket SET issued = issued + 1000 WHERE month = '2026-10'")
        #expect(try Self.rows(rig, "satisfaction", "2026-10-01", "2026-10-31").first?["answers"] as? Int == Expected("2026-10-01", "2026-10-31").answers + 1000)
        #expect(try Self.rows(rig, "queue", "2026-10-01", "2026-10-31").first?["issued"] as? Int == Expected("2026-10-01", "2026-10-31").issued + 1000)
        #expect(try Self.rows(rig, "satisfaction", "2026-10-02", "2026-10-31").first?["answers"] as? Int == Expected("2026-10-02", "2026-10-31").answers)

        let output = try rig.collectord(["rebuild-rollups"])
        #expect(output.contains("monthly rollups and kiosk day counts rebuilt"))
        try Self.expectFiguresMatchTheDays(rig)
    }

    @Test(arguments: CollectorBackend.available) func aCollectorFromBeforeTheRollupsFillsThemFromItsDaysWhenItUpgrades(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("rollup-upgrade", backend: backend)
        try Self.pushAll(rig)
        // Put the database back as the release before the rollups left it: votes per choice, no
        // monthly tables; v3 then fills them from those votes and v5 adds them up per question.
        try Self.restorePerChoiceVotes(rig)
        for table in ["month_vote", "month_office_vote", "month_ticket", "month_slip"] { try rig.execute("DROP TABLE \(table)") }
        try Self.forgetMigration("v3-monthly-rollups", rig)
        try Self.expectFiguresMatchTheDays(rig)
    }

    @Test(arguments: CollectorBackend.available) func aCollectorWithVotesPerChoiceAddsThemUpPerQuestionWhenItUpgrades(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("answers-upgrade", backend: backend)
        try Self.pushAll(rig)
        try Self.restorePerChoiceVotes(rig)
        #expect(try rig.sql("SELECT COUNT(*) FROM day_vote").first?.first.flatMap { Int($0) } ?? 0 > 0)
        try Self.expectFiguresMatchTheDays(rig)
        #expect(try rig.sql("SELECT COUNT(*) FROM day_answer").first?.first.flatMap { Int($0) } ?? 0 > 0)
        #expect(try CollectorCrashTests.checkWholeDays(rig) > 0)
    }

    /// The day votes as releases before v5 stored them, one row per choice, rebuilt from the
    /// sealed bodies; `day_answer` gone and migration v5 not applied.
    static func restorePerChoiceVotes(_ rig: CollectorRig) throws {
        try rig.execute("""
            CREATE TABLE day_vote (
                kiosk TEXT NOT NULL, day TEXT NOT NULL, counter TEXT NOT NULL, service TEXT NOT NULL,
                question TEXT NOT NULL, choice TEXT NOT NULL, score INTEGER NOT NULL, satisfied INTEGER NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (kiosk, day, counter, service, question, choice, score, satisfied)
            )
            """)
        let rows = try rig.storedTallies().flatMap { day in
            day.tallies.votes.map { vote in
                let text = [day.kiosk, day.day, vote.counter, vote.service, vote.question, vote.choice].map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }
                return "(\(text.joined(separator: ", ")), \(vote.score), \(vote.satisfied ? 1 : 0), \(vote.count))"
            }
        }
        if !rows.isEmpty { try rig.execute("INSERT INTO day_vote VALUES \(rows.joined(separator: ", "))") }
        try rig.execute("DROP TABLE day_answer")
        try forgetMigration("v5-day-answers", rig)
    }

    static func forgetMigration(_ id: String, _ rig: CollectorRig) throws {
        try rig.execute(
            rig.backend == .sqlite
                ? "DELETE FROM grdb_migrations WHERE identifier = '\(id)'"
                : "DELETE FROM collector_migration WHERE id = '\(id)'")
    }
}
