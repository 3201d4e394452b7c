import Foundation
import KioskControl
import Glibc
import KioskCore
import KioskProtocol
import KioskInput
import KioskStore
import Logging

/// The running office: input devices, vote decisions, tickets and printing, the store, the
/// control socket, and the sealing of finished days.
public final class Daemon: Sendable {
    private let input: InputManager
    private let control: ControlServer
    private let spooler: PrintSpooler
    private let api: LocalAPIServer?
    private let sealer: DaySealer
    private let storage: StorageWatch
    private let store: KioskDatabase
    private let logger: Logger

    /// - Parameter calendar: the working days, for slip return times (nil when the office prints no slips).
    /// - Parameter printRetrySeconds: how often a printer with a problem is checked again.
    public init(
        config: OfficeConfig, paths: StatePaths, notifier: SystemdNotifier, logger: Logger, calendar: WorkingCalendar? = nil,
        printRetrySeconds: Double = 2
    ) throws {
        self.logger = logger
        try FileManager.default.createDirectory(atPath: paths.directory, withIntermediateDirectories: true)
        let store: KioskDatabase
        do {
            store = try StorageWatch.openStore(path: paths.database, directory: paths.directory, notifier: notifier, logger: logger)
        } catch {
            throw DaemonError.store(path: paths.database, reason: "\(error)")
        }
        let printers = PrinterBoard(printers: config.printers)
        let controlBox = ControlServerBox()
        let spooler = PrintSpooler(
            config: config, store: store, board: printers, logger: logger, retrySeconds: printRetrySeconds
        ) { events in controlBox.server?.publish(events) }
        let storage = StorageWatch(store: store, directory: paths.directory, logger: logger) { events in
            controlBox.server?.publish(events)
        }
        let board = StatusBoard(config: config, printers: printers, storage: storage, kept: spooler.keptTickets)
        let slips = config.slips.map { SlipDesk(config: config, slips: $0, calendar: calendar, spooler: spooler) }
        let sealer = DaySealer(config: config, store: store, keyPath: paths.signingKey, logger: logger) { events in
            controlBox.server?.publish(events)
        }
        let commands = ControlCommands(config: config, store: store, spooler: spooler, slips: slips, sealer: sealer)
        let feed = EventFeed(snapshot: { printers.stateEvents() + storage.stateEvents() })
        let control = try ControlServer(
            path: paths.controlSocket, status: board.report,
            snapshot: { board.connectedDevices() + printers.faultEvents() + storage.stateEvents() },
            commands: commands.run, feed: feed)
        controlBox.server = control
        let announcer = config.voice.map { voice in
            Announcer(voice: voice, stateDirectory: paths.directory, logger: logger) { events in controlBox.server?.publish(events) }
        }
        let processor = VoteProcessor(
            config: config, store: store, wallClock: { Date() }, monotonicClock: { MonotonicClock.now() })
        let dispenser = TicketDispenser(
            config: config, store: store, wallClock: { Date() }, monotonicClock: { MonotonicClock.now() })
        let devices = config.devices
        let sources = devices.map { device in
            InputSource(
                pathPattern: device.path,
                kind: device.role.isTouchscreen
                    ? .touchscreen(
                        mapping: device.mapping,
                        screen: Self.screen(of: device, in: config))
                    : .keypad,
                grab: device.grab, acceptsIndirect: device.acceptsIndirect)
        }
        let heartbeat = notifier.watchdogInterval.map { interval in
            InputManager.Heartbeat(intervalSeconds: interval) { notifier.watchdog() }
        }
        // The processor and dispenser are confined to the input thread, where this handler runs.
        nonisolated(unsafe) let confined = processor
        nonisolated(unsafe) let confinedDispenser = dispenser
        let inputBox = InputManagerBox()
        let input = InputManager(sources: sources, heartbeat: heartbeat) { action in
            Self.log(action, devices: devices, logger: logger)
            if let source = Self.pressSource(action), confinedDispenser.handles(source: source) {
                do {
                    let result = try confinedDispenser.handle(action)
                    if result.issued != nil || !result.events.isEmpty { storage.stored() }
                    control.publish(result.events)
                    if let ticket = result.issued { spooler.enqueue(.ticket(ticket)) }
                } catch {
                    logger.error("NO TICKET: a press on \(devices[source].path) could not be committed: \(error)")
                    storage.failed(error)
                }
                return
            }
            do {
                let result = try confined.handle(action)
                // A press that changed something was committed; other actions write nothing.
                if Self.pressSource(action) != nil && !result.events.isEmpty { storage.stored() }
                if let source = result.acknowledgeSource { inputBox.manager?.acknowledge(source: source) }
                control.publish(result.events) { board.note(action) }
                for case .ticketCalled(_, let counterNumber, let number, _, _) in result.events {
                    announcer?.announce(number: number, counterNumber: counterNumber)
                }
            } catch {
                logger.error("NOT COUNTED: a press on \(Self.describe(action, devices: devices)) could not be committed: \(error)")
                storage.failed(error)
            }
        }
        inputBox.manager = input
        let hall = HallBoard(config: config, store: store, printers: printers)
        api = config.localAPI.map { LocalAPIServer(config: $0, slips: slips, status: board.report, feed: feed, hall: hall, logger: logger) }
        self.input = input
        self.control = control
        self.spooler = spooler
        self.sealer = sealer
        self.storage = storage
        self.store = store
        logger.info(
            "office \(config.office.code): \(config.terminals.count) rating and \(config.ticketTerminals.count) ticket terminal(s), \(config.devices.count) device(s), \(config.printers.count) printer(s); state in \(paths.database)")
    }

    public func start() {
        control.start()
        spooler.start()
        api?.start()
        storage.start()
        input.start()
        sealer.start()
    }

    public func stop() {
        sealer.stop()
        input.stop()
        api?.stop()
        spooler.stop()
        control.stop()
        storage.stop()
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

    private static func pressSource(_ action: InputAction) -> Int? {
        switch action {
        case .touch(let source, _), .key(let source, _): source
        case .touchLost, .connected, .refused, .disconnected, .warning, .libevdevMessage: nil
        }
    }

    private static func screen(of device: DeviceConfig, in config: OfficeConfig) -> ScreenSize {
        let screen = device.ratingTerminal.flatMap { config.terminal(id: $0)?.screen }
            ?? device.ticketTerminal.flatMap { config.ticketTerminal(id: $0)?.screen }
        return screen ?? ScreenSize(width: 1, height: 1)
    }

    /// Names the device only: a logged position or key, with the log's timestamp, would tell
    /// which answer was given when.
    private static func describe(_ action: InputAction, devices: [DeviceConfig]) -> String {
        switch action {
        case .touch(let source, _), .touchLost(let source, _), .key(let source, _), .connected(let source, _, _),
            .refused(let source, _, _, _), .disconnected(let source, _, _), .warning(let source, _), .libevdevMessage(let source, _, _):
            devices[source].path
        }
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
        case .touch, .key:
            break  // never logged: see describe(_:devices:)
        }
    }
}

/// Lets the input handler reach the manager that calls it (set once, before start).
private final class InputManagerBox: @unchecked Sendable {
    var manager: InputManager?
}

/// Lets the print thread publish through the control server made after it (set once, before start).
private final class ControlServerBox: @unchecked Sendable {
    var server: ControlServer?
}
