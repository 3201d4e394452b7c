import Foundation
import Glibc

/// A cupsd of our own on a free loopback port, with its own directories and no authentication,
/// started for a test or benchmark and stopped with it. It is the cupsd installed on the machine
/// (`/usr/sbin/cupsd`), so the tests print through whatever Debian ships today, or the one
/// `KIOSK_TEST_CUPSD` names (`scripts/test` runs the printing tests again on the build before).
///
/// Its ServerBin mirrors the system's (filters, backends) plus two test backends:
/// - `kioskfault:/REASON` reports that printer-state-reason and exits 4 (the queue stops), as a
///   vendor backend that gives up on a fault does;
/// - `kioskusb:/NAME`, a thermal printer on USB (`ModelPrinter`): it forwards each job's bytes
///   to a TCP sink, and when its paper is out it behaves as the shape it is set to (the usb
///   backend staying in the job, exit 6, exit 1, stopping halfway), or it crashes cupsd.
public final class PrivateCups: @unchecked Sendable {
    public let directory: URL
    public let port: Int
    private let socketPath: String?
    private let lock = NSLock()
    private var process = Process()
    private var exit: ExitWatch?
    private var restartsAfterCrash = false
    private var stopping = false
    private var startCount = 0

    public var server: String { "127.0.0.1:\(port)" }

    /// - Parameter socketPath: also listen on this Unix socket (the demo office file names one).
    public init(directory: URL, socketPath: String? = nil) throws {
        self.directory = directory
        self.socketPath = socketPath
        port = try freeLoopbackPort()
        try Self.prepare(directory: directory, port: port, socketPath: socketPath)
        try launch()
    }

    deinit {
        stop()
    }

    /// cupsd's pid now (it changes when cupsd is restarted).
    public var pid: Int32 {
        lock.withLock { process.processIdentifier }
    }

    /// How many times cupsd has been started (1, then one more per restart).
    public var starts: Int {
        lock.withLock { startCount }
    }

    /// Sends cupsd a signal: SIGSTOP makes it a hung print service (connections are accepted by
    /// the kernel, never answered), SIGCONT brings it back.
    public func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// From now on cupsd is started again whenever it dies, as systemd does for cups.service
    /// (with socket activation, at the next connection). Queues added before this are saved first
    /// (a graceful restart): cupsd writes its state files lazily, and a crash would lose them.
    public func restartWhenItDies() throws {
        try restart()
        lock.withLock { restartsAfterCrash = true }
    }

    /// Stops cupsd gracefully (SIGTERM: it saves its queues and jobs) and starts it again.
    public func restart() throws {
        let (old, oldExit) = lock.withLock {
            stopping = true
            return (process, exit)
        }
        kill(old.processIdentifier, SIGCONT)
        oldExit?.stop(old, signal: SIGTERM, grace: 20)
        lock.withLock { stopping = false }
        try launch()
    }

    /// Kills cupsd (and stops restarting it): a private test server has nothing to save.
    public func stop() {
        let (current, currentExit) = lock.withLock {
            stopping = true
            restartsAfterCrash = false
            return (process, exit)
        }
        kill(current.processIdentifier, SIGCONT)
        currentExit?.stop(current)
    }

    /// A raw queue (no driver) sending jobs to `deviceURI`, enabled and accepting.
    public func addRawQueue(_ name: String, deviceURI: String, errorPolicy: String = "stop-printer") throws {
        _ = try run("lpadmin", ["-p", name, "-v", deviceURI, "-o", "printer-error-policy=\(errorPolicy)", "-E"])
    }

    /// A raw queue ending in a model thermal printer whose bytes go to `sinkPort`.
    public func addModelPrinterQueue(_ name: String, sinkPort: Int, errorPolicy: String = "stop-printer") throws -> ModelPrinter {
        let printer = try ModelPrinter(directory: directory.appendingPathComponent("kioskusb/\(name)"), sinkPort: sinkPort)
        try addRawQueue(name, deviceURI: "kioskusb:/\(name)", errorPolicy: errorPolicy)
        return printer
    }

