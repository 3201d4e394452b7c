import ArgumentParser
import CollectorCore
import CollectorStorage
import Foundation
import KioskCore

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The satisfaction index (and queue figures) for a period, by province, district, office, counter, service, question, day or month.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var zone: TimeZoneOptions

    @Option(help: "day, week, month, quarter or year containing --day; or give --from and --to.")
    var period: String = "month"

    @Option(help: "A day in the period (YYYY-MM-DD; default yesterday, the last day kiosks can have pushed).")
    var day: String?

    @Option(help: "First day of a range (YYYY-MM-DD).") var from: String?
    @Option(help: "Last day of a range (YYYY-MM-DD).") var to: String?

    @Option(help: "province, district, office, counter, service, question, day or month.")
    var breakdown: String = "office"

    @Option(help: "Only this province.") var province: String?
    @Option(help: "Only this district.") var district: String?
    @Option(help: "Only this office (code).") var office: String?

    @Option(help: "What to report: satisfaction, queue or slips (per procedure; the breakdown does not apply).") var figures: String = "satisfaction"

    @Option(help: "text, json or csv (UTF-8 with BOM, for Excel).") var format: String = "text"

    func run() async throws {
        let query = try ReportQuery(
            period: resolvePeriod(), province: province, district: district, office: office,
            breakdown: ReportQuery.Breakdown(rawValue: breakdown)
                ?? { throw ValidationError("--breakdown: expected one of \(ReportQuery.Breakdown.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(breakdown)\"") }())
        let reports: any ReportStore = try await CollectorStores.open(storage.database)
        switch (figures, format) {
        case ("satisfaction", "csv"): FileHandle.standardOutput.write(Data(ReportCSV.satisfaction(try await reports.satisfaction(query)).utf8))
        case ("queue", "csv"): FileHandle.standardOutput.write(Data(ReportCSV.queue(try await reports.queue(query)).utf8))
        case ("slips", "csv"): FileHandle.standardOutput.write(Data(ReportCSV.slips(try await reports.slips(query)).utf8))
        case ("slips", "json"): print(ReportJSON.slips(try await reports.slips(query), query: query))
        case ("slips", "text"):
            print("\(query.period.from) – \(query.period.to)")
            for row in try await reports.slips(query) { print("\(row.procedure)\t\(row.count)") }
        case ("satisfaction", "json"): print(ReportJSON.satisfaction(try await reports.satisfaction(query), query: query))
        case ("queue", "json"): print(ReportJSON.queue(try await reports.queue(query), query: query))
        case ("satisfaction", "text"):
            print("\(query.period.from) – \(query.period.to)")
            for row in try await reports.satisfaction(query) {
                print("\(row.label)\t\(row.answers)\t\(ReportCSV.decimal(row.percentSatisfied)) %\t\(ReportCSV.decimal(row.meanScore))")
            }
        case ("queue", "text"):
            print("\(query.period.from) – \(query.period.to)")
            for row in try await reports.queue(query) {
                print("\(row.label)\t\(row.issued)\t\(ReportCSV.decimal(row.meanWaitMinutes)) min\tp90 \(row.p90WaitMinutes.map(String.init) ?? "–")")
            }
        default:
            throw ValidationError("--figures: expected satisfaction, queue or slips; --format: expected text, json or csv; found \"\(figures)\", \"\(format)\"")
        }
    }

    private func resolvePeriod() throws -> ReportPeriod {
        func parse(_ text: String, _ option: String) throws -> LocalDay {
            guard let day = LocalDay(text) else { throw ValidationError("\(option): expected a date YYYY-MM-DD, found \"\(text)\"") }
            return day
        }
        if let from, let to { return ReportPeriod(from: try parse(from, "--from"), to: try parse(to, "--to")) }
        guard let kind = ReportPeriod.Kind(rawValue: period) else {
            throw ValidationError("--period: expected day, week, month, quarter or year, found \"\(period)\"")
        }
        let anchor = try day.map { try parse($0, "--day") } ?? zone.clock().yesterday
        return ReportPeriod(kind, containing: anchor)
    }
}
