import KioskCore

/// The decisions for a batch of verified days, in arrival order, from the stored neighbours of
/// all of them: what to insert (with its link), which stored days' links to mend, which alarms to
/// raise, and each push's answer. Days of the same batch see each other as if stored one by one.
package struct BatchPlan {
    package struct Key: Hashable {
        package var kiosk: String
        package var day: LocalDay

        package init(kiosk: String, day: LocalDay) {
            self.kiosk = kiosk
            self.day = day
        }
    }

    package var outcomes: [IngestOutcome] = []
    package var inserts: [(day: VerifiedDay, link: ChainLink)] = []
    /// Links of days stored before this batch that change now.
    package var linkUpdates: [Key: ChainLink] = [:]
    package var alarms: [CollectorAlarm] = []

    /// The kiosks whose registrations a batch must confirm.
    package static func kiosks(_ days: [VerifiedDay]) -> [String] {
        Array(Set(days.map(\.kiosk.id))).sorted()
    }

    /// The stored days a batch needs to know: each day, the day before and the day after.
    package static func neighbourKeys(_ days: [VerifiedDay]) -> Set<Key> {
        var keys: Set<Key> = []
        for day in days {
            for offset in -1...1 { keys.insert(Key(kiosk: day.kiosk.id, day: day.tallies.day.adding(days: offset)!)) }
        }
        return keys
    }

    /// The same as spans of days per kiosk, for a store that reads a range more cheaply than
    /// separate days: from the day before the kiosk's first day in the batch to the day after its last.
    package static func neighbourSpans(_ days: [VerifiedDay]) -> [(kiosk: String, first: LocalDay, last: LocalDay)] {
        var spans: [String: (first: LocalDay, last: LocalDay)] = [:]
        for day in days {
            let date = day.tallies.day
            if let span = spans[day.kiosk.id] {
                spans[day.kiosk.id] = (min(span.first, date), max(span.last, date))
            } else {
                spans[day.kiosk.id] = (date, date)
            }
        }
        return spans.map { ($0.key, $0.value.first.adding(days: -1)!, $0.value.last.adding(days: 1)!) }
    }

    /// - Parameters:
    ///   - earliest: each of the batch's kiosks' earliest stored day (none for a kiosk with none).
    ///   - registered: the batch's kiosks as registered now, read in the transaction; nil when the
    ///     caller checked the registrations itself in the same transaction.
    package init(
        _ days: [VerifiedDay], stored: [Key: IngestPlan.Neighbour], earliest earliestDays: [String: IngestPlan.Earliest] = [:],
        registered: [String: KioskRegistration]? = nil
    ) {
        var known = stored
        var earliest = earliestDays
        var insertIndex: [Key: Int] = [:]
        for day in days {
            if let registered, registered[day.kiosk.id] != day.kiosk {
                outcomes.append(.registrationChanged)
                continue
            }
            let key = Key(kiosk: day.kiosk.id, day: day.tallies.day)
            let next = Key(kiosk: key.kiosk, day: key.day.adding(days: 1)!)
            let plan = IngestPlan.decide(
                day, existing: known[key], before: known[Key(kiosk: key.kiosk, day: key.day.adding(days: -1)!)], after: known[next],
                earliest: earliest[key.kiosk])
            outcomes.append(plan.outcome)
            switch plan.outcome {
            case .stored(let link):
                known[key] = IngestPlan.Neighbour(hash: day.hash, previous: day.tallies.previous, link: link)
                insertIndex[key] = inserts.count
                inserts.append((day, link))
                if let nextLink = plan.nextDayLink { relink(next, nextLink, &known, insertIndex) }
                if let restarted = plan.restartedFirst { relink(Key(kiosk: key.kiosk, day: restarted), .restart, &known, insertIndex) }
                if earliest[key.kiosk].map({ key.day < $0.day }) ?? true {
                    earliest[key.kiosk] = IngestPlan.Earliest(day: key.day, link: link)
                }
                alarms += plan.alarms
            case .conflict(let storedHash):
                alarms.append(CollectorAlarm(
                    kiosk: key.kiosk, day: key.day.description, kind: .tamper,
                    detail: "different figures pushed for a sealed day: stored SHA-256 \(storedHash), pushed \(day.hash)"))
            case .identical, .registrationChanged:
                break
            }
        }
    }

    /// A stored day's link changes: in this batch's inserts if it is one of them, else as an update.
    private mutating func relink(_ changed: Key, _ link: ChainLink, _ known: inout [Key: IngestPlan.Neighbour], _ insertIndex: [Key: Int]) {
        known[changed]?.link = link
        if let index = insertIndex[changed] {
            inserts[index].link = link
        } else {
            linkUpdates[changed] = link
        }
    }
}
