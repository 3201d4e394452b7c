import Foundation
import Glibc

/// A real IPP Everywhere printer (CUPS's `ippeveprinter`) on a free loopback port, keeping every
/// document it receives in `spool`. It wants a D-Bus bus, so it gets a private one.
public final class IPPEvePrinter: @unchecked Sendable {
    public let port: Int
    public let spool: URL
    private let bus = Process()
    private let printer = Process()
    private let busExit: ExitWatch
    private let printerExit: ExitWatch

    public var uri: String { "ipp://127.0.0.1:\(port)/ipp/print" }

    public init(directory: URL, formats: [String] = ["application/pdf", "image/png", "image/pwg-raster"]) throws {
        port = try freeLoopbackPort()
        spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let busAddress = "unix:path=\(directory.appendingPathComponent("bus").path)"
        busExit = ExitWatch(bus)
        printerExit = ExitWatch(printer)
        for process in [bus, printer] { process.standardInput = FileHandle.nullDevice }
        bus.standardOutput = FileHandle.nullDevice
        bus.standardError = FileHandle.nullDevice
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
        try awaitCondition("ippeveprinter to listen on \(port)") { Loopback.accepts(port: port) }
    }

    deinit {
        printerExit.stop(printer)
        busExit.stop(bus)
    }

    /// The documents received so far, oldest first.
    public func documents() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: spool, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath }
            .sorted { $0.lastPathComponent.localizedStandardCompare($1.lastPathComponent) == .orderedAscending }
    }

}
