import Foundation
import Glibc

/// A cupsd of our own on a free loopback port, with its own directories and no authentication,
/// started for a test or benchmark and stopped with it.
///
/// Its ServerBin mirrors the system's (filters, backends) plus a `kioskfault` backend that
/// reports a printer fault: `kioskfault:/media-empty-error` makes every job stop the queue with
/// that printer-state-reason, as a thermal printer out of paper does.
public final class PrivateCups: @unchecked Sendable {
    public let directory: URL
    public let port: Int
    private let process = Process()
    public let output = LineCollector()

    public var server: String { "127.0.0.1:\(port)" }

    /// - Parameter socketPath: also listen on this Unix socket (the demo office file names one).
    public init(directory: URL, socketPath: String? = nil) throws {
        self.directory = directory
        port = try freeLoopbackPort()
        let fm = FileManager.default
        for sub in ["spool", "tmp", "cache", "state", "log", "serverbin/backend"] {
            try fm.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        // Backends and filters run as the lp user: it must be able to reach ServerBin and the spool.
        var reachable = directory
        while reachable.path.hasPrefix("/tmp/") {
            chmod(reachable.path, 0o755)
            reachable.deleteLastPathComponent()
        }
        let serverBin = directory.appendingPathComponent("serverbin")
        for entry in try fm.contentsOfDirectory(atPath: "/usr/lib/cups") where entry != "backend" {
            try fm.createSymbolicLink(atPath: serverBin.appendingPathComponent(entry).path, withDestinationPath: "/usr/lib/cups/\(entry)")
        }
        for entry in try fm.contentsOfDirectory(atPath: "/usr/lib/cups/backend") {
            try fm.createSymbolicLink(
                atPath: serverBin.appendingPathComponent("backend/\(entry)").path, withDestinationPath: "/usr/lib/cups/backend/\(entry)")
        }
        let fault = serverBin.appendingPathComponent("backend/kioskfault")
        try """
            #!/bin/sh
            # Test backend: reports the printer-state-reason named in the device URI and stops the queue.
            if [ $# -eq 0 ]; then echo 'direct kioskfault "Unknown" "Kiosk test fault"'; exit 0; fi
            reason="${DEVICE_URI#kioskfault:/}"
            cat > /dev/null
            echo "STATE: +$reason" >&2
            echo "ERROR: simulated $reason" >&2
            exit 4
            """.write(to: fault, atomically: true, encoding: .utf8)
        chmod(fault.path, 0o755)

        try """
            Listen 127.0.0.1:\(port)
            \(socketPath.map { "Listen \($0)" } ?? "")
            LogLevel warn
            WebInterface No
            Browsing No
            DefaultAuthType None
            MaxJobs 0
            PreserveJobHistory Yes
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              JobPrivateAccess all
              JobPrivateValues none
              SubscriptionPrivateAccess all
              SubscriptionPrivateValues none
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>
            """.write(to: directory.appendingPathComponent("cupsd.conf"), atomically: true, encoding: .utf8)
        try """
            ServerRoot \(directory.path)
            RequestRoot \(directory.path)/spool
            TempDir \(directory.path)/tmp
            CacheDir \(directory.path)/cache
            StateDir \(directory.path)/state
            ServerBin \(serverBin.path)
            DataDir /usr/share/cups
            ErrorLog \(directory.path)/log/error_log
            AccessLog \(directory.path)/log/access_log
            PageLog \(directory.path)/log/page_log
            """.write(to: directory.appendingPathComponent("cups-files.conf"), atomically: true, encoding: .utf8)

        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        output.collect(from: pipe)
        try process.runUnblocked(
            "/usr/sbin/cupsd",
            ["-f", "-c", directory.appendingPathComponent("cupsd.conf").path, "-s", directory.appendingPathComponent("cups-files.conf").path])
        try awaitCondition("cupsd to listen on \(server)") {
            guard process.isRunning else {
                throw HarnessError("cupsd exited: \(output.lines.joined(separator: "\n"))")
            }
            return (try? run("lpstat", ["-r"]))?.contains("scheduler is running") == true
        }
    }

    deinit {
        stop()
    }

    /// Sends cupsd a signal: SIGSTOP makes it a hung print service (connections are accepted by
    /// the kernel, never answered), SIGCONT brings it back.
    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Kills cupsd: a private test server has nothing to save.
    public func stop() {
        kill(process.processIdentifier, SIGCONT)
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A raw queue (no driver) sending jobs to `deviceURI`, enabled and accepting.
    public func addRawQueue(_ name: String, deviceURI: String) throws {
        _ = try run("lpadmin", ["-p", name, "-v", deviceURI, "-o", "printer-error-policy=stop-printer", "-E"])
    }

    /// A driverless queue (IPP Everywhere) for an IPP printer: PNG and PDF jobs with a driver.
    public func addIPPEverywhereQueue(_ name: String, uri: String) throws {
        _ = try run("lpadmin", ["-p", name, "-v", uri, "-m", "everywhere", "-E"])
    }

    /// Runs a CUPS client command (lp, lpstat, cupsdisable, …) against this server.
    @discardableResult
    public func run(_ command: String, _ arguments: [String]) throws -> String {
        let path = ["/usr/bin/\(command)", "/usr/sbin/\(command)"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw HarnessError("\(command) is not installed (scripts/setup installs cups-client)") }
        return try KioskdProcess.run(URL(fileURLWithPath: path), ["-h", server] + arguments)
    }
}
