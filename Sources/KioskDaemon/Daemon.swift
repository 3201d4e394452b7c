import Foundation
import Glibc
import KioskCore
import KioskInput
import KioskStore
import Logging

/// The running office: input devices, vote decisions, the tally store, the control socket.
public final class Daemon: Sendable {
    private let input: InputManager
    private let control: ControlServer
    private let store: KioskDatabase
    private let logger: Logger

    public init(config: OfficeConfig, paths: StatePaths, notifier: SystemdNotifier, logger: Logger) throws {
        self.logger = logger
        try FileManager.default.createDirectory(atPath: paths.directory, withIntermediateDirectories: true)
        let store: KioskDatabase
        do {
            store = try KioskDatabase(path: paths.database)
        } catch {
            throw DaemonError.store(path: paths.database, reason: "\(error)")
        }
        let board = StatusBoard(config: config)
        let control = try ControlServer(path: paths.controlSocket, status: board.json, snapshot: board.connectedDevices)
        let processor = VoteProcessor(
            config: config, store: store, wallClock: { Date() }, monotonicClock: { MonotonicClock.now() })
        let devices = config.devices
        let sources = devices.map { device in
            InputSource(
                pathPattern: device.path,
                kind: device.role.isTouchscreen
                    ? .touchscreen(
                        mapping: device.mapping,
                        screen: config.terminal(id: device.ratingTerminal!)?.screen ?? ScreenSize(width: 1, height: 1))
                    : .keypad,
                grab: device.grab)
        }
        let heartbeat = notifier.watchdogInterval.map { interval in
            InputManager.Heartbeat(intervalSeconds: interval) { notifier.watchdog() }
        }
        // The processor is confined to the input thread, where this handler runs.
        nonisolated(unsafe) let confined = processor
        let inputBox = InputManagerBox()
        let input = InputManager(sources: sources, heartbeat: heartbeat) { action in
            Self.log(action, devices: devices, logger: logger)
            do {
                let result = try confined.handle(action)
                if let source = result.acknowledgeSource { inputBox.manager?.acknowledge(source: source) }
                control.publish(result.events) { board.note(action) }
            } catch {
                logger.error("NOT COUNTED: a press on \(Self.describe(action, devices: devices)) could not be committed: \(error)")
            }
        }
        inputBox.manager = input
        self.input = input
        self.control = control
        self.store = store
        logger.info(
            "office \(config.office.code): \(config.terminals.count) terminal(s), \(config.devices.count) device(s); tallies in \(paths.database)")
    }

    public func start() {
        control.start()
        input.start()
    }

    public func stop() {
        input.stop()
        control.stop()
        do {
            try store.close()
        } catch {
            logger.warning("closing the tally database: \(error)")
        }
        logger.info("stopped cleanly")
    }

    /// Names the device only: a logged position or key, with the log's timestamp, would tell
    /// which answer was given when.
    private static func describe(_ action: InputAction, devices: [DeviceConfig]) -> String {
        switch action {
        case .touch(let source, _), .key(let source, _), .connected(let source, _, _), .disconnected(let source, _, _),
            .warning(let source, _):
            devices[source].path
        }
    }

    private static func log(_ action: InputAction, devices: [DeviceConfig], logger: Logger) {
        switch action {
        case .connected(let source, let path, let name):
            logger.notice("device connected: \(path) (\(name)) as \(devices[source].role.name)")
        case .disconnected(let source, let path, let reason):
            logger.warning("device disconnected: \(path) (\(devices[source].role.name)): \(reason); waiting for it to return")
        case .warning(_, let message):
            logger.warning("\(message)")
        case .touch, .key:
            break  // never logged: see describe(_:devices:)
        }
    }
}

/// Lets the input handler reach the manager that calls it (set once, before start).
private final class InputManagerBox: @unchecked Sendable {
    var manager: InputManager?
}
