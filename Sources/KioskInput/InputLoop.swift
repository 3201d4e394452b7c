import Foundation
import CEvdev
import Glibc
import KioskCore

/// The state of the input thread: open devices, retries of missing ones, LED blinks.
final class InputLoop {
    private let sources: [InputSource]
    private let wakeFD: Int32
    private let heartbeat: InputManager.Heartbeat?
    private let emit: (InputAction) -> Void

    private var open: [Int: OpenDevice] = [:]
    private var retry: [Int: (due: Double, delay: Double)] = [:]
    /// The last problem reported per source, so a device that stays missing is reported once.
    private var lastWarning: [Int: String] = [:]
    /// Devices a touchscreen source matched that are not touchscreens, per source, as told.
    private var refused: [Int: [String: TouchscreenCheck.Refusal]] = [:]
    private var logLimiter = LogRateLimiter()
    private var ledRestore: [(source: Int, due: Double, led: UInt16, on: Bool)] = []
    private var nextHeartbeat: Double = 0
    private let inotifyFD: Int32

    private static let firstRetryDelay = 0.1
    private static let maximumRetryDelay = 2.0
    private static let blinkSeconds = 0.25

    init(sources: [InputSource], wakeFD: Int32, heartbeat: InputManager.Heartbeat?, emit: @escaping (InputAction) -> Void) {
        self.sources = sources
        self.wakeFD = wakeFD
        self.heartbeat = heartbeat
        self.emit = emit
        inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        let directories = Set(sources.map { ($0.pathPattern as NSString).deletingLastPathComponent })
        for directory in directories where !directory.contains(where: { "*?[".contains($0) }) {
            _ = inotify_add_watch(inotifyFD, directory, UInt32(IN_CREATE | IN_MOVED_TO | IN_ATTRIB))
        }
        for index in sources.indices {
            retry[index] = (due: 0, delay: Self.firstRetryDelay)
        }
    }

    deinit {
        close(inotifyFD)
    }

    func run(takeCommands: () -> [InputManager.Command]) {
        while true {
            let now = MonotonicClock.now()
            openDueSources(now: now)
            restoreDueLEDs(now: now)
            if let heartbeat, now >= nextHeartbeat {
                heartbeat.beat()
                nextHeartbeat = now + heartbeat.intervalSeconds
            }

            let order = open.keys.sorted()
            var fds = [pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0), pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0)]
            fds += order.map { pollfd(fd: open[$0]!.device.fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), timeoutMilliseconds(now: now))
            if ready < 0 && errno != EINTR { break }

