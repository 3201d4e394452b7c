import ArgumentParser
import Foundation
import KioskConfigFile
import KioskCore

/// `kioskctl calendar [YEAR]`: a year's days off and swapped working days, official or
/// provisional, each with where it came from; read from the calendar files as kioskd reads them
/// (no daemon needed).
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List a year's days off and swapped working days, official or provisional, with their sources.")

    @OptionGroup var office: OfficeOptions

    @Argument(help: "The year (default: this year in the office's time zone).")
    var year: Int?

    func run() throws {
        let context = try OfficeContext(office)
        let sources = CalendarSources(office: context.config, configPath: office.config, stateDirectory: context.paths.directory)
        let calendar: WorkingCalendar
        switch sources.load() {
        case .success(let loaded): calendar = loaded
        case .failure(let errors):
            FileHandle.standardError.write(Data("kioskctl: the working-day calendar is invalid:\n\(errors)\n".utf8))
            throw ExitCode(2)
        }
        let year = year ?? context.clock.today.year
        guard let yearCalendar = calendar.calendar(ofYear: year) else {
            FileHandle.standardError.write(Data("kioskctl: \(CalendarError.yearNotCovered(year))\n".utf8))
            throw ExitCode(1)
        }
        print(Self.text(yearCalendar, file: sources.origins(of: calendar)[year]))
    }

    static func text(_ calendar: YearCalendar, file: String?) -> String {
        var lines = [Texts.calendarOfYear(calendar.year, official: !calendar.isProvisional)]
        if let file { lines.append(Texts.calendarFile(file)) }
        if calendar.isProvisional { lines.append(Texts.provisionalExplained) }
        lines.append("\(Texts.daysOff):")
        for dayOff in calendar.daysOff {
            lines.append("  \(dayOff.day.weekday.vietnameseName) \(dayOff.day.vietnameseNumeric)  [\(dayOff.kind.vietnamese)]  \(dayOff.entry.note)")
            lines.append("      \(Texts.source): \(dayOff.entry.source)")
        }
        if calendar.daysOff.isEmpty { lines.append("  \(Texts.none)") }
        lines.append("\(Texts.swappedWorkingDays):")
        for entry in calendar.workingDays {
            lines.append("  \(entry.day.weekday.vietnameseName) \(entry.day.vietnameseNumeric)  \(entry.note)")
            lines.append("      \(Texts.source): \(entry.source)")
        }
        if calendar.workingDays.isEmpty { lines.append("  \(Texts.none)") }
        return lines.joined(separator: "\n")
    }
}
