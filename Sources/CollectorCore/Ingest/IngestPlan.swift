import KioskCore

/// The decision for one verified day, from what the store holds around it: the same day (if
/// any), the day before and the day after from the same kiosk, and the kiosk's earliest day. Pure,
/// so that SQLite and PostgreSQL decide alike; each store reads the neighbours and applies the
/// plan in one transaction.
///
/// A chain starts once: a day with an empty `previous` after the kiosk's earliest day is a
/// restart, and when a day earlier than the kiosk's first arrives, that first is one.
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

    /// The kiosk's earliest stored day and its link.
    public struct Earliest: Sendable, Equatable {
        public var day: LocalDay
        public var link: ChainLink

        public init(day: LocalDay, link: ChainLink) {
            self.day = day
            self.link = link
        }
    }

    public var outcome: IngestOutcome
    /// A new link for the stored day after, now that its day before has arrived.
    public var nextDayLink: ChainLink?
    /// The kiosk's stored first day, now that an earlier day has arrived: it becomes a restart.
    public var restartedFirst: LocalDay?
    public var alarms: [CollectorAlarm]

    public init(outcome: IngestOutcome, nextDayLink: ChainLink?, restartedFirst: LocalDay? = nil, alarms: [CollectorAlarm]) {
        self.outcome = outcome
        self.nextDayLink = nextDayLink
        self.restartedFirst = restartedFirst
        self.alarms = alarms
    }

    public static func decide(
        _ day: VerifiedDay, existing: Neighbour?, before: Neighbour?, after: Neighbour?, earliest: Earliest? = nil
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
        if day.tallies.previous.isEmpty, let earliest, earliest.day < date {
            link = .restart
            alarms.append(CollectorAlarm(
                kiosk: kiosk, day: date.description, kind: .chainRestart,
                detail: "previous is empty, as for a first day, but the kiosk's days start on \(earliest.day)"))
        } else if day.tallies.previous.isEmpty {
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
        var restartedFirst: LocalDay?
        if let earliest, earliest.day > date, earliest.link == .first {
            restartedFirst = earliest.day
            alarms.append(CollectorAlarm(
                kiosk: kiosk, day: earliest.day.description, kind: .chainRestart,
                detail: "stored as the kiosk's first day, but the earlier \(date) has arrived"))
        }
        return IngestPlan(outcome: .stored(link), nextDayLink: nextDayLink, restartedFirst: restartedFirst, alarms: alarms)
    }
}
