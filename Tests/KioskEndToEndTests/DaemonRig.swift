import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport

/// A temporary office: emulated devices, an office file pointing at them, kioskd, its events.
final class DaemonRig: @unchecked Sendable {
    let directory: URL
    let evdev: FakeEvdev
    let configPath: String
    var stateDirectory: URL { directory.appendingPathComponent("state") }
    private(set) var daemon: KioskdProcess?
    private(set) var events: EventStream?

    static let egalax = RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop")
    static let keypad = RepositoryPaths.deviceDescription("keypad.prop")

    init(_ name: String, office: (FakeEvdev) -> String) throws {
        directory = try RepositoryPaths.temporaryDirectory("kioskd-\(name)")
        evdev = try FakeEvdev(mountPoint: directory.appendingPathComponent("input"))
        configPath = directory.appendingPathComponent("office.toml").path
        try office(evdev).write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        daemon = nil
        evdev.stop()
    }

    /// Starts kioskd and subscribes to its events; returns once it is ready.
    @discardableResult
    func start(environment: [String: String] = [:]) throws -> KioskdProcess {
        let process = try KioskdProcess(config: configPath, stateDirectory: stateDirectory, environment: environment)
        daemon = process
        try process.awaitReady()
        events = try EventStream(socketPath: process.controlSocket)
        return process
    }

    func kill9() throws {
        guard let daemon else { return }
        daemon.signal(SIGKILL)
        try daemon.awaitExit()
        events = nil
    }

    /// `kioskctl tally --json` for today, decoded.
    func tally() throws -> DayTallyReport {
        let output = try KioskdProcess.run(
            RepositoryPaths.binary("kioskctl"),
            ["tally", "--json", "--config", configPath, "--state-dir", stateDirectory.path])
        return try ProtocolJSON.decode(DayTallyReport.self, from: output)
    }

    func voteCount(choice: String? = nil) throws -> Int {
        try tally().votes.filter { choice == nil || $0.choice == choice }.reduce(0) { $0 + $1.count }
    }

    func rejectedCount(_ kind: String) throws -> Int {
        try tally().rejected.filter { $0.kind == kind }.reduce(0) { $0 + $1.count }
    }
}

/// Office files for the tests, with devices in a fake-evdev mount.
enum TestOffice {
    static let header = """
        [office]
        code = "TEST-OFFICE"
        name = "Bộ phận Một cửa thử nghiệm"

        [[services]]
        id = "ho-tich"
        letter = "A"
        name = "Tư pháp – Hộ tịch"

        [[counters]]
        id = "quay-1"
        number = 1
        services = ["ho-tich"]

        [[counters]]
        id = "quay-2"
        number = 2
        services = ["ho-tich"]

        """

    static let zones = """
        screen = { width = 1000, height = 500 }
        zones = [
          { choice = 1, x = 0,   y = 100, width = 250, height = 400 },
          { choice = 2, x = 250, y = 100, width = 250, height = 400 },
          { choice = 3, x = 500, y = 100, width = 250, height = 400 },
          { choice = 4, x = 750, y = 100, width = 250, height = 400 },
        ]
        """

    /// Counter 1: touchscreen, free policy. Counter 2: rating keypad, armed by a staff keypad.
    static func touchAndArmedKeypad(_ evdev: FakeEvdev, lockoutSeconds: Int = 30, survey: String = "default") -> String {
        header + """
            [survey]
            preset = "\(survey)"

            [[terminals]]
            id = "quay-1-danh-gia"
            kind = "rating"
            counter = "quay-1"
            policy = "free"
            lockout_seconds = \(lockoutSeconds)
            min_press_ms = 40
            max_press_ms = 3000
            \(zones)

            [[terminals]]
            id = "quay-2-danh-gia"
            kind = "rating"
            counter = "quay-2"
            policy = "armed"
            arm_window_seconds = 60

            [[devices]]
            path = "\(evdev.devices.path)/touch*"
            role = "rating_touchscreen"
            terminal = "quay-1-danh-gia"

            [[devices]]
            path = "\(evdev.devicePath("rating-pad"))"
            role = "rating_keypad"
            terminal = "quay-2-danh-gia"

            [[devices]]
            path = "\(evdev.devicePath("staff-pad"))"
            role = "staff_keypad"
            counter = "quay-2"
            keys = { KEY_KPENTER = "arm" }

            """
    }

    /// One rating keypad with a free policy and no lockout: every key press is a vote.
    static func freeKeypad(_ evdev: FakeEvdev, survey: String = "default") -> String {
        header + """
            [survey]
            preset = "\(survey)"

            [[terminals]]
            id = "quay-1-danh-gia"
            kind = "rating"
            counter = "quay-1"
            policy = "free"
            lockout_seconds = 0

            [[devices]]
            path = "\(evdev.devicePath("rating-pad"))"
            role = "rating_keypad"
            terminal = "quay-1-danh-gia"

            """
    }
}
