import Foundation
import KioskCore
import KioskProtocol
import KioskStore

/// The counters' queue keys. Each key loads the day's queue from the store (the one source of
/// truth, which the ticket terminals add to), applies the key (`QueueFloor`), commits what changed
/// and only then says what happened. A refused key changes nothing and says why, for the
/// counter's screen.
final class QueueDesk: Sendable {
    private let config: OfficeConfig
    private let store: KioskDatabase
    private let clock: OfficeClock

    init(config: OfficeConfig, store: KioskDatabase, clock: OfficeClock) {
        self.config = config
        self.store = store
        self.clock = clock
    }

    struct Outcome {
        var events: [DaemonEvent]
        /// The key finished a ticket: one rating is to be armed at the counter.
        var armsRating: Bool
        /// The service the finished ticket was served for: what that rating rates.
        var servedService: String?
    }

    /// - Throws: when the change could not be committed; then nothing happened.
    func handle(_ command: QueueCommand, counter: String) throws -> Outcome {
        let now = clock.now()
        let day = clock.numberingDay(of: now)
        let before = try floor(day: day)
        var after = before
        let changes: [QueueEvent]
        do {
            changes = try after.apply(command, at: counter, now: now)
        } catch {
            return Outcome(events: [.queueKeyRefused(counter: counter, message: error.description)], armsRating: false, servedService: nil)
        }
        try store.commitQueueChange(day: day, from: before, to: after, now: now)
        let served = changes.lazy.compactMap { change -> String? in
            if case .served(_, _, let service, _) = change { service } else { nil }
        }.first
        return Outcome(
            events: changes.compactMap { event(for: $0, on: after) }, armsRating: changes.contains(.ratingArmed(counter: counter)),
            servedService: served)
    }

    func floor(day: LocalDay) throws -> QueueFloor {
        try store.queueFloor(day: day, layout: config.queueLayout)
    }

    private func event(for change: QueueEvent, on floor: QueueFloor) -> DaemonEvent? {
        func number(_ id: QueueTicket.ID) -> String { floor.tickets[id]?.number.description ?? id.description }
        switch change {
        case .called(let id, let ticketNumber, let counter, let calls):
            return .ticketCalled(
                counter: counter, counterNumber: config.counter(id: counter)?.number ?? 0, number: ticketNumber.description,
                service: floor.tickets[id]?.waitingFor ?? id.service, calls: calls)
        case .serving(let id, let counter): return .ticketServing(counter: counter, number: number(id))
        case .served(let id, let counter, let service, let minutes):
            return .ticketServed(counter: counter, number: number(id), service: service, minutes: minutes)
        case .noShow(let id, let counter): return .ticketNoShow(counter: counter, number: number(id))
        case .transferred(let id, let service, let counter): return .ticketTransferred(number: number(id), toService: service, toCounter: counter)
        case .paused(let counter): return .counterPaused(counter: counter)
        case .resumed(let counter): return .counterResumed(counter: counter)
        case .ratingArmed: return nil  // the rating terminal says `armed` itself
        }
    }
}
