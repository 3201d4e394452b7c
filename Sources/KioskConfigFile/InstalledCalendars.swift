import Foundation
import KioskCore

/// The year files kioskd should use: the shipped directory's (`kiosk-config/calendar`), with any
/// year the collector sent (`kioskctl push` installs them in the state directory's `calendar/`,
/// each with a signed `YYYY.sig.json` beside it) taking the shipped file's place. For kioskd's
/// start and its calendar reload, which build the `WorkingCalendar` from these.
public enum InstalledCalendars {
    /// Every `YYYY.toml` of both directories, checked as `CalendarFile.load` checks one; a missing
    /// installed directory is no calendar from the collector yet. Oldest year first.
    public static func years(shipped: String, installed: String) -> Result<[YearCalendar], ConfigErrors> {
        var issues: [ConfigIssue] = []
        var byYear: [Int: YearCalendar] = [:]
        for (directory, optional) in [(shipped, false), (installed, true)] {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                if optional && !FileManager.default.fileExists(atPath: directory) { continue }
                issues.append(ConfigIssue(file: directory, key: "", message: "cannot read the calendar directory: \(error.localizedDescription)"))
                continue
            }
            for name in names.filter({ $0.hasSuffix(".toml") && !$0.hasPrefix(".") }).sorted() {
                switch CalendarFile.load(path: URL(fileURLWithPath: directory).appendingPathComponent(name).path) {
                case .success(let year): byYear[year.year] = year
                case .failure(let errors): issues += errors.issues
                }
            }
        }
        guard issues.isEmpty else { return .failure(ConfigErrors(issues)) }
        return .success(byYear.keys.sorted().map { byYear[$0]! })
    }
}