    /// A driverless queue (IPP Everywhere) for an IPP printer: PNG and PDF jobs with a driver.
    ///
    /// Returns once the queue takes every one of `formats`. cupsd answers `lpadmin -m everywhere`
    /// at once, with a stand-in PPD, and makes the real one from the printer's attributes on a
    /// thread of its own; a job that arrives meanwhile can find its format's filters half set up
    /// and is aborted ("Unable to convert file 0 to printable format", seen with Debian's
    /// 2.4.2-3+deb12u11). The queue's `document-format-supported` is set when they are complete.
    public func addIPPEverywhereQueue(_ name: String, uri: String, formats: [String]) throws {
        _ = try run("lpadmin", ["-p", name, "-v", uri, "-m", "everywhere", "-E"])
        try awaitCondition("queue \(name) to take \(formats.joined(separator: ", "))", timeout: 20) {
            let supported = try documentFormats(queue: name)
            return formats.allSatisfy(supported.contains)
        }
    }

    /// The queue's `document-format-supported`, as ipptool reads it; empty while cupsd cannot say.
    private func documentFormats(queue: String) throws -> Set<String> {
        let request = directory.appendingPathComponent(Self.documentFormatsRequest)
        let answer = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/ipptool"), ["-t", "ipp://\(server)/printers/\(queue)", request.path], timeout: 20)
        guard answer.status == 0,
            let line = answer.outputText.split(separator: "\n").first(where: { $0.contains("document-format-supported") }),
            let equals = line.range(of: " = ")
        else { return [] }
        return Set(line[equals.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// Runs a CUPS client command (lp, lpstat, cupsdisable, …) against this server.
    @discardableResult
    public func run(_ command: String, _ arguments: [String]) throws -> String {
        let path = ["/usr/bin/\(command)", "/usr/sbin/\(command)"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { throw HarnessError("\(command) is not installed (scripts/setup installs cups-client)") }
        return try KioskdProcess.run(URL(fileURLWithPath: path), ["-h", server] + arguments)
    }

    /// Waits until cupsd answers (after a start or restart).
    public func awaitRunning(timeout: Double = 10) throws {
        try awaitCondition("cupsd to listen on \(server)", timeout: timeout) {
            (try? run("lpstat", ["-r"]))?.contains("scheduler is running") == true
        }
    }

    // MARK: - The process

    private func launch() throws {
        let next = Process()
        let log = directory.appendingPathComponent("log/cupsd.out")
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        next.standardInput = FileHandle.nullDevice
        next.standardOutput = handle
        next.standardError = handle
        let nextExit = ExitWatch(next) { [weak self] ended in self?.ended(ended) }
        try next.runUnblocked(
            Self.cupsd,
            ["-f", "-c", directory.appendingPathComponent("cupsd.conf").path, "-s", directory.appendingPathComponent("cups-files.conf").path])
        lock.withLock {
            process = next
            exit = nextExit
            startCount += 1
        }
        do {
            try awaitCondition("cupsd to listen on \(server)") {
                guard !nextExit.hasExited else {
                    throw HarnessError("cupsd exited: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
                }
                return (try? run("lpstat", ["-r"]))?.contains("scheduler is running") == true
            }
        } catch let error as HarnessError where lock.withLock({ restartsAfterCrash }) {
            // It crashed again while starting (a job it reloaded): the handler starts it again.
            _ = error
        }
    }

    private func ended(_ ended: Process) {
        let again = lock.withLock { restartsAfterCrash && !stopping && ended === process }
        guard again else { return }
        Thread {
            usleep(100_000)  // systemd's default RestartSec is 100 ms
            try? self.launch()
        }.start()
    }

    static var cupsd: String {
        ProcessInfo.processInfo.environment["KIOSK_TEST_CUPSD"] ?? "/usr/sbin/cupsd"
    }

    /// An ipptool request for `document-format-supported` alone, with no expectations: ipptool's
    /// own get-printer-attributes.test checks more, which a queue whose PPD is still being made fails.
    private static let documentFormatsRequest = "document-formats.test"

    private static func prepare(directory: URL, port: Int, socketPath: String?) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            {
              OPERATION Get-Printer-Attributes
              GROUP operation-attributes-tag
              ATTR charset attributes-charset utf-8
              ATTR naturalLanguage attributes-natural-language en
              ATTR uri printer-uri $uri
              ATTR keyword requested-attributes document-format-supported
              DISPLAY document-format-supported
            }
            """.write(to: directory.appendingPathComponent(documentFormatsRequest), atomically: true, encoding: .utf8)
        let fm = FileManager.default
        for sub in ["spool", "tmp", "cache", "state", "log", "serverbin/backend", "kioskusb"] {
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
        let model = serverBin.appendingPathComponent("backend/kioskusb")
        try ModelPrinter.backend.write(to: model, atomically: true, encoding: .utf8)
        // Mode 0700: cupsd runs it as root, so that in `crash` mode it can kill cupsd.
        chmod(model.path, 0o700)

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
    }
}
