import KioskProtocol
import KioskStore

/// What handling one input action asks of the rest of the daemon, once its commit is done.
struct InputOutcome {
    var events: [DaemonEvent] = []
    /// A ticket committed, to print.
    var ticketToPrint: StoredTicket?
    /// The device whose LED tells the citizen or the staff member that the press counted.
    var acknowledge: Int?
    /// Something was written to the store: it takes writes again, if it had stopped.
    var committed = false
    /// The commit failed: nothing was counted or issued, and nothing is to be told.
    var failure: Failure?
    /// A commit of speech mode failed: it is logged and the store's state told, while what speech
    /// mode says about it (and anything committed before it) still happens.
    var storeFailure: Failure?

    struct Failure {
        /// The log line, which names the device only (see `InputRouter.describe`).
        let message: String
        let error: any Error
    }

    /// The tickets called to a counter: each is announced in the hall.
    var calls: [(number: String, counterNumber: Int)] {
        events.compactMap { event in
            if case .ticketCalled(_, let counterNumber, let number, _, _) = event { (number, counterNumber) } else { nil }
        }
    }

    /// Adds what another part of the same action asks (speech mode's several events in one).
    mutating func add(_ other: InputOutcome) {
        events += other.events
        ticketToPrint = ticketToPrint ?? other.ticketToPrint
        acknowledge = acknowledge ?? other.acknowledge
        committed = committed || other.committed
        failure = failure ?? other.failure
        storeFailure = storeFailure ?? other.storeFailure
    }
}
