/// Something district staff must look at: a kiosk pushed different figures for a day already
/// stored (`tamper`), a day whose `previous` does not match the stored day before (`chain-break`),
/// or a second start of a kiosk's chain (`chain-restart`).
/// The same alarm raised again (the same conflicting push repeated) is counted on one alarm, with
/// when it was first and last seen, so that one kiosk pushing in a loop cannot flood the list.
public struct CollectorAlarm: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case tamper
        case chainBreak = "chain-break"
        case chainRestart = "chain-restart"
    }

    public var kiosk: String
    public var day: String
    public var kind: Kind
    public var detail: String
    /// How many times it was raised, and when first and last (as stored; empty before it is).
    public var seen: Int
    public var firstSeen: String
    public var lastSeen: String

    /// As `collectord alarms --json` prints it: how many times it was raised is `count`.
    enum CodingKeys: String, CodingKey {
        case kiosk, day, kind, detail, firstSeen, lastSeen
        case seen = "count"
    }

    public init(kiosk: String, day: String, kind: Kind, detail: String, seen: Int = 1, firstSeen: String = "", lastSeen: String = "") {
        self.kiosk = kiosk
        self.day = day
        self.kind = kind
        self.detail = detail
        self.seen = seen
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// The alarms of one batch with repeats counted, in first-raised order: one upsert per alarm
    /// (PostgreSQL refuses to update one row twice in one statement).
    static func counted(_ alarms: [CollectorAlarm]) -> [CollectorAlarm] {
        var order: [CollectorAlarm] = []
        var index: [[String]: Int] = [:]
        for alarm in alarms {
            let key = [alarm.kiosk, alarm.day, alarm.kind.rawValue, alarm.detail]
            if let at = index[key] {
                order[at].seen += alarm.seen
            } else {
                index[key] = order.count
                order.append(alarm)
            }
        }
        return order
    }
}
