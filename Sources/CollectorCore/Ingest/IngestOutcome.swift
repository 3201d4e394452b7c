/// What the store did with a verified day.
public enum IngestOutcome: Sendable, Equatable {
    /// New: stored, with how it links to the kiosk's previous day.
    case stored(ChainLink)
    /// The same bytes were already stored: nothing changed.
    case identical
    /// Different bytes for a day already stored: rejected and recorded as a tamper alarm.
    case conflict(storedHash: String)
    /// The kiosk's registration is no longer the one the day was checked against (registered again
    /// with another key or office, or revoked, since the collector read it): nothing stored; check again.
    case registrationChanged
}

/// How a stored day links to the day before it from the same kiosk.
public enum ChainLink: String, Codable, Sendable, Equatable {
    /// `previous` is the hash of the stored day before.
    case linked
    /// The kiosk's first day (`previous` is empty).
    case first
    /// The day before has not arrived (yet): accepted and flagged.
    case gap
    /// `previous` differs from the stored day before: accepted, flagged and raised as an alarm.
    case broken
    /// Claims to start the kiosk's chain (`previous` is empty) though the kiosk has an earlier day:
    /// its chain started again (its state lost, or someone else's key). Accepted, flagged and
    /// raised as an alarm, as days before it may be missing without a gap to show it.
    case restart
}
