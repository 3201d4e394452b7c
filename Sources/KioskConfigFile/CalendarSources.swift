import Foundation
import KioskCore

/// Where kioskd and `kioskctl calendar` read the working-day calendar: the office's calendar
/// directory (the files shipped with the appliance) and the state directory's `calendar/` (files
/// installed from the collector), an installed file replacing the shipped one of its year
/// (`InstalledCalendars`). Every year 1900–2100 with neither is provisional.
public struct CalendarSources: Sendable, Equatable {
    /// The office file's `[calendar] directory`, resolved against the office file's directory.
    public let shipped: String
    /// `<state directory>/calendar`; it need not exist.
    public let installed: String

    public init(shipped: String, installed: String) {
        self.shipped = shipped
        self.installed = installed
    }

    /// The sources of an office file at `configPath`, with kioskd's state directory.
    public init(office: OfficeConfig, configPath: String, stateDirectory: String) {
        let base = URL(fileURLWithPath: configPath).deletingLastPathComponent()
        shipped =
            office.calendarDirectory.hasPrefix("/")
            ? office.calendarDirectory : base.appendingPathComponent(office.calendarDirectory).standardized.path
        installed = URL(fileURLWithPath: stateDirectory).appendingPathComponent("calendar").path
    }

    /// Both directories (`InstalledCalendars`), every problem of every file reported together;
    /// the installed directory may be missing.
    public func load(
        provisional: ProvisionalYearBuilder? = ProvisionalYearBuilder(weekend: YearCalendarDecoder.nationalWeekend)
    ) -> Result<WorkingCalendar, ConfigErrors> {
        InstalledCalendars.years(shipped: shipped, installed: installed).flatMap { years in
            do {
                return .success(try WorkingCalendar(years, weekend: YearCalendarDecoder.nationalWeekend, provisional: provisional))
            } catch {
                // Unreachable: one calendar per year by construction.
                return .failure(ConfigErrors([ConfigIssue(file: shipped, key: "", message: "\(error)")]))
            }
        }
    }

    /// Where each official year was read from: the installed file when there is one.
    public func origins(of calendar: WorkingCalendar) -> [Int: String] {
        var paths: [Int: String] = [:]
        for directory in [shipped, installed] {
            for path in Self.files(in: directory) {
                if let year = YearCalendarDecoder.year(fromFileName: URL(fileURLWithPath: path).lastPathComponent),
                    calendar.official[year] != nil
                {
                    paths[year] = path
                }
            }
        }
        return paths
    }

    /// The `.toml` files of a directory (a README or a stamp beside them is left alone).
    static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
            .map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }
    }
}
