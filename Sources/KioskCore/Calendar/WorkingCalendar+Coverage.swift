extension WorkingCalendar {
    /// The first month in which next year's missing official calendar is warned about: offices
    /// then have the last quarter to install it, and dossiers of 60 working days or more received
    /// from October already end in next year.
    public static let warningMonth = 10

    /// The year whose official calendar is missing and should be installed, seen on `today`: this
    /// year without a file, or, from 1 October, next year without one; nil when both are there.
    public func missingOfficialYear(on today: LocalDay) -> Int? {
        let official = Set(officialYears)
        if !official.contains(today.year) { return today.year }
        if today.month >= Self.warningMonth && !official.contains(today.year + 1) { return today.year + 1 }
        return nil
    }
}
