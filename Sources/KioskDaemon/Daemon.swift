import Foundation
import Glibc
import KioskControl
import KioskCore
import KioskInput
import KioskProtocol
import KioskStore
import Logging

/// The running office: input devices, vote decisions, tickets and printing, the store, the
/// control socket, and the sealing of finished days.
public final class Daemon: Sendable {
    /// In start order: the control socket first (so a subscriber hears everything from the first
    /// press), the printers, the HTTP API and the storage watch, then the input thread and the sealer.
    private let services: DaemonServices
    private let store: KioskDatabase
    private let logger: Logger

    /// The composition root: the event bus first, then every producer handed it, then the
    /// control socket and the screens' feed subscribed to it, then the input thread.
    /// - Parameter clock: the office's time (`OfficeClock.live(for:)` when running for real).
    /// - Parameter calendar: the working days, for slip return times (nil when the office prints no slips).
    /// - Parameter printRetrySeconds: how often a printer with a problem is checked again.
    /// - Parameter configDirectory: the office file's directory, against which speech mode's clip
    ///   directories are read.
    public init(
        config office: OfficeConfig, paths: StatePaths, notifier: SystemdNotifier, logger: Logger, clock: OfficeClock,
        calendar: CalendarBook? = nil, printRetrySeconds: Double = 2, configDirectory: String = "."
    ) throws {
        self.logger = logger
        let config = office.withSpeechKeypadDevices()
        try FileManager.default.createDirectory(atPath: paths.directory, withIntermediateDirectories: true)
        let store: KioskDatabase
        do {
            store = try StorageWatch.openStore(path: paths.database, directory: paths.directory, notifier: notifier, logger: logger)
        } catch {
            throw DaemonError.store(path: paths.database, reason: "\(error)")
        }
        let bus = EventBus()
        let printers = PrinterBoard(printers: config.printers)
        let queue = QueueDesk(config: config, store: store, clock: clock)
        let spooler = PrintSpooler(
            config: config, store: store, board: printers, logger: logger, retrySeconds: printRetrySeconds, clock: clock,
            publish: { bus.publish($0) })
        let storage = StorageWatch(store: store, directory: paths.directory, logger: logger) { bus.publish($0) }
        let mailbox = InputMailbox()
        let speechMail = SpeechMail(mailbox: mailbox)
        let speech = config.speech.isEmpty ? nil : SpeechDesk(
            config: config,
            output: SpeechPlayer(configs: config.speech, baseDirectory: configDirectory, stateDirectory: paths.directory, logger: logger),
            clock: clock, mail: speechMail, logger: logger)
        let board = StatusBoard(
            config: config, clock: clock, printers: printers, storage: storage, kept: spooler.keptTickets, calendar: { calendar?.current },
            speech: speech?.board)
        let slips = config.slips.map { SlipDesk(config: config, slips: $0, calendar: calendar, spooler: spooler, clock: clock) }
        let sealer = DaySealer(config: config, store: store, keyPath: paths.signingKey, logger: logger, clock: clock) { bus.publish($0) }
        let announcer = config.voice.map { voice in
            Announcer(voice: voice, stateDirectory: paths.directory, logger: logger) { bus.publish($0) }
        }
        let commands = ControlCommands(config: config, store: store, spooler: spooler, slips: slips, sealer: sealer)
        let feed = EventFeed(snapshot: { printers.stateEvents() + storage.stateEvents() })
        bus.subscribe { feed.publish($0) }
        if speech != nil {
            // A ticket taken in speech mode is said once it is out of the printer, or kept.
            bus.subscribe { events in
                for event in events {
                    switch event {
                    case .ticketPrinted(let terminal, let number, _): speechMail.post(.printed(terminal: terminal, number: number, printed: true))
                    case .ticketNotPrinted(let terminal, let number, _, _, _): speechMail.post(.printed(terminal: terminal, number: number, printed: false))
                    default: break
                    }
                }
            }
        }
        let control = try ControlServer(
            path: paths.controlSocket, status: board.report,
            snapshot: { board.connectedDevices() + printers.faultEvents() + storage.stateEvents() },
            commands: commands.run, bus: bus)
        let devices = config.devices
        let sources = devices.map { device in
            InputSource(
                pathPattern: device.path,
                kind: device.role.isTouchscreen ? .touchscreen(mapping: device.mapping, screen: Self.screen(of: device, in: config)) : .keypad,
                grab: device.grab, acceptsIndirect: device.acceptsIndirect)
        }
        let heartbeat = notifier.watchdogInterval.map { interval in
            InputManager.Heartbeat(intervalSeconds: interval) { notifier.watchdog() }
        }
        // Confined to the input thread, where this handler runs.
        nonisolated(unsafe) let router = InputRouter(config: config, store: store, clock: clock, speech: speech)
        let input = InputManager(sources: sources, heartbeat: heartbeat, mailbox: mailbox) { action in
            Self.log(action, devices: devices, logger: logger)
            let outcome = router.route(action)
            if let failure = outcome.failure {
                logger.error("\(failure.message)")
                storage.failed(failure.error)
                return .nothing
            }
            if outcome.committed { storage.stored() }
            if let failure = outcome.storeFailure {
                logger.error("\(failure.message)")
                storage.failed(failure.error)
            }
            bus.publish(outcome.events) { board.note(action) }
            if let ticket = outcome.ticketToPrint { spooler.enqueue(.ticket(ticket)) }
            for call in outcome.calls { announcer?.announce(number: call.number, counterNumber: call.counterNumber) }
            return outcome.acknowledge.map { .acknowledge(source: $0) } ?? .nothing
        }
        let hall = HallBoard(config: config, queue: queue, printers: printers, clock: clock)
        let api = config.localAPI.map { LocalAPIServer(config: $0, slips: slips, status: board.report, feed: feed, hall: hall, logger: logger) }
        var parts: [(name: String, part: any DaemonService)] = [("control socket", control), ("printing", spooler)]
        if let api { parts.append(("HTTP API", api)) }
        parts += [("storage watch", storage), ("input", input), ("day sealer", sealer)]
        if let calendar { parts.append(("calendar watch", CalendarWatch(book: calendar, clock: clock, logger: logger))) }
        let controlSocket = paths.controlSocket
        services = DaemonServices(
            parts: parts, logger: logger,
            ready: {
                notifier.ready()
                logger.notice("ready; control socket \(controlSocket)")
            },
            stopping: {
                logger.notice("stopping")
                notifier.stopping()
            })
        self.store = store
        logger.info(
            "office \(config.office.code): \(config.terminals.count) rating and \(config.ticketTerminals.count) ticket terminal(s), \(config.devices.count) device(s), \(config.printers.count) printer(s); state in \(paths.database)")
    }

