import KioskProtocol

/// Which version an upload becomes: the same text as the year's latest version is not a new
/// version; anything else (a fix, or going back to an earlier text) is the latest plus one, so that
/// kiosks, which only take a newer version, take it.
public enum CalendarVersioning: Sendable, Equatable {
    case identical(SignedCalendar)
    case new(version: Int)

    public static func decide(_ upload: CalendarUpload, latest: SignedCalendar?) -> CalendarVersioning {
        guard let latest else { return .new(version: 1) }
        return latest.sha256 == upload.sha256 ? .identical(latest) : .new(version: latest.version + 1)
    }
}

/// What adding an upload did.
public enum CalendarAddition: Sendable, Equatable {
    case added(SignedCalendar)
    case identical(SignedCalendar)

    public var calendar: SignedCalendar {
        switch self {
        case .added(let calendar), .identical(let calendar): calendar
        }
    }
}
