import KioskCore
import KioskInput
import KioskTestSupport
import Synchronization

/// Collects what an InputManager reports, so tests can await actions.
final class ActionRecorder: Sendable {
    private let recorded = Mutex<[InputAction]>([])

    func record(_ action: InputAction) {
        recorded.withLock { $0.append(action) }
    }

    var actions: [InputAction] { recorded.withLock { $0 } }

    var presses: [TouchPress] {
        actions.compactMap { if case .touch(_, let press) = $0 { press } else { nil } }
    }

    var keys: [UInt16] {
        actions.compactMap { if case .key(_, let code) = $0 { code } else { nil } }
    }

    /// Each `.keyReleased`: the key and how long it was held.
    var releases: [KeyHold] {
        actions.compactMap { if case .keyReleased(_, let code, let held) = $0 { KeyHold(code, held) } else { nil } }
    }

    var lostTouches: Int {
        count { if case .touchLost = $0 { true } else { false } }
    }

    var warnings: [String] {
        actions.compactMap { if case .warning(_, let message) = $0 { message } else { nil } }
    }

    func count(where predicate: (InputAction) -> Bool) -> Int {
        actions.filter(predicate).count
    }

    func awaitPresses(_ count: Int, timeout: Double = 10) throws {
        try awaitCondition("\(count) press(es)", timeout: timeout) { presses.count >= count }
    }

    func awaitKeys(_ count: Int, timeout: Double = 10) throws {
        try awaitCondition("\(count) key(s)", timeout: timeout) { keys.count >= count }
    }

    func awaitReleases(_ count: Int, timeout: Double = 10) throws {
        try awaitCondition("\(count) release(s)", timeout: timeout) { releases.count >= count }
    }

    func awaitConnected(_ count: Int = 1, timeout: Double = 10) throws {
        try awaitCondition("\(count) connection(s)", timeout: timeout) {
            self.count { if case .connected = $0 { true } else { false } } >= count
        }
    }

    func awaitDisconnected(_ count: Int = 1, timeout: Double = 10) throws {
        try awaitCondition("\(count) disconnection(s)", timeout: timeout) {
            self.count { if case .disconnected = $0 { true } else { false } } >= count
        }
    }
}

/// A fake-evdev mount with one InputManager reading it, torn down at the end of a test.
final class InputRig: @unchecked Sendable {
    let evdev: FakeEvdev
    let recorder = ActionRecorder()
    private(set) var manager: InputManager?

    init(_ name: String) throws {
        evdev = try FakeEvdev(mountPoint: try RepositoryPaths.temporaryDirectory("kiosk-\(name)").appendingPathComponent("input"))
    }

    /// - Parameter respond: what the handler answers for each action (the daemon acknowledges committed presses).
    func start(_ sources: [InputSource], respond: @escaping @Sendable (InputAction) -> InputResponse = { _ in .nothing }) -> InputManager {
        let recorder = self.recorder
        let manager = InputManager(sources: sources) { action in
            recorder.record(action)
            return respond(action)
        }
        manager.start()
        self.manager = manager
        return manager
    }

    deinit {
        manager?.stop()
        evdev.stop()
    }

    /// A rig with one keypad of this kind, "pad", connected and read.
    static func keypad(_ device: KeypadDevice, _ name: String) throws -> InputRig {
        let rig = try InputRig(name)
        try rig.evdev.add("pad", description: device.descriptionFile())
        _ = rig.start([KioskInputTests.keypad(rig.evdev.devicePath("pad"))])
        try rig.recorder.awaitConnected()
        return rig
    }
}

let screen1024 = ScreenSize(width: 1024, height: 600)

func touchscreen(_ path: String, mapping: TouchMapping = .identity, screen: ScreenSize = screen1024) -> InputSource {
    InputSource(pathPattern: path, kind: .touchscreen(mapping: mapping, screen: screen), grab: true)
}

func keypad(_ path: String) -> InputSource {
    InputSource(pathPattern: path, kind: .keypad, grab: true)
}
