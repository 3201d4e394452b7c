import Foundation
import Glibc

/// A kiosk display run for real, as `kiosk-display@.service` runs it on a box: the unit's own
/// commands (cage, the Xwayland it starts, Chromium) as an unprivileged user, on a screen of a
/// chosen size, photographed with grim through cage's screencopy.
///
/// The screen is an Xvfb display under wlroots' X11 backend, not wlroots' headless backend:
/// Debian 12's cage 0.1.4 on wlroots 0.15.1 fails every output commit on the headless backend
/// ("Basic output test failed for HEADLESS-1"), so Chromium never gets a frame and the screen
/// stays black; and that output is fixed at 1280×720 (cage 0.1.4 has no output management). The
/// X11 backend's output takes the size of its window, which is set to the screen's, as a monitor's
/// preferred mode sets it on a box.
///
/// Every process started here carries `KIOSK_DISPLAY=<its directory>` in its environment, so that
/// what a killed browser leaves behind is found and ended, as systemd ends a unit's control group.
public final class KioskDisplay: @unchecked Sendable {
    public let width: Int
    public let height: Int
    /// The user's runtime directory (the Wayland socket) and home (Chromium's profile) are in it.
    public let directory: URL
    /// What scripts/install puts in /usr/local/share/kiosk-display/ (the transparent pointer).
    public let share: URL
    /// What cage, Xwayland and Chromium wrote, for a failing test to show.
    public let log = LineCollector()
    public let user: String

    private let runtime: URL
    private let home: URL
    private let ids: (uid: uid_t, gid: gid_t)
    private let xvfb: Process
    private let xvfbWatch: ExitWatch
    private var xvfbDisplay = ""
    private var cage: (process: Process, watch: ExitWatch)?

    public static let required = ["/usr/bin/Xvfb", "/usr/bin/cage", "/usr/bin/Xwayland", "/usr/bin/chromium", "/usr/bin/grim",
        "/usr/bin/xdotool", "/usr/bin/xwininfo", "/usr/bin/setpriv", "/usr/bin/pngtopnm"]

    /// What is missing to run a display here, or nil.
    public static var missing: String? {
        let absent = required.filter { !FileManager.default.isExecutableFile(atPath: $0) }
        if !absent.isEmpty { return "not installed: \(absent.joined(separator: ", ")) (scripts/setup installs them)" }
        if getuid() != 0 { return "needs root, to run the display as an unprivileged user" }
        return nil
    }

    /// Starts the screen (Xvfb). `user` must not be root: cage refuses to run as root.
    public init(width: Int, height: Int, user: String = "nobody") throws {
        self.width = width
        self.height = height
        self.user = user
        guard let entry = getpwnam(user) else { throw HarnessError("no user \(user)") }
        ids = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        guard ids.uid != 0 else { throw HarnessError("the display runs as an unprivileged user, not \(user)") }
        directory = try RepositoryPaths.temporaryDirectory("display")
        runtime = directory.appendingPathComponent("run")
        home = directory.appendingPathComponent("home")
        share = directory.appendingPathComponent("share")
        for made in [directory, runtime, home] {
            if made != directory { try FileManager.default.createDirectory(at: made, withIntermediateDirectories: false) }
            chmod(made.path, 0o700)
            chown(made.path, ids.uid, ids.gid)
        }
        let theme = try ChildProcess.run(
            RepositoryPaths.root.appendingPathComponent("scripts/blank-cursor-theme"), [share.appendingPathComponent("cursors").path])
        guard theme.status == 0 else { throw HarnessError("scripts/blank-cursor-theme: \(theme.errorText)") }

        xvfb = Process()
        let output = try ChildPipe(child: .writes)
        let number = LineCollector()
        number.collect(from: output)
        xvfbWatch = ExitWatch(xvfb)
        configure(xvfb, ["/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "\(width)x\(height)x24", "-nolisten", "tcp", "-noreset"])
        xvfb.standardOutput = output.childEnd
        xvfb.standardError = FileHandle.nullDevice
        try xvfb.run(handingOver: output)
        do {
            try number.awaitCount(1, timeout: 20)
        } catch {
            xvfbWatch.stop(xvfb)
            throw HarnessError("Xvfb did not start: \(error)")
        }
        xvfbDisplay = ":" + number.lines[0].trimmingCharacters(in: .whitespaces)
    }

    deinit { stop() }

    /// Runs the unit's `ExecStart` (cage and Chromium) on the screen and waits until cage's output
    /// has the screen's size and the browser has drawn on it (cage's own background is black, the
    /// screens never are). Call again after cage ended, as systemd's `Restart=always` does.
    public func start(_ command: [String], environment unitEnvironment: [String: String] = [:]) throws {
        precondition(cage == nil || cage!.watch.hasExited, "cage is already running")
        endLeftovers(sparing: xvfb.processIdentifier)
        let process = Process()
        let output = try ChildPipe(child: .writes)
        log.collect(from: output)
        let watch = ExitWatch(process)
        configure(
            process, command,
            environment: unitEnvironment.merging(["DISPLAY": xvfbDisplay, "WLR_BACKENDS": "x11", "WLR_RENDERER": "pixman"]) { $1 })
        process.standardOutput = output.childEnd
        process.standardError = output.childEnd
        try process.run(handingOver: output)
        cage = (process, watch)

        func failed(_ what: String) -> HarnessError {
            HarnessError("\(what); cage and Chromium said:\n\(log.lines.suffix(40).joined(separator: "\n"))")
        }
        do {
            try awaitCondition("cage's Wayland socket", timeout: 30) {
                if watch.hasExited { throw failed("cage ended at once (\(String(describing: watch.ended)))") }
                return FileManager.default.fileExists(atPath: runtime.appendingPathComponent("wayland-0").path)
            }
            // The X11 backend's output is a window; it is the only window on this screen.
            var windows: [String] = []
            try awaitCondition("cage's output window", timeout: 30) {
                windows = try outputWindows()
                return !windows.isEmpty
            }
            for window in windows {
                try tool("/usr/bin/xdotool", ["windowsize", window, String(width), String(height)], environment: ["DISPLAY": xvfbDisplay])
            }
            try awaitCondition("cage's output to be \(width)×\(height)", timeout: 30) {
                let shot = try capture()
                return shot.width == width && shot.height == height
            }
            try awaitCondition("the browser to draw", timeout: 60) {
                if watch.hasExited { throw failed("cage ended (\(String(describing: watch.ended)))") }
                return try capture().pixels.contains { $0 != 0 }
            }
        } catch let error as HarnessError {
            throw failed(error.description)
        }
    }

    /// The output as grim takes it through cage's screencopy (the whole output, or a rectangle),
    /// with the pointer if one is drawn.
    public func capture(x: Int = 0, y: Int = 0, width: Int? = nil, height: Int? = nil) throws -> RGBImage {
        var arguments = ["-c", "-t", "ppm"]
        if let width, let height { arguments += ["-g", "\(x),\(y) \(width)x\(height)"] }
        let shot = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/grim"), arguments + ["-"], environment: waylandClient, timeout: 30)
        guard shot.status == 0 else { throw HarnessError("grim: \(shot.errorText)") }
        return try RGBImage(ppm: shot.output)
    }

    /// The output as a PNG file.
    public func savePNG(to path: String) throws {
        let shot = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/grim"), ["-c", path], environment: waylandClient, timeout: 30)
        guard shot.status == 0 else { throw HarnessError("grim: \(shot.errorText)") }
    }

    /// The browser cage started (its only client process), or nil.
    public var browser: pid_t? {
        guard let cage, !cage.watch.hasExited else { return nil }
        let pid = cage.process.processIdentifier
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid_t($0) }.first { child in
            (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8))?.hasPrefix("chromium") == true
        }
    }

