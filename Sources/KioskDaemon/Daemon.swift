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
    private let logger: Logger

    public init(config: OfficeConfig, paths: StatePaths, notifier: SystemdNotifier, logger: Logger) throws {
        self.logger = logger
        try FileManager.default.createDirectory(atPath: paths.directory, withIntermediateDirectories: true)
        let store: TallyStore
        do {
            store = try TallyStore(path: paths.database)
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
                logger.error("NOT COUNTED: could not commit \(Self.describe(action)): \(error)")
            }
        }
        inputBox.manager = input
        self.input = input
        self.control = control
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
        logger.info("stopped cleanly")
    }

    private static func describe(_ action: InputAction) -> String {
        switch action {
        case .touch(let source, let press): "touch on device \(source) at \(press.point)"
        case .key(let source, let code): "key \(KeyCodes.name(of: code) ?? String(code)) on device \(source)"
        default: "\(action)"
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
            logger.debug("\(describe(action))")
        }
    }
}

/// Lets the input handler reach the manager that calls it (set once, before start).
private final class InputManagerBox: @unchecked Sendable {
    var manager: InputManager?
}
