import Foundation
import KioskCore
import TOMLKit

/// Reads the working-day calendar files (`calendar/YYYY.toml`, TOML) into `YearCalendar`s and a
/// `WorkingCalendar`, collecting every error with file, key and expectation.
public enum CalendarFile {
    /// Loads one year's file. Its name must be `YYYY.toml`, and its `year` key must say the same year.
    public static func load(path: String) -> Result<YearCalendar, ConfigErrors> {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let fileNameYear = YearCalendarDecoder.year(fromFileName: name) else {
            return .failure(ConfigErrors([misnamed(path)]))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return .failure(ConfigErrors([ConfigIssue(file: path, key: "", message: "cannot read the file: \(TOMLTree.describe(error))")]))
        }
        return parse(text, file: path, fileNameYear: fileNameYear)
    }

    /// Parses a calendar file's text; `file` names it in every issue.
    public static func parse(_ text: String, file: String, fileNameYear: Int? = nil) -> Result<YearCalendar, ConfigErrors> {
        TOMLTree.parse(text, file: file).flatMap { YearCalendarDecoder.decode($0, file: file, fileNameYear: fileNameYear) }
    }

    /// Loads every `*.toml` file of a directory (other files, such as a README, are left alone)
    /// into one calendar. Issues of all files are reported together; a `.toml` file not named
    /// `YYYY.toml` is an issue, and so is a directory without any calendar file. With
    /// `provisional`, years without a file get a provisional calendar (see `WorkingCalendar`).
    public static func loadDirectory(
        path: String, weekend: Set<LocalDay.Weekday> = YearCalendarDecoder.nationalWeekend, provisional: ProvisionalYearBuilder? = nil
    ) -> Result<WorkingCalendar, ConfigErrors> {
        years(inDirectory: path, required: true).flatMap { years in
            do {
                return .success(try WorkingCalendar(years, weekend: weekend, provisional: provisional))
            } catch {
                // Unreachable: file names, and so years, are unique in a directory.
                return .failure(ConfigErrors([ConfigIssue(file: path, key: "", message: "\(error)")]))
            }
        }
    }

    /// The year files of a directory, each checked by `load`, every issue of every file reported
    /// together, in file-name order. A `required` directory must exist and hold at least one
    /// `YYYY.toml`; one that is not required may be missing or empty.
    public static func years(inDirectory path: String, required: Bool) -> Result<[YearCalendar], ConfigErrors> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            if !required && !FileManager.default.fileExists(atPath: path) { return .success([]) }
            return .failure(ConfigErrors([ConfigIssue(file: path, key: "", message: "cannot read the calendar directory: \(TOMLTree.describe(error))")]))
        }
        let tomlNames = names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
        guard !tomlNames.isEmpty || !required else {
            return .failure(ConfigErrors([
                ConfigIssue(file: path, key: "", message: "expected at least one calendar file named YYYY.toml (e.g. 2026.toml), found none")
            ]))
        }
        var issues: [ConfigIssue] = []
        var years: [YearCalendar] = []
        for name in tomlNames {
            switch load(path: URL(fileURLWithPath: path).appendingPathComponent(name).path) {
            case .success(let year): years.append(year)
            case .failure(let errors): issues += errors.issues
            }
        }
        return issues.isEmpty ? .success(years) : .failure(ConfigErrors(issues))
    }

    private static func misnamed(_ path: String) -> ConfigIssue {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return ConfigIssue(file: path, key: "", message: "expected a calendar file named YYYY.toml after its year (e.g. 2026.toml), found \"\(name)\"")
    }

}