            if fds[0].revents != 0 {
                var count: UInt64 = 0
                _ = read(wakeFD, &count, 8)
                var stop = false
                for command in takeCommands() {
                    switch command {
                    case .stop: stop = true
                    case .acknowledge(let source): blink(source: source)
                    case .mail: emit(.mail)
                    }
                }
                if stop { break }
            }
            if fds[1].revents != 0 {
                drainInotify()
                for index in sources.indices where open[index] == nil {
                    retry[index] = (due: 0, delay: Self.firstRetryDelay)
                }
            }
            for (position, source) in order.enumerated() {
                let revents = Int32(fds[position + 2].revents)
                guard revents != 0, let device = open[source] else { continue }
                if case .gone(let reason) = device.drain(emit) {
                    disconnect(source, reason: reason)
                } else if revents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 {
                    disconnect(source, reason: "device hung up")
                }
            }
        }
        open.removeAll()
    }

    private func timeoutMilliseconds(now: Double) -> Int32 {
        var due: [Double] = retry.values.map(\.due) + ledRestore.map(\.due)
        if heartbeat != nil { due.append(nextHeartbeat) }
        guard let soonest = due.min() else { return -1 }
        return Int32(max(0, min((soonest - now) * 1000, 60_000)).rounded(.up))
    }

    private func openDueSources(now: Double) {
        for (index, state) in retry where state.due <= now {
            if tryOpen(index) {
                retry[index] = nil
            } else {
                retry[index] = (due: now + state.delay, delay: min(state.delay * 2, Self.maximumRetryDelay))
            }
        }
    }

    private func tryOpen(_ index: Int) -> Bool {
        let source = sources[index]
        let taken = Set(open.values.map(\.device.path))
        let matches = Self.expand(source.pathPattern).filter { !taken.contains($0) }
        guard !matches.isEmpty else {
            warnOnce(index, "waiting for a device at \(source.pathPattern)")
            return false
        }
        for path in matches {
            let device: EvdevDevice
            do {
                device = try EvdevDevice(path: path) { [weak self] level, format, text in
                    self?.libevdevLogged(index, path: path, level: level, format: format, text: text)
                }
            } catch {
                warnOnce(index, error.description)
                return false
            }
            if let refusal = refusal(of: device, as: source) {
                // Told once per device and reason; looked at again at each retry, so a screen
                // plugged in at the same path later is taken.
                if refused[index]?[path] != refusal {
                    refused[index, default: [:]][path] = refusal
                    emit(.refused(source: index, path: path, name: device.name, refusal: refusal))
                }
                continue
            }
            connect(index, device: device, matches: matches.count)
            return open[index] != nil
        }
        return false
    }

    private func libevdevLogged(_ index: Int, path: String, level: LibevdevMessage.Level, format: String, text: String) {
        guard case .log(let suppressed, let last) = logLimiter.admit("\(path)\n\(format)", at: MonotonicClock.now()) else { return }
        emit(.libevdevMessage(source: index, path: path, LibevdevMessage(level: level, text: text, suppressedBefore: suppressed, lastOfBurst: last)))
    }

    private func refusal(of device: EvdevDevice, as source: InputSource) -> TouchscreenCheck.Refusal? {
        guard case .touchscreen = source.kind else { return nil }
        return TouchscreenCheck.refusal(device.capabilities, acceptsIndirect: source.acceptsIndirect)
    }

    private func connect(_ index: Int, device: EvdevDevice, matches: Int) {
        let source = sources[index]
        let path = device.path
        open[index] = OpenDevice(source: index, device: device, kind: source.kind)
        lastWarning[index] = nil
        refused[index] = nil
        emit(.connected(source: index, path: path, name: device.name))
        if matches > 1 {
            emit(.warning(source: index, message: "\(matches) devices match \(source.pathPattern); using \(path)"))
        }
        if source.grab, let code = device.grab() {
            emit(.warning(source: index, message: "exclusive grab of \(path) refused (\(String(cString: strerror(code)))); other programs may see its events too"))
        }
        // Events queued before the grab are read now, like any others.
        if case .gone(let reason) = open[index]!.drain(emit) {
            disconnect(index, reason: reason)
        }
    }

    private func disconnect(_ index: Int, reason: String) {
        guard let device = open.removeValue(forKey: index) else { return }
        ledRestore.removeAll { $0.source == index }
        emit(.disconnected(source: index, path: device.device.path, reason: reason))
        retry[index] = (due: MonotonicClock.now() + Self.firstRetryDelay, delay: Self.firstRetryDelay * 2)
    }

    private func warnOnce(_ index: Int, _ message: String) {
        guard lastWarning[index] != message else { return }
        lastWarning[index] = message
        emit(.warning(source: index, message: message))
    }

    private static let blinkLEDs: [UInt16] = [2, 1, EventCode.ledNumLock]  // scroll lock, caps lock, num lock

    private func blink(source: Int) {
        guard let device = open[source]?.device else { return }
        guard let led = Self.blinkLEDs.first(where: { device.has(type: EventCode.evLed, code: $0) }) else { return }
        if ledRestore.contains(where: { $0.source == source }) { return }
        let wasOn = device.value(type: EventCode.evLed, code: led) != 0
        if device.setLED(led, on: !wasOn) {
            ledRestore.append((source: source, due: MonotonicClock.now() + Self.blinkSeconds, led: led, on: wasOn))
        }
    }

    private func restoreDueLEDs(now: Double) {
        let due = ledRestore.filter { $0.due <= now }
        ledRestore.removeAll { $0.due <= now }
        for entry in due {
            _ = open[entry.source]?.device.setLED(entry.led, on: entry.on)
        }
    }

    private func drainInotify() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(inotifyFD, &buffer, buffer.count) > 0 {}
    }

    static func expand(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }.sorted()
    }
}
