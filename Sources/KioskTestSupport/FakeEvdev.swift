import Foundation
import Glibc

/// A running tools/fake-evdev: FUSE files that the real libevdev reads as evdev devices.
///
/// Devices appear at `devices/NAME`. Events are written through the `ctl` file; what clients
/// write back to a device (LEDs), and opens and closes, come out on the server's stdout.
public final class FakeEvdev: @unchecked Sendable {
    public let mountPoint: URL
    public let output = LineCollector()
    private let process = Process()
    private let exit: ExitWatch

    public var devices: URL { mountPoint.appendingPathComponent("dev") }

    public func devicePath(_ name: String) -> String {
        devices.appendingPathComponent(name).path
    }

    public init(mountPoint: URL) throws {
        self.mountPoint = mountPoint
        guard FileManager.default.isExecutableFile(atPath: RepositoryPaths.fakeEvdev.path) else {
            throw HarnessError("\(RepositoryPaths.fakeEvdev.path) is not built: run `make -C tools/fake-evdev` (scripts/test does)")
        }
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let pipe = try ChildPipe(child: .writes)
        process.executableURL = RepositoryPaths.fakeEvdev
        process.arguments = [mountPoint.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe.childEnd
        process.standardError = FileHandle.nullDevice
        output.collect(from: pipe)
        exit = ExitWatch(process)
        try process.run(handingOver: pipe)
        try output.await("fake-evdev to mount \(mountPoint.path)") { $0 == "ready" }
    }

    deinit {
        stop()
    }

    /// Unmounts and stops the server.
    public func stop() {
        exit.stop(process, signal: SIGTERM)
        if exit.ended == .signalled(SIGKILL) {
            _ = try? ChildProcess.run(URL(fileURLWithPath: "/bin/umount"), ["-l", mountPoint.path], timeout: 10)
        }
    }

    /// Plugs in a device described by an evemu description (`.prop`, or a recording's header).
    public func add(_ name: String, description: URL) throws {
        try control("add \(name) \(description.path)")
        try awaitCondition("\(name) to appear") { FileManager.default.fileExists(atPath: devicePath(name)) }
    }

    /// Unplugs a device: open handles read ENODEV and poll POLLHUP, like a pulled USB cable.
    public func remove(_ name: String) throws {
        try control("remove \(name)")
    }

    /// Emits events in one write, so a whole frame reaches readers at once.
    public func emit(_ name: String, _ events: [ScriptedEvent]) throws {
        guard !events.isEmpty else { return }
        try control(events.map { $0.controlLine(device: name) }.joined(separator: "\n"))
    }

    /// Simulates a buffer overrun: until `resume`, events change the device's state but are lost.
    public func drop(_ name: String) throws {
        try control("drop \(name)")
    }

    /// Ends the overrun: readers get SYN_DROPPED and must resync through ioctls.
    public func resume(_ name: String) throws {
        try control("resume \(name)")
    }

    /// Waits until a client has the device open (`opened NAME` on the server's stdout).
    public func awaitOpened(_ name: String, after: Int = 0, timeout: Double = 10) throws {
        try output.await("a client to open \(name)", from: after, timeout: timeout) { $0 == "opened \(name)" }
    }

    /// The lines `write NAME TYPE CODE VALUE` clients wrote to a device (LED changes).
    public func writes(to name: String) -> [[Int]] {
        output.lines.compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 5, parts[0] == "write", parts[1] == name else { return nil }
            return parts[2...].compactMap { Int($0) }
        }
    }

    private func control(_ text: String) throws {
        let path = mountPoint.appendingPathComponent("ctl").path
        let fd = open(path, O_WRONLY)
        guard fd >= 0 else { throw HarnessError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array((text + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw HarnessError("fake-evdev refused \"\(text.prefix(80))\": \(String(cString: strerror(errno)))")
        }
    }
}

/// One event to emit; `time` (seconds) stamps it explicitly, else the server stamps it with now.
public struct ScriptedEvent: Sendable, Equatable {
    public var type: UInt16
    public var code: UInt16
    public var value: Int32
    public var time: Double?

    public init(_ type: UInt16, _ code: UInt16, _ value: Int32, time: Double? = nil) {
        self.type = type
        self.code = code
        self.value = value
        self.time = time
    }

    func controlLine(device: String) -> String {
        var line = "emit \(device) \(type) \(code) \(value)"
        if let time {
            let seconds = Int(time.rounded(.down))
            let micros = Int(((time - Double(seconds)) * 1_000_000).rounded())
            line += String(format: " %d.%06d", seconds, min(micros, 999_999))
        }
        return line
    }
}
