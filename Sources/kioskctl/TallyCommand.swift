import ArgumentParser
import Foundation
import KioskCore
import KioskStore

struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally", abstract: "Print a day's vote counts, misuse counts and satisfaction index.")

    @OptionGroup var office: OfficeOptions

    @Option(name: .long, help: "The day, YYYY-MM-DD (default: today in the office's time zone).")
    var date: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let context = try OfficeContext(office)
        let day: LocalDay
        if let date {
            guard let parsed = LocalDay(date) else {
                throw ValidationError("--date: expected a date as YYYY-MM-DD, found \"\(date)\"")
            }
            day = parsed
        } else {
            day = context.clock.today
        }
        let store = try context.readOnlyStore()
        let votes = try store?.voteTallies(on: day) ?? []
        let presses = try store?.pressTallies(on: day) ?? []
        let report = TallyReport(config: context.config, day: day, votes: votes, presses: presses)
        print(json ? report.json() : report.text())
    }
}
