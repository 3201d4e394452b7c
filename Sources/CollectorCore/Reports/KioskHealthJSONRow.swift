import KioskCore

/// A kiosk's health as `collectord health --json` prints it. A kiosk that has never pushed has
/// `lastDay` and `silentNights` null: written out, so every row has the same keys.
public struct KioskHealthJSONRow: Codable, Sendable, Equatable {
    public var kiosk: String
    /// The office code.
    public var office: String
    public var district: String
    public var province: String
    public var revoked: Bool
    public var lastDay: String?
    public var silentNights: Int?
    public var gaps: Int
    public var broken: Int
    public var restarts: Int
    public var missingDays: Int
    public var alarms: Int
    public var printerFaults: Int

    public init(_ health: KioskHealth, today: LocalDay) {
        kiosk = health.kiosk
        office = health.officeCode
        district = health.district
        province = health.province
        revoked = health.revoked
        lastDay = health.lastDay
        silentNights = health.silentNights(today: today)
        gaps = health.gaps
        broken = health.broken
        restarts = health.restarts
        missingDays = health.missingDays
        alarms = health.alarms
        printerFaults = health.printerFaults
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kiosk, forKey: .kiosk)
        try container.encode(office, forKey: .office)
        try container.encode(district, forKey: .district)
        try container.encode(province, forKey: .province)
        try container.encode(revoked, forKey: .revoked)
        // `encode`, not `encodeIfPresent`: nil is written as null.
        try container.encode(lastDay, forKey: .lastDay)
        try container.encode(silentNights, forKey: .silentNights)
        try container.encode(gaps, forKey: .gaps)
        try container.encode(broken, forKey: .broken)
        try container.encode(restarts, forKey: .restarts)
        try container.encode(missingDays, forKey: .missingDays)
        try container.encode(alarms, forKey: .alarms)
        try container.encode(printerFaults, forKey: .printerFaults)
    }
}
