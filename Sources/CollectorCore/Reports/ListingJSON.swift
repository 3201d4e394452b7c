import KioskCore
import KioskProtocol

/// What `collectord days|alarms|health|kiosk list|user list|audit --json` print: one JSON array
/// per command, through the protocol's one codec.
public enum ListingJSON {
    public static func days(_ days: [StoredDaySummary]) -> String {
        ProtocolJSON.encode(days)
    }

    public static func alarms(_ alarms: [CollectorAlarm]) -> String {
        ProtocolJSON.encode(alarms)
    }

    public static func health(_ kiosks: [KioskHealth], today: LocalDay) -> String {
        ProtocolJSON.encode(kiosks.map { KioskHealthJSONRow($0, today: today) })
    }

    public static func kiosks(_ kiosks: [KioskRegistration]) -> String {
        ProtocolJSON.encode(kiosks)
    }

    public static func accounts(_ accounts: [StaffAccount]) -> String {
        ProtocolJSON.encode(accounts.map(StaffAccountJSONRow.init))
    }

    public static func audit(_ entries: [AuditEntry]) -> String {
        ProtocolJSON.encode(entries)
    }
}