    /// How cage ended, once it has within `timeout` seconds; nil while it runs.
    public func awaitCageEnd(timeout: Double) -> ExitWatch.Ending? {
        guard let cage else { return nil }
        return cage.watch.wait(timeout: timeout) ? cage.watch.ended : nil
    }

    /// Runs a command as the display's user, in its environment, to its end (the unit's
    /// `ExecStartPre`, for one).
    public func run(_ command: [String], timeout: Double = 120) throws -> ChildProcess.Finished {
        let (executable, arguments) = asUser(command)
        return try ChildProcess.run(executable, arguments, environment: environment(), timeout: timeout)
    }

    /// Ends cage and everything the display started, then the screen.
    public func stop() {
        if let cage { cage.watch.stop(cage.process, signal: SIGTERM, grace: 5) }
        endLeftovers(sparing: xvfb.processIdentifier)
        xvfbWatch.stop(xvfb, signal: SIGTERM, grace: 5)  // gracefully: it removes its socket and lock file
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Processes

    private var marker: String { "KIOSK_DISPLAY=\(directory.path)" }

    private func environment(_ extra: [String: String] = [:]) -> [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home.path, "XDG_RUNTIME_DIR": runtime.path, "LANG": "C.UTF-8",
            "KIOSK_DISPLAY": directory.path,
        ].merging(extra) { $1 }
    }

    private var waylandClient: [String: String] { environment(["WAYLAND_DISPLAY": "wayland-0"]) }

    /// `command` as the display's user: setpriv and its arguments.
    public func asUser(_ command: [String]) -> (URL, [String]) {
        (URL(fileURLWithPath: "/usr/bin/setpriv"), ["--reuid=\(ids.uid)", "--regid=\(ids.gid)", "--clear-groups", "--"] + command)
    }

    private func configure(_ process: Process, _ command: [String], environment extra: [String: String] = [:]) {
        let (executable, arguments) = asUser(command)
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment(extra)
        process.standardInput = FileHandle.nullDevice
    }

    private func tool(_ path: String, _ arguments: [String], environment extra: [String: String]) throws {
        let finished = try ChildProcess.run(URL(fileURLWithPath: path), arguments, environment: environment(extra), timeout: 30)
        guard finished.status == 0 else { throw HarnessError("\(path) \(arguments.joined(separator: " ")): \(finished.errorText)") }
    }

    /// The top-level windows of the Xvfb screen: cage's output.
    private func outputWindows() throws -> [String] {
        let listing = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/xwininfo"), ["-root", "-children"], environment: environment(["DISPLAY": xvfbDisplay]), timeout: 30)
        return listing.outputText.split(separator: "\n").compactMap { line in
            let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            return word.hasPrefix("0x") && !line.contains("(the root window)") ? word : nil
        }
    }

    /// Kills every process that carries this display's marker (but `sparing`), as systemd kills
    /// what is left in a unit's control group before it starts the unit again.
    private func endLeftovers(sparing: pid_t?) {
        let marker = Array(marker.utf8)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry), pid != sparing, pid != getpid(),
                let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ")
            else { continue }
            if environ.split(separator: 0).contains(where: { Array($0) == marker }) { kill(pid, SIGKILL) }
        }
    }
}
