import KioskConfigFile
import KioskCore
import KioskProtocol
import KioskSeal

/// Decides about one signed calendar before anything is written: the text must hash to the
/// file's `sha256`, the signature must be the collector key's over `SignedCalendar.message`, the
/// version must be newer than the installed one, and the text must be a calendar kioskd loads
/// (`CalendarFile.parse`, its year against the name `YYYY.toml` it will be installed under).
public enum CalendarCheck {
    public enum Verdict: Sendable, Equatable {
        case install
        /// The installed file is this very version.
        case alreadyInstalled
        case refuse(CalendarRefusal)
    }

    public static func verdict(_ calendar: SignedCalendar, collectorKey: KioskPublicKey, installed: CalendarStamp?) -> Verdict {
        guard SealHash.hex(of: Array(calendar.toml.utf8)) == calendar.sha256 else { return .refuse(.tampered) }
        guard collectorKey.isSignature(calendar.signature, of: calendar.message) else { return .refuse(.badSignature) }
        if let installed {
            if installed.version == calendar.version, installed.sha256 == calendar.sha256 { return .alreadyInstalled }
            guard calendar.version > installed.version else { return .refuse(.stale(installed: installed.version)) }
        }
        if case .failure(let errors) = CalendarFile.parse(calendar.toml, file: "\(calendar.year).toml", fileNameYear: calendar.year) {
            return .refuse(.invalid(errors.issues))
        }
        return .install
    }
}
