import Foundation
import KioskCore

/// The year files kioskd should use: the shipped directory's (`kiosk-config/calendar`), with any
/// year the collector sent (`kioskctl push` installs them in the state directory's `calendar/`,
/// each with a signed `YYYY.sig.json` beside it) taking the shipped file's place. For kioskd's
/// start and its calendar reload, which build the `WorkingCalendar` from these.
public enum InstalledCalendars {
    /// Every `YYYY.toml` of both directories, read by `CalendarFile.years(inDirectory:required:)`:
    /// the shipped one must hold at least one file; a missing installed directory is no calendar
    /// from the collector yet. Issues of both are reported together. Oldest year first.
    public static func years(shipped: String, installed: String) -> Result<[YearCalendar], ConfigErrors> {
        let shippedYears = CalendarFile.years(inDirectory: shipped, required: true)
        let installedYears = CalendarFile.years(inDirectory: installed, required: false)
        switch (shippedYears, installedYears) {
        case (.success(let shipped), .success(let installed)):
            var byYear = Dictionary(shipped.map { ($0.year, $0) }, uniquingKeysWith: { $1 })
            for year in installed { byYear[year.year] = year }
            return .success(byYear.keys.sorted().map { byYear[$0]! })
        case (.failure(let errors), .success), (.success, .failure(let errors)):
            return .failure(errors)
        case (.failure(let first), .failure(let second)):
            return .failure(ConfigErrors(first.issues + second.issues))
        }
    }
}
