import Foundation
import CEvdev
import Glibc
import KioskCore

/// One open evdev device through libevdev. The only owner of the C handle; not thread-safe,
/// used on the input thread only.
final class EvdevDevice {
    let path: String
    let fd: Int32
    private let handle: OpaquePointer

    enum ReadResult {
        case event(InputEvent)
        /// SYN_DROPPED: the events that follow, read with `readResync`, rebuild the true state.
        case dropped
        case empty
        case gone(errno: Int32)
    }

    private let logSink: LogSink

    /// What libevdev logs about this device: its level, the message's format (which tells like
    /// messages apart) and its text.
    typealias Log = (LibevdevMessage.Level, _ format: String, _ text: String) -> Void

    /// - Parameter log: receives what libevdev logs about the device, from `init` on, on the
    ///   calling thread (libevdev logs from within its calls).
    init(path: String, log: @escaping Log) throws(InputError) {
        var fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 && (errno == EACCES || errno == EROFS) {
            fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        }
        guard fd >= 0 else { throw .open(path: path, errno: errno) }
        guard let device = libevdev_new() else {
            close(fd)
            throw .notEvdev(path: path, errno: ENOMEM)
        }
        // Set before libevdev_set_fd, so that what it says while reading the device comes here
        // too. libevdev_set_fd keeps the handler but clears its data pointer (libevdev 1.13), so
        // meanwhile the sink is found through the thread, and the pointer is set again after.
        let sink = LogSink(log)
        libevdev_set_device_log_function(device, EvdevDevice.forwardLog, LIBEVDEV_LOG_INFO, nil)
        Thread.current.threadDictionary[LogSink.openingKey] = sink
        let status = libevdev_set_fd(device, fd)
        Thread.current.threadDictionary[LogSink.openingKey] = nil
        libevdev_set_device_log_function(device, EvdevDevice.forwardLog, LIBEVDEV_LOG_INFO, Unmanaged.passUnretained(sink).toOpaque())
        guard status == 0 else {
            libevdev_free(device)
            close(fd)
            throw .notEvdev(path: path, errno: -status)
        }
        // Events stamped on CLOCK_MONOTONIC (EVIOCSCLOCKID) instead of the kernel's default
        // CLOCK_REALTIME: only differences of stamps are used (how long a key or a touch was
        // held), and the wall clock steps, as when NTP sets a box without a clock battery at boot.
        // An event that came since the open is flushed by the kernel with a SYN_DROPPED, which
        // the reader resyncs from as from any overflow.
        _ = libevdev_set_clock_id(device, CLOCK_MONOTONIC)
        self.path = path
        self.fd = fd
        self.handle = device
        self.logSink = sink
    }

    deinit {
        libevdev_free(handle)
        close(fd)
    }

    /// Holds the log closure for libevdev's `data` pointer; lives as long as the device.
    private final class LogSink {
        static let openingKey = "kiosk.evdev.log-sink"
        let log: Log
        init(_ log: @escaping Log) { self.log = log }
    }

    private static let forwardLog: libevdev_device_log_func_t = { _, priority, data, _, _, _, format, arguments in
        guard let format, let arguments else { return }
        let sink = data.map { Unmanaged<LogSink>.fromOpaque($0).takeUnretainedValue() }
            ?? Thread.current.threadDictionary[LogSink.openingKey] as? LogSink
        guard let sink else { return }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        let text = String(cString: buffer).trimmingCharacters(in: .whitespacesAndNewlines)
        let level: LibevdevMessage.Level =
            switch priority {
            case LIBEVDEV_LOG_ERROR: .error
            case LIBEVDEV_LOG_INFO: .info
            default: .debug
            }
        sink.log(level, String(cString: format), text)
    }

    var name: String {
        libevdev_get_name(handle).map { String(cString: $0) } ?? ""
    }

    func has(type: UInt16, code: UInt16) -> Bool {
        libevdev_has_event_code(handle, UInt32(type), UInt32(code)) == 1
    }

    func hasProperty(_ property: UInt32) -> Bool {
        libevdev_has_property(handle, property) == 1
    }

    var capabilities: DeviceCapabilities {
        let abs = EventCode.evAbs
        return DeviceCapabilities(
            direct: hasProperty(EventCode.propDirect),
            pointer: hasProperty(EventCode.propPointer),
            fingerTools: ([EventCode.btnToolFinger] + EventCode.btnToolMultiFinger).contains { has(type: EventCode.evKey, code: $0) },
            absolutePosition: (has(type: abs, code: EventCode.absX) && has(type: abs, code: EventCode.absY))
                || (has(type: abs, code: EventCode.absMTPositionX) && has(type: abs, code: EventCode.absMTPositionY)))
    }

    func range(of axis: UInt16) -> AxisRange {
        AxisRange(
            minimum: libevdev_get_abs_minimum(handle, UInt32(axis)),
            maximum: libevdev_get_abs_maximum(handle, UInt32(axis)))
    }

    var slotCount: Int { Int(max(libevdev_get_num_slots(handle), 0)) }
    var currentSlot: Int { Int(max(libevdev_get_current_slot(handle), 0)) }

    func trackingID(slot: Int) -> Int32 {
        libevdev_get_slot_value(handle, UInt32(slot), UInt32(EventCode.absMTTrackingID))
    }

    func value(type: UInt16, code: UInt16) -> Int32 {
        libevdev_get_event_value(handle, UInt32(type), UInt32(code))
    }

    /// Exclusive access; returns the errno when the kernel (or the emulation) refuses.
    func grab() -> Int32? {
        let status = libevdev_grab(handle, LIBEVDEV_GRAB)
        return status == 0 ? nil : -status
    }

    func setLED(_ code: UInt16, on: Bool) -> Bool {
        libevdev_kernel_set_led_value(handle, UInt32(code), on ? LIBEVDEV_LED_ON : LIBEVDEV_LED_OFF) == 0
    }

    var hasLED: Bool { has(type: EventCode.evLed, code: EventCode.ledNumLock) }

    func read() -> ReadResult {
        next(flags: LIBEVDEV_READ_FLAG_NORMAL.rawValue)
    }

    /// Reads the resync events after SYN_DROPPED; `.empty` when the resync is complete.
    func readResync() -> ReadResult {
        next(flags: LIBEVDEV_READ_FLAG_SYNC.rawValue)
    }

    private func next(flags: UInt32) -> ReadResult {
        var raw = input_event()
        let status = libevdev_next_event(handle, flags, &raw)
        let event = InputEvent(
            type: raw.type, code: raw.code, value: raw.value,
            time: Double(raw.time.tv_sec) + Double(raw.time.tv_usec) / 1_000_000)
        switch status {
        case Int32(LIBEVDEV_READ_STATUS_SUCCESS.rawValue):
            return .event(event)
        case Int32(LIBEVDEV_READ_STATUS_SYNC.rawValue):
            return flags == LIBEVDEV_READ_FLAG_SYNC.rawValue ? .event(event) : .dropped
        case -EAGAIN:
            return .empty
        default:
            return .gone(errno: -status)
        }
    }
}

public enum InputError: Error, Sendable, CustomStringConvertible {
    case open(path: String, errno: Int32)
    case notEvdev(path: String, errno: Int32)

    public var errno: Int32 {
        switch self {
        case .open(_, let code), .notEvdev(_, let code): code
        }
    }

    public var description: String {
        switch self {
        case .open(let path, let code): "cannot open \(path): \(String(cString: strerror(code)))"
        case .notEvdev(let path, let code): "\(path) is not an evdev device: \(String(cString: strerror(code)))"
        }
    }
}
