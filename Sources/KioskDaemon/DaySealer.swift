import Foundation
import KioskCore
import KioskProtocol
import KioskSeal
import KioskStore
import Logging
import Synchronization

/// Seals finished days into the outbox: at start-up (any day missed while the kiosk was off) and
/// then whenever the office's clock passes `[sync] seal_at`. Checks once a minute against the wall
/// clock rather than sleeping until the seal time, so a clock set right or a suspended box does
/// not skip a day.
final class DaySealer: Sendable {
    private let config: OfficeConfig
    private let store: KioskDatabase
    private let keyPath: String
    private let schedule: SealSchedule
    private let logger: Logger
    private let clock: OfficeClock
    private let publish: @Sendable ([DaemonEvent]) -> Void
    private let timer = RepeatingTimer(label: "kiosk-seal")
    private let state = Mutex(State())

    private struct State {
        var nextDue: Date?
        var warnedNotEnrolled = false
    }

    init(
        config: OfficeConfig, store: KioskDatabase, keyPath: String, logger: Logger,
        clock: OfficeClock, publish: @escaping @Sendable ([DaemonEvent]) -> Void
    ) {
        self.config = config
        self.store = store
        self.keyPath = keyPath
        schedule = SealSchedule(timeZone: clock.timeZone, sealAt: config.sync.sealAt)
        self.logger = logger
        self.clock = clock
        self.publish = publish
    }

    func start() {
        timer.start(every: 60) { [self] in sealIfDue() }
    }

    /// Stops the timer and waits for a seal in progress to finish.
    func stop() {
        timer.stop()
    }

    /// Seals what is due now (for `kioskctl seal`, after enrolling); the days sealed, or why not.
    func sealNow() -> Result<[SealedDayRecord], SealFailure> {
        timer.queue.sync { seal(now: clock.now()) }
    }

    private func sealIfDue() {
        let now = clock.now()
        if let due = state.withLock({ $0.nextDue }), now < due { return }
        switch seal(now: now) {
        case .success: break
        case .failure(.notEnrolled(let reason)):
            let first = state.withLock { state in
                defer { state.warnedNotEnrolled = true }
                return !state.warnedNotEnrolled
            }
            if first {
                logger.warning("days are not sealed yet: \(reason). They are kept and will be sealed once the kiosk has its key.")
            }
        case .failure(.store(let reason)):
            logger.error("sealing days failed, will try again in a minute: \(reason)")
        }
    }

    /// Runs on the timer's queue.
    private func seal(now: Date) -> Result<[SealedDayRecord], SealFailure> {
        let key: KioskSigningKey
        do {
            key = try KioskSigningKey(contentsOf: keyPath)
        } catch {
            return .failure(.notEnrolled(error.description))
        }
        do {
            let sealed = try store.sealDays(
                kiosk: config.sync.kioskID, office: config.office.code, schedule: schedule, now: now, sign: key.seal)
            for record in sealed {
                logger.notice("sealed \(record.day) (SHA-256 \(record.hash.prefix(16))…) into the outbox")
            }
            if !sealed.isEmpty {
                publish(sealed.map { .daySealed(day: $0.day.description, hash: $0.hash) })
            }
            state.withLock { $0.nextDue = schedule.nextSealTime(after: now) }
            return .success(sealed)
        } catch {
            return .failure(.store("\(error)"))
        }
    }
}

enum SealFailure: Error {
    case notEnrolled(String)
    case store(String)
}
