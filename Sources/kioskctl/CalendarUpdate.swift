import Foundation
import KioskControl
import KioskProtocol
import KioskSeal
import KioskSync

/// The calendar part of `kioskctl push`: with `[sync] collector_key`, fetch the collector's newer
/// calendar files, install those that pass the checks, print what happened (refusals on stderr,
/// so the journal has them), then ask a running kioskd to read its calendar files again.
enum CalendarUpdate {
    /// The exit status this part asks for: 0, 75 (collector unreachable), 1 (a file refused or not installed).
    static func run(_ context: OfficeContext, collector: String) async -> Int32 {
        guard let keyText = context.config.sync.collectorKey else { return 0 }
        guard let collectorKey = KioskPublicKey(base64: keyText) else {
            complain(Texts.calendarKeyUnusable)
            return 1
        }
        let signingKey: KioskSigningKey
        do {
            signingKey = try KioskSigningKey(contentsOf: context.paths.signingKey)
        } catch {
            complain(error.description)
            return 1
        }
        let shelf = CalendarShelf(stateDirectory: context.paths.directory)
        let report = await CalendarFetcher(
            collector: collector, kioskID: context.config.sync.kioskID, signingKey: signingKey, collectorKey: collectorKey, shelf: shelf
        ).fetch()
        for holding in report.installed { print(Texts.calendarInstalled(holding, path: shelf.tomlPath(year: holding.year))) }
        for refused in report.refused { complain(Texts.calendarRefused(refused)) }
        if let failure = report.failure { complain(Texts.calendarFailure(failure)) }
        if report.installed.isEmpty && report.refused.isEmpty && report.failure == nil { print(Texts.calendarsCurrent(report.had)) }
        let reloaded = report.installed.isEmpty ? true : reloadCalendars(context)
        if report.unreachable { return 75 }
        return report.refused.isEmpty && report.failure == nil && reloaded ? 0 : 1
    }

    /// Asks a running kioskd to read its calendar files again (`reload-calendars`), so a slip
    /// counts on the new file without a restart. kioskd not running, or an office without slips
    /// (no calendar in use), is not a problem: kioskd reads the files when it starts. False when
    /// kioskd refused the files (it keeps the calendar it had and says why).
    static func reloadCalendars(_ context: OfficeContext) -> Bool {
        guard context.config.slips != nil else { return true }
        do {
            switch try ControlClient.send(.reloadCalendars, socketPath: context.paths.controlSocket) {
            case .success(let calendar):
                print(Texts.calendarsReloaded(calendar))
                return true
            case .failure(let refusal):
                complain(Texts.calendarReloadRefused(refusal))
                return false
            }
        } catch {
            print(Texts.calendarReloadAtStart(error.description))
            return true
        }
    }

    private static func complain(_ text: String) {
        FileHandle.standardError.write(Data("kioskctl: \(text)\n".utf8))
    }
}
