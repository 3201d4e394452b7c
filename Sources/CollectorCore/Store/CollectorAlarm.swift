import Foundation

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
    /// How many times it was raised, and when first and last (nil before it is stored; as JSON,
    /// `CollectorTime`'s text, or empty).
    public var seen: Int
    public var firstSeen: Date?
    public var lastSeen: Date?

    /// As `collectord alarms --json` prints it: how many times it was raised is `count`.
    enum CodingKeys: String, CodingKey {
        case kiosk, day, kind, detail, firstSeen, lastSeen
        case seen = "count"
    }

    public init(kiosk: String, day: String, kind: Kind, detail: String, seen: Int = 1, firstSeen: Date? = nil, lastSeen: Date? = nil) {
        self.kiosk = kiosk
        self.day = day
        self.kind = kind
        self.detail = detail
        self.seen = seen
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func time(_ key: CodingKeys) throws -> Date? {
            let text = try container.decode(String.self, forKey: key)
            guard !text.isEmpty else { return nil }
            guard let date = CollectorTime.date(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        self.init(
            kiosk: try container.decode(String.self, forKey: .kiosk), day: try container.decode(String.self, forKey: .day),
            kind: try container.decode(Kind.self, forKey: .kind), detail: try container.decode(String.self, forKey: .detail),
            seen: try container.decode(Int.self, forKey: .seen), firstSeen: try time(.firstSeen), lastSeen: try time(.lastSeen))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kiosk, forKey: .kiosk)
        try container.encode(day, forKey: .day)
        try container.encode(kind, forKey: .kind)
        try container.encode(detail, forKey: .detail)
        try container.encode(seen, forKey: .seen)
        try container.encode(firstSeen.map(CollectorTime.text) ?? "", forKey: .firstSeen)
        try container.encode(lastSeen.map(CollectorTime.text) ?? "", forKey: .lastSeen)
    }

    /// The alarms of one batch with repeats counted, in first-raised order: one upsert per alarm
    /// (PostgreSQL refuses to update one row twice in one statement).
    package static func counted(_ alarms: [CollectorAlarm]) -> [CollectorAlarm] {
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
