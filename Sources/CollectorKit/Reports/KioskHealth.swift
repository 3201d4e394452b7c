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
    public var alarms: Int
    public var printerFaults: Int

    public init(
        kiosk: String, officeCode: String, officeName: String, district: String, province: String, revoked: Bool, lastDay: String?,
        gaps: Int, broken: Int, alarms: Int, printerFaults: Int
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
        self.alarms = alarms
        self.printerFaults = printerFaults
    }

    /// Nights without a push: a kiosk whose last stored day is `today - 1` is up to date (0).
    public func silentNights(today: LocalDay) -> Int? {
        guard let lastDay, let last = LocalDay(lastDay) else { return nil }
        return max(0, today.daysSinceEpoch - last.daysSinceEpoch - 1)
    }
}
