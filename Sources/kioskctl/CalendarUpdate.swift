import Foundation
import KioskProtocol
import KioskSeal
import KioskSync

/// The calendar part of `kioskctl push`: with `[sync] collector_key`, fetch the collector's newer
/// calendar files, install those that pass the checks, print what happened (refusals on stderr,
/// so the journal has them), then ask kioskd to take them up.
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
        if !report.installed.isEmpty { await reloadCalendars(context) }
        if report.unreachable { return 75 }
        return report.refused.isEmpty && report.failure == nil ? 0 : 1
    }

    /// The hook that should make kioskd take up newly installed calendars without a restart: the
    /// control socket has no `reload-calendars` request yet (another change brings it), so for now
    /// it only says when kioskd will read them.
    static func reloadCalendars(_ context: OfficeContext) async {
        print(Texts.calendarReloadPending)
    }

    private static func complain(_ text: String) {
        FileHandle.standardError.write(Data("kioskctl: \(text)\n".utf8))
    }
}
