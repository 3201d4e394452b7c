import Foundation
import Glibc

/// A real IPP Everywhere printer (CUPS's `ippeveprinter`) on a free loopback port, keeping every
/// document it receives in `spool`. It wants a D-Bus bus, so it gets a private one.
public final class IPPEvePrinter: @unchecked Sendable {
    public let port: Int
    public let spool: URL
    private let bus = Process()
    private let printer = Process()

    public var uri: String { "ipp://127.0.0.1:\(port)/ipp/print" }

    public init(directory: URL, formats: [String] = ["application/pdf", "image/png", "image/pwg-raster"]) throws {
        port = try freeLoopbackPort()
        spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let busAddress = "unix:path=\(directory.appendingPathComponent("bus").path)"
        try bus.runUnblocked("/usr/bin/dbus-daemon", ["--session", "--address=\(busAddress)", "--nofork", "--nopidfile"])
        try awaitCondition("the private D-Bus bus") {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("bus").path)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["DBUS_SYSTEM_BUS_ADDRESS"] = busAddress
        environment["DBUS_SESSION_BUS_ADDRESS"] = busAddress
        printer.environment = environment
        printer.standardOutput = FileHandle.nullDevice
        printer.standardError = FileHandle.nullDevice
        try printer.runUnblocked(
            "/usr/sbin/ippeveprinter",
            ["-p", String(port), "-f", formats.joined(separator: ","), "-k", "-d", spool.path, "-r", "off", "-s", "600", "Kiosk test printer"])
        try awaitCondition("ippeveprinter to listen on \(port)") { Self.accepts(port: port) }
    }

    deinit {
        for process in [printer, bus] where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The documents received so far, oldest first.
    public func documents() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: spool, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath }
            .sorted { $0.lastPathComponent.localizedStandardCompare($1.lastPathComponent) == .orderedAscending }
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
