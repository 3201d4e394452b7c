/// Where a year's calendar comes from.
public enum CalendarOrigin: String, Sendable, Hashable, CustomStringConvertible {
    /// A calendar file (`calendar/YYYY.toml`) written from the Government's decisions for the year.
    case official
    /// Computed from the Labour Code alone (`ProvisionalYearBuilder`) because no file for the year
    /// was loaded: the holidays the law fixes are right, but the Prime Minister's choices (which
    /// days around Tết, which day beside 2/9, any swapped days) are a rule's guess until the
    /// official file replaces it.
    case provisional

    /// "chính thức" / "tạm tính".
    public var vietnamese: String {
        switch self {
        case .official: "chính thức"
        case .provisional: "tạm tính"
        }
    }

    public var description: String { rawValue }
}
