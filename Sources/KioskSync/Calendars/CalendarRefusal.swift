import KioskCore

/// Why a kiosk refused a calendar file the collector sent; nothing is changed by a refused file.
public enum CalendarRefusal: Sendable, Equatable {
    /// The text's SHA-256 is not the one the file carries: altered on the way.
    case tampered
    /// The signature is not the configured collector key's signature of the file's year, version
    /// and hash: forged, altered, or signed by another key.
    case badSignature
    /// Older than the version installed, or the installed version number with other text.
    case stale(installed: Int)
    /// Signed, but not a calendar file kioskd would load (every problem with its key).
    case invalid([ConfigIssue])
}