    /// Runs the office until SIGTERM or SIGINT: starts every part in order, says READY=1, and on
    /// the signal says STOPPING=1, stops every part (last started first), then checkpoints and
    /// closes the store.
    public func run() async throws {
        try await services.run()
        do {
            try store.checkpoint()
        } catch {
            logger.warning("\(DaemonTexts.checkpointFailed(KioskDatabase.failureReason(error), walBytes: store.walBytes).text)")
        }
        do {
            try store.close()
        } catch {
            logger.warning("closing the tally database: \(error)")
        }
        logger.info("stopped cleanly")
    }

    private static func screen(of device: DeviceConfig, in config: OfficeConfig) -> ScreenSize {
        let screen = device.ratingTerminal.flatMap { config.terminal(id: $0)?.screen }
            ?? device.ticketTerminal.flatMap { config.ticketTerminal(id: $0)?.screen }
        return screen ?? ScreenSize(width: 1, height: 1)
    }

    private static func log(_ action: InputAction, devices: [DeviceConfig], logger: Logger) {
        switch action {
        case .connected(let source, let path, let name):
            logger.notice("device connected: \(path) (\(name)) as \(devices[source].role.name)")
        case .refused(let source, let path, let name, let refusal):
            logger.error("\(DaemonTexts.notATouchscreen(path: path, name: name, role: devices[source].role.name, refusal).text)")
        case .disconnected(let source, let path, let reason):
            logger.warning("device disconnected: \(path) (\(devices[source].role.name)): \(reason); waiting for it to return")
        case .warning(_, let message):
            logger.warning("\(message)")
        case .libevdevMessage(_, let path, let message):
            var line = "libevdev: \(path): \(message.text)"
            if message.suppressedBefore > 0 { line += " (\(message.suppressedBefore) more like it were not logged in the minute before)" }
            if message.lastOfBurst { line += " (more like it are not logged for a minute)" }
            switch message.level {
            case .error: logger.warning("\(line)")
            case .info: logger.info("\(line)")
            case .debug: logger.debug("\(line)")
            }
        case .touchLost(_, let path):
            // Once per overflow; it says nothing of the lost touch's place or length.
            logger.warning("\(path): \(DaemonTexts.touchLostToOverflow.text)")
        case .touch, .key, .keyReleased, .mail:
            break  // never logged: see describe(_:devices:)
        }
    }
}
