import Foundation
import Glibc
import KioskCore
import KioskProtocol
import KioskStore
import Logging
import Synchronization

/// Keeps the store's WAL small and says when what kioskd counts cannot be kept: a commit that
/// failed (a full or read-only disk) until one succeeds again, and free space running low.
///
/// Checkpoints at start and once a minute (a failed checkpoint is a warning: nothing is lost, the
/// WAL stays). A failed commit is told at once, on the screens (`storage-fault`), in the journal
/// and in `kioskctl status`; the next press that commits ends it (`storage-ready`), so counting
/// resumes by itself when space returns.
final class StorageWatch: Sendable {
    private let store: KioskDatabase
    private let directory: String
    private let logger: Logger
    private let publish: @Sendable ([DaemonEvent]) -> Void
    private let timer = RepeatingTimer(label: "kiosk-storage")
    private let state = Mutex(State())

    static let checkSeconds = 60

    private struct State {
        var failure: String?
        var toldLowSpace = false
    }

    init(store: KioskDatabase, directory: String, logger: Logger, publish: @escaping @Sendable ([DaemonEvent]) -> Void) {
        self.store = store
        self.directory = directory
        self.logger = logger
        self.publish = publish
    }

    func start() {
        timer.start(every: Self.checkSeconds) { [self] in check() }
    }

    func stop() {
        timer.stop()
    }

    /// Opens the store; on a disk too full even to open it (SQLite must create its WAL index),
    /// says so once and waits for room, opening it as soon as there is (systemd's start limit
    /// would give up on a kioskd that exited and was restarted meanwhile).
    static func openStore(path: String, directory: String, notifier: SystemdNotifier, logger: Logger) throws -> KioskDatabase {
        var told = false
        while true {
            do {
                let store = try KioskDatabase(path: path)
                if told { logger.notice("\(DaemonTexts.storingAgain.text)") }
                return store
            } catch {
                guard space(of: directory).free < minimumOpeningBytes else { throw error }
                if !told {
                    let message = DaemonTexts.cannotStore(reason: KioskDatabase.failureReason(error), directory: directory)
                    logger.error("\(message.text) \(DaemonTexts.waitingForRoom.text)")
                    notifier.status(message.english)
                    told = true
                }
                _ = notifier.send("EXTEND_TIMEOUT_USEC=\(Int(openRetrySeconds * 4_000_000))")
                notifier.watchdog()
                usleep(UInt32(openRetrySeconds * 1_000_000))
            }
        }
    }

    /// Less free space than this when the store cannot be opened: the disk is full.
    static let minimumOpeningBytes: UInt64 = 1 << 20
    static let openRetrySeconds = 1.0

    /// A press or ticket was committed.
    func stored() {
        let wasFailing = state.withLock { state in
            defer { state.failure = nil }
            return state.failure != nil
        }
        guard wasFailing else { return }
        logger.notice("\(DaemonTexts.storingAgain.text)")
        publish([.storageReady])
    }

    /// A commit failed: nothing of it was stored.
    func failed(_ error: Error) {
        let reason = KioskDatabase.failureReason(error)
        let wasFailing = state.withLock { state in
            defer { state.failure = reason }
            return state.failure != nil
        }
        guard !wasFailing else { return }
        let message = DaemonTexts.cannotStore(reason: reason, directory: directory)
        logger.error("\(message.text)")
        publish([.storageFault(problem: "cannot-store", message: message.text)])
    }

    /// Checkpoints and looks at the free space (once a minute, and at start).
    func check() {
        do {
            try store.checkpoint()
        } catch {
            logger.warning("\(DaemonTexts.checkpointFailed(KioskDatabase.failureReason(error), walBytes: store.walBytes).text)")
        }
        let condition = self.condition()
        let isLow = if case .lowSpace = condition { true } else { false }
        let changed = state.withLock { state in
            defer { state.toldLowSpace = isLow }
            return state.toldLowSpace != isLow
        }
        guard changed else { return }
        if case .lowSpace(let free) = condition {
            logger.warning("\(DaemonTexts.lowSpace(freeBytes: free, directory: directory).text)")
        } else {
            logger.notice("\(DaemonTexts.spaceBack(directory: directory).text)")
        }
    }

    /// The condition now: free space measured at this moment.
    func condition() -> StorageCondition {
        let (free, total) = Self.space(of: directory)
        return condition(freeBytes: free, totalBytes: total)
    }

    private func condition(freeBytes: UInt64, totalBytes: UInt64) -> StorageCondition {
        StorageCondition.assess(freeBytes: freeBytes, totalBytes: totalBytes, failure: state.withLock { $0.failure })
    }

    /// A `storage-fault` event while commits fail, for a screen that connects meanwhile.
    func stateEvents() -> [DaemonEvent] {
        guard case .cannotStore(let reason) = condition() else { return [] }
        return [.storageFault(problem: "cannot-store", message: DaemonTexts.cannotStore(reason: reason, directory: directory).text)]
    }

    /// For `kioskctl status`.
    func status() -> StatusReport.Storage {
        let (free, total) = Self.space(of: directory)
        let condition = condition(freeBytes: free, totalBytes: total)
        let (state, message): (StatusReport.Storage.State, String?) =
            switch condition {
            case .ok: (.ok, nil)
            case .lowSpace(let free): (.lowSpace, DaemonTexts.lowSpace(freeBytes: free, directory: directory).text)
            case .cannotStore(let reason): (.cannotStore, DaemonTexts.cannotStore(reason: reason, directory: directory).text)
            }
        return StatusReport.Storage(
            directory: directory, state: state, freeBytes: free, totalBytes: total, walBytes: store.walBytes, message: message)
    }

    static func space(of directory: String) -> (free: UInt64, total: UInt64) {
        var stats = statvfs()
        guard statvfs(directory, &stats) == 0 else { return (0, 0) }
        let block = UInt64(stats.f_frsize)
        return (UInt64(stats.f_bavail) * block, UInt64(stats.f_blocks) * block)
    }
}
