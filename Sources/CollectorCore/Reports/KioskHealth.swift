import KioskCore

/// How one kiosk is doing as the collector sees it.
public struct KioskHealth: Sendable, Equatable {
    public var kiosk: String
    public var officeCode: String
    public var officeName: String
    public var district: String
    public var province: String
    public var revoked: Bool
    /// The last day stored from it, nil if none yet.
    public var lastDay: String?
    /// Stored days that arrived before the day before them (`gap`) or do not chain (`broken`).
    public var gaps: Int
    public var broken: Int
    /// Days that started its chain again (`restart`).
    public var restarts: Int
    public var alarms: Int
    public var printerFaults: Int
    /// The first day stored from it, and how many are stored.
    public var firstDay: String?
    public var storedDays: Int

    public init(
        kiosk: String, officeCode: String, officeName: String, district: String, province: String, revoked: Bool, lastDay: String?,
        gaps: Int, broken: Int, restarts: Int = 0, alarms: Int, printerFaults: Int, firstDay: String? = nil, storedDays: Int = 0
    ) {
        self.kiosk = kiosk
        self.officeCode = officeCode
        self.officeName = officeName
        self.district = district
        self.province = province
        self.revoked = revoked
        self.lastDay = lastDay
        self.gaps = gaps
        self.broken = broken
        self.restarts = restarts
        self.firstDay = firstDay
        self.storedDays = storedDays
        self.alarms = alarms
        self.printerFaults = printerFaults
    }

    /// Days between its first and last stored day that are not stored: a kiosk seals every day,
    /// so each one is missing, whatever the links of the days around it say.
    public var missingDays: Int {
        guard let firstDay, let lastDay, let first = LocalDay(firstDay), let last = LocalDay(lastDay) else { return 0 }
        return max(0, last.daysSinceEpoch - first.daysSinceEpoch + 1 - storedDays)
    }

    /// Nights without a push: a kiosk whose last stored day is `today - 1` is up to date (0).
    public func silentNights(today: LocalDay) -> Int? {
        guard let lastDay, let last = LocalDay(lastDay) else { return nil }
        return max(0, today.daysSinceEpoch - last.daysSinceEpoch - 1)
    }
}
