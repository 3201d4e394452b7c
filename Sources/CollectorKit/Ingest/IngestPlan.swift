/// The decision for one verified day, from what the store holds around it: the same day (if
/// any), the day before and the day after from the same kiosk. Pure, so that SQLite and PostgreSQL
/// decide alike; each store reads the neighbours and applies the plan in one transaction.
public struct IngestPlan: Sendable, Equatable {
    public struct Neighbour: Sendable, Equatable {
        public var hash: String
        public var previous: String
        public var link: ChainLink

        public init(hash: String, previous: String, link: ChainLink) {
            self.hash = hash
            self.previous = previous
            self.link = link
        }
    }

    public var outcome: IngestOutcome
    /// A new link for the stored day after, now that its day before has arrived.
    public var nextDayLink: ChainLink?
    public var alarms: [CollectorAlarm]

    public static func decide(
        _ day: VerifiedDay, existing: Neighbour?, before: Neighbour?, after: Neighbour?
    ) -> IngestPlan {
        let kiosk = day.kiosk.id
        let date = day.tallies.day
        if let existing {
            return existing.hash == day.hash
                ? IngestPlan(outcome: .identical, nextDayLink: nil, alarms: [])
                : IngestPlan(outcome: .conflict(storedHash: existing.hash), nextDayLink: nil, alarms: [])
        }
        var alarms: [CollectorAlarm] = []
        let link: ChainLink
        if day.tallies.previous.isEmpty {
            link = .first
        } else if let before {
            link = before.hash == day.tallies.previous ? .linked : .broken
            if link == .broken {
                alarms.append(CollectorAlarm(
                    kiosk: kiosk, day: date.description, kind: .chainBreak,
                    detail: "previous \(day.tallies.previous) is not the stored \(date.adding(days: -1)!) (SHA-256 \(before.hash))"))
            }
        } else {
            link = .gap
        }
        var nextDayLink: ChainLink?
        if let after, after.link == .gap {
            nextDayLink = after.previous == day.hash ? .linked : .broken
            if nextDayLink == .broken {
                let next = date.adding(days: 1)!
                alarms.append(CollectorAlarm(
                    kiosk: kiosk, day: next.description, kind: .chainBreak,
                    detail: "previous \(after.previous) is not the later-arrived \(date) (SHA-256 \(day.hash))"))
            }
        }
        return IngestPlan(outcome: .stored(link), nextDayLink: nextDayLink, alarms: alarms)
    }
}
