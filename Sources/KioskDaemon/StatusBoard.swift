import Foundation
import KioskCore
import KioskInput
import KioskProtocol
import Synchronization

/// What `kioskctl status` shows: which devices are connected. Updated by the input thread,
/// read by the control thread.
final class StatusBoard: Sendable {
    private struct DeviceState {
        var path: String?
        var name: String?
        var connected = false
        var problem: String?
    }

    private let config: OfficeConfig
    private let devices: Mutex<[DeviceState]>
    private let printers: PrinterBoard
    private let storage: StorageWatch
    private let kept: @Sendable () -> KeptTickets
    private let clock: OfficeClock
    private let startedAt: Double
    private let calendar: @Sendable () -> WorkingCalendar?
    private let speech: SpeechBoard?

    init(
        config: OfficeConfig, clock: OfficeClock, printers: PrinterBoard, storage: StorageWatch, kept: @escaping @Sendable () -> KeptTickets,
        calendar: @escaping @Sendable () -> WorkingCalendar? = { nil }, speech: SpeechBoard? = nil
    ) {
        self.config = config
        self.speech = speech
        self.calendar = calendar
        self.clock = clock
        startedAt = clock.monotonicNow()
        self.printers = printers
        self.storage = storage
        self.kept = kept
        devices = Mutex(Array(repeating: DeviceState(), count: config.devices.count))
    }

    func note(_ action: InputAction) {
        devices.withLock { states in
            switch action {
            case .connected(let source, let path, let name):
                states[source] = DeviceState(path: path, name: name, connected: true, problem: nil)
            case .refused(let source, let path, let name, let refusal):
                let message = DaemonTexts.notATouchscreen(path: path, name: name, role: config.devices[source].role.name, refusal)
                states[source] = DeviceState(path: path, name: name, connected: false, problem: message.text)
            case .disconnected(let source, let path, let reason):
                states[source] = DeviceState(path: path, name: states[source].name, connected: false, problem: reason)
            case .warning(let source, let message):
                states[source].problem = message
            case .touch, .touchLost, .key, .keyReleased, .libevdevMessage, .mail:
                break
            }
        }
    }

    /// A `device-connected` event for each device connected now, for a new subscriber.
    func connectedDevices() -> [DaemonEvent] {
        devices.withLock { states in
            states.enumerated().compactMap { index, state in
                guard state.connected, let path = state.path else { return nil }
                return .deviceConnected(path: path, role: config.devices[index].role.name)
            }
        }
    }

    func report() -> StatusReport {
        let devices: [StatusReport.Device] = devices.withLock { states in
            states.enumerated().map { index, state in
                let device = config.devices[index]
                return StatusReport.Device(
                    pattern: device.path, role: device.role.name, connected: state.connected, path: state.path, name: state.name,
                    problem: state.problem, terminal: device.terminal)
            }
        }
        return StatusReport(
            office: config.office.code, pid: Int(getpid()), uptimeSeconds: Int(clock.monotonicNow() - startedAt), devices: devices,
            terminals: config.terminals.map { .init(id: $0.id, kind: .rating, counter: $0.counter) }
                + config.ticketTerminals.map { .init(id: $0.id, kind: .ticket, printer: $0.printer) },
            printers: printers.status(kept: kept()), storage: storage.status(),
            calendar: calendar().map { CalendarStatus.report($0, today: clock.today) }, speech: speech?.report() ?? [])
    }
}
