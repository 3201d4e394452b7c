import ArgumentParser
import CollectorCore
import CollectorStorage
import Foundation
import KioskCore
import KioskTestSupport

/// How long the province-year satisfaction index takes on PostgreSQL with a province's worth of
/// data: 10,000 kiosks × 365 days, generated in the database (sealed_day and day_answer rows as
/// ingest writes them; the bodies are placeholders, reports never read them), with the monthly
/// rollups rebuilt from them as ingest would have kept them.
struct ReportBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Province-year report latency on PostgreSQL with generated kiosk-days.")

    @Option(help: "A PostgreSQL server URL (postgres://USER@HOST:PORT).") var postgres: String
    @Option(help: "Kiosks in the province.") var kiosks = 10_000
    @Option(help: "Days per kiosk.") var days = 365
    @Option(help: "Timed runs of each report.") var runs = 20
    @Option(help: "Time the reports on a database an earlier run kept (--keep) instead of generating one.") var reuse: String?
    @Flag(help: "Keep the generated database (its name is printed) for --reuse.") var keep = false

    func run() async throws {
        let psql = URL(fileURLWithPath: "/usr/bin/psql")
        if let reuse {
            try await timeReports(try await CollectorStores.open("\(postgres)/\(reuse)"))
            return
        }
        let name = "bench_report_\(getpid())"
        _ = try KioskdProcess.run(psql, ["\(postgres)/postgres", "-qc", "CREATE DATABASE \(name)"])
        let database = "\(postgres)/\(name)"
        let store = try await CollectorStores.open(database)  // creates the schema
        let generate = Date()
        _ = try KioskdProcess.run(psql, [database, "-qc", """
            INSERT INTO kiosk (id, office_code, office_name, district, province, public_key)
            SELECT 'K' || k, 'O' || k, 'Văn phòng ' || k, 'Quận ' || (k % 30), 'Tỉnh', '' FROM generate_series(0, \(kiosks - 1)) AS k;
            INSERT INTO sealed_day (kiosk, day, office, district, province, hash, previous, link, signature, body, received_at)
            SELECT 'K' || k, to_char(DATE '2026-01-01' + d, 'YYYY-MM-DD'), 'O' || k, 'Quận ' || (k % 30), 'Tỉnh', md5(k || '-' || d), '', 'linked', '', ''::bytea, ''
            FROM generate_series(0, \(kiosks - 1)) AS k, generate_series(0, \(days - 1)) AS d;
            INSERT INTO day_answer (kiosk, day, counter, service, question, answers, satisfied, score_sum)
            SELECT 'K' || k, to_char(DATE '2026-01-01' + d, 'YYYY-MM-DD'), 'quay-' || (q + 1), '', 'chung',
                   t0 + t1 + t2 + t3, t0 + t1, 100 * t0 + 75 * t1 + 50 * t2
            FROM generate_series(0, \(kiosks - 1)) AS k, generate_series(0, \(days - 1)) AS d, generate_series(0, 1) AS q,
                 LATERAL (SELECT 1 + (k + d + q) % 7 AS t0, 1 + (k + d + q + 2) % 7 AS t1, 1 + (k + d + q + 4) % 7 AS t2,
                                 1 + (k + d + q + 6) % 7 AS t3) AS votes;
            """])
        try await store.rebuildRollups()
        _ = try KioskdProcess.run(psql, [database, "-qc", "ANALYZE"])
        let rows = try KioskdProcess.run(psql, [database, "-Atc", "SELECT (SELECT COUNT(*) FROM sealed_day) || ' days, ' || (SELECT COUNT(*) FROM day_answer) || ' answer rows'"])
        print(String(format: "kiosk-bench report: %@ generated in %.0f s (database %@)", rows.trimmingCharacters(in: .whitespacesAndNewlines), Date().timeIntervalSince(generate), name))
        try await timeReports(store)
        if !keep { _ = try? KioskdProcess.run(psql, ["\(postgres)/postgres", "-qc", "DROP DATABASE \(name) WITH (FORCE)"]) }
    }

    /// The province-year index by province, district and office (the target), then what else the
    /// dashboard asks for a province admin's year: the trend by month and every kiosk's health.
    private func timeReports(_ store: any CollectorStore) async throws {
        let year = ReportPeriod(.year, containing: LocalDay(year: 2026, month: 6, day: 1)!)
        for breakdown in [ReportQuery.Breakdown.province, .district, .office] {
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                let result = try await store.satisfaction(ReportQuery(period: year, province: "Tỉnh", breakdown: breakdown))
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
                precondition(!result.isEmpty)
            }
            let summary = Summary(samples)
            print(String(format: "province-year index by %@: p50 %.0f ms, p99 %.0f ms (target p99 ≤ 300 ms: %@)", breakdown.rawValue, summary.p50, summary.p99,
                summary.p99 <= 300 ? "met" : "NOT met"))
        }
        for (name, report) in [
            ("trend by month", { _ = try await store.satisfaction(ReportQuery(period: year, province: "Tỉnh", breakdown: .month)) }),
            ("health of every kiosk", { _ = try await store.health() }),
        ] as [(String, () async throws -> Void)] {
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                try await report()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            let summary = Summary(samples)
            print(String(format: "dashboard, %@: p50 %.0f ms, p99 %.0f ms", name, summary.p50, summary.p99))
        }
    }
}
