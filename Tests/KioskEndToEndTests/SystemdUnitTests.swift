import Foundation
import KioskTestSupport
import Testing

/// `systemd/kioskd.service` as shipped: systemd accepts it, and it keeps the daemon's contract
/// (notify + watchdog, a non-root user, a state directory).
@Suite(.enabled(if: SystemdUnitFile.analyzer != nil, "systemd-analyze is not installed"))
struct SystemdUnitTests {
    @Test func systemdAnalyzeVerifiesTheUnitWithTheBuiltBinary() throws {
        let kioskd = RepositoryPaths.binary("kioskd")
        try #require(FileManager.default.isExecutableFile(atPath: kioskd.path), "build kioskd first: \(kioskd.path)")
        let result = try SystemdUnitFile.verify(replacingBinaryWith: kioskd.path)
        let aboutTheUnit = result.lines.filter { $0.contains(SystemdUnitFile.name) }
        #expect(aboutTheUnit == [], "systemd-analyze verify:\n\(result.lines.joined(separator: "\n"))")
        #expect(result.status == 0, "systemd-analyze verify:\n\(result.lines.joined(separator: "\n"))")
    }

    /// The check above can fail: the same run reports the unit when its binary is missing.
    @Test func verifyReportsTheUnitWhenItsBinaryIsMissing() throws {
        let result = try SystemdUnitFile.verify(replacingBinaryWith: "/nonexistent/kioskd")
        #expect(result.status != 0)
        #expect(result.lines.contains { $0.contains(SystemdUnitFile.name) && $0.contains("/nonexistent/kioskd") })
    }

    /// The push and collector units: systemd accepts them with the built binaries.
    @Test(arguments: ["kiosk-push.service", "kiosk-push.timer", "collectord.service"])
    func systemdAnalyzeVerifiesTheOtherUnits(_ unit: String) throws {
        let result = try SystemdUnitFile.verifyAll(unit)
        #expect(result.lines.filter { $0.contains(unit) } == [], "systemd-analyze verify:\n\(result.lines.joined(separator: "\n"))")
        #expect(result.status == 0, "systemd-analyze verify:\n\(result.lines.joined(separator: "\n"))")
    }

    /// `systemd-analyze security` (offline, on the unit files): every service's exposure stays at
    /// 2.0 or under ("OK"); the scores are printed for the record.
    @Test(arguments: ["kioskd.service", "kiosk-push.service", "collectord.service"])
    func everyServiceIsHardenedToAnExposureOfAtMostTwo(_ unit: String) throws {
        let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("systemd/\(unit)"), encoding: .utf8)
        let (status, score) = try Self.exposure(of: text, named: unit)
        print("systemd-analyze security \(unit): \(score.map { String($0) } ?? "?")")
        #expect(status == 0)
        #expect(score.map { $0 <= 2.0 } == true, "\(unit): exposure \(score.map { String($0) } ?? "?")")
    }

    /// The check above can fail: the same unit without its hardening scores far higher.
    @Test func aUnitWithoutItsHardeningScoresHigh() throws {
        let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("systemd/collectord.service"), encoding: .utf8)
        let bare = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            !["Protect", "Restrict", "Private", "NoNewPrivileges", "CapabilityBoundingSet", "SystemCall", "LockPersonality", "MemoryDeny",
                "User=", "DynamicUser", "UMask", "RemoveIPC", "DevicePolicy"].contains { line.hasPrefix($0) }
        }.joined(separator: "\n")
        let (status, score) = try Self.exposure(of: bare, named: "collectord.service")
        #expect(status != 0)
        #expect(score.map { $0 > 5 } == true, "exposure \(score.map { String($0) } ?? "?")")
    }

    static func exposure(of text: String, named unit: String) throws -> (status: Int32, score: Double?) {
        let directory = try RepositoryPaths.temporaryDirectory("unit-security")
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent(unit)
        try text.write(to: copy, atomically: true, encoding: .utf8)
        let result = try SystemdUnitFile.run(["security", "--offline=yes", "--threshold=20", "--no-pager", copy.path])
        let line = result.lines.last { $0.contains("Overall exposure level") }
        let score = line.flatMap { $0.split(separator: ":").last?.split(separator: " ").first }.flatMap { Double($0) }
        return (result.status, score)
    }

    /// `scripts/install --destdir`: the binaries, units, office file and calendars where the units
    /// expect them; the installed kioskd accepts the installed office file with its calendars; a
    /// second install keeps the office's own file.
    @Test func theInstallScriptPlacesWhatTheUnitsExpect() throws {
        let root = try RepositoryPaths.temporaryDirectory("install-root")
        defer { try? FileManager.default.removeItem(at: root) }
        let script = RepositoryPaths.root.appendingPathComponent("scripts/install")
        let first = try KioskdProcess.run(script, ["--destdir", root.path, "--binaries", RepositoryPaths.binaries.path])
        #expect(first.contains("/etc/kiosk/office.toml is the example"))
        for file in ["usr/local/bin/kioskd", "usr/local/bin/kioskctl", "usr/local/bin/collectord"] {
            #expect(FileManager.default.isExecutableFile(atPath: root.appendingPathComponent(file).path), "\(file)")
        }
        for unit in ["kioskd.service", "kiosk-push.service", "kiosk-push.timer", "collectord.service", "kiosk-display@.service"] {
            let installed = try String(contentsOf: root.appendingPathComponent("etc/systemd/system/\(unit)"), encoding: .utf8)
            #expect(installed == (try String(contentsOf: RepositoryPaths.root.appendingPathComponent("systemd/\(unit)"), encoding: .utf8)))
        }
        let pointer = root.appendingPathComponent("usr/local/share/kiosk-display/cursors/default/cursors/left_ptr")
        #expect(try Data(contentsOf: pointer).prefix(4) == Data("Xcur".utf8), "the display's transparent pointer")
        let office = root.appendingPathComponent("etc/kiosk/office.toml")
        let mode = try FileManager.default.attributesOfItem(atPath: office.path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "the office file is not for everybody")
        let check = try KioskdProcess.run(root.appendingPathComponent("usr/local/bin/kioskd"), ["--check-config", "--config", office.path])
        #expect(check.contains("OK"))
        #expect(check.contains("calendar official 2025, 2026; provisional 1900–2100 otherwise"))

        try "# the office's own file\n".appending(try String(contentsOf: office, encoding: .utf8)).write(to: office, atomically: true, encoding: .utf8)
        let second = try KioskdProcess.run(script, ["--destdir", root.path, "--binaries", RepositoryPaths.binaries.path])
        #expect(second.contains("kept the existing /etc/kiosk/office.toml"))
        #expect(try String(contentsOf: office, encoding: .utf8).hasPrefix("# the office's own file"))
    }

    /// The display unit, as an instance for the hall: systemd accepts it (cage and Chromium
    /// installed), it waits for kioskd's page, then opens it in a kiosk browser as a user of its
    /// own, and starts again, without ever giving up, if the browser ends. Its exposure is printed
    /// for the record. (`KioskDisplayTests` runs its commands.)
    @Test func theDisplayUnitOpensItsScreenInAKioskBrowser() throws {
        let directory = try RepositoryPaths.temporaryDirectory("display-unit")
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = RepositoryPaths.root.appendingPathComponent("systemd/kiosk-display@.service")
        let instance = directory.appendingPathComponent("kiosk-display@screens-hall.service")
        try String(contentsOf: template, encoding: .utf8).replacingOccurrences(of: "/usr/local/bin/", with: RepositoryPaths.binaries.path + "/")
            .write(to: instance, atomically: true, encoding: .utf8)
        let source = RepositoryPaths.root.appendingPathComponent("systemd/kioskd.service")
        try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "/usr/local/bin/", with: RepositoryPaths.binaries.path + "/")
            .write(to: directory.appendingPathComponent("kioskd.service"), atomically: true, encoding: .utf8)
        let result = try SystemdUnitFile.run(["verify", instance.path])
        #expect(result.status == 0, "systemd-analyze verify:\n\(result.lines.joined(separator: "\n"))")
        #expect(result.lines.filter { $0.contains("kiosk-display") } == [])

        let service = try SystemdUnitFile.settings(in: "Service", of: "kiosk-display@.service")
        let exec = try #require(service["ExecStart"]?.last)
        #expect(exec.hasPrefix("/usr/bin/cage -d -- /usr/bin/chromium --ozone-platform=x11 --kiosk "))
        #expect(exec.hasSuffix("--app=http://127.0.0.1:8470/%I"))
        #expect(service["ExecStartPre"] == ["/usr/local/bin/kioskctl wait-page --timeout 90 http://127.0.0.1:8470/%I"])
        #expect(service["User"] == ["kiosk-display"])
        #expect(service["Restart"] == ["always"])
        let unit = try SystemdUnitFile.settings(in: "Unit", of: "kiosk-display@.service")
        #expect(unit["StartLimitIntervalSec"] == ["0"], "a screen is restarted for as long as it takes")
        let security = try SystemdUnitFile.run(["security", "--offline=yes", "--no-pager", instance.path])
        print("systemd-analyze security kiosk-display@screens-hall.service: \(security.lines.last ?? "?")")
        #expect(security.lines.last?.contains("OK") == true)
    }

    @Test func theTimerPushesNightlySpreadOutAndCatchesUp() throws {
        let timer = try SystemdUnitFile.settings(in: "Timer", of: "kiosk-push.timer")
        #expect(timer["Persistent"] == ["true"])
        #expect(timer["RandomizedDelaySec"]?.last.map { $0 != "0" } == true)
        #expect(timer["OnCalendar"]?.count == 1)
        let push = try SystemdUnitFile.settings(in: "Service", of: "kiosk-push.service")
        #expect(push["ExecStart"] == ["/usr/local/bin/kioskctl push --config /etc/kiosk/office.toml"])
        #expect(push["User"] == ["kiosk"])
        #expect(push["StateDirectory"] == ["kioskd"])
        #expect(push["RestartPreventExitStatus"] == ["1 2"])
    }

    @Test func theUnitKeepsTheDaemonsContract() throws {
        let service = try SystemdUnitFile.settings(in: "Service")
        #expect(service["Type"] == ["notify"])
        #expect(service["NotifyAccess"] == ["main"])
        let watchdog = try #require(service["WatchdogSec"]?.last)
        #expect(Int(watchdog).map { $0 > 0 } == true, "WatchdogSec=\(watchdog)")
        let user = try #require(service["User"]?.last)
        #expect(!user.isEmpty && user != "root" && user != "0", "User=\(user)")
        #expect(service["StateDirectory"]?.last?.isEmpty == false)
        #expect(service["Restart"] == ["on-failure"])
        // kioskd exits 2 on an invalid office file: restarting cannot help.
        #expect(service["RestartPreventExitStatus"] == ["2"])
        // No ExecStartPre: RestartPreventExitStatus=2 applies to ExecStart, which checks the file itself.
        #expect(service["ExecStartPre"] == nil)
        #expect(service["ExecStart"] == ["/usr/local/bin/kioskd --config /etc/kiosk/office.toml"])
        #expect(service["CapabilityBoundingSet"] == [""])
        #expect(service["PrivateNetwork"] == nil)
    }
}

enum SystemdUnitFile {
    static let name = "kioskd.service"
    static let shippedBinary = "/usr/local/bin/kioskd"

    static var path: URL { RepositoryPaths.root.appendingPathComponent("systemd").appendingPathComponent(name) }

    static let analyzer: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze", "/usr/local/bin/systemd-analyze"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Every `Key=value` of a section, in order (a key may repeat; comments and blank lines skipped).
    static func settings(in section: String, of unit: String = name) throws -> [String: [String]] {
        try UnitFileSettings.read(RepositoryPaths.root.appendingPathComponent("systemd").appendingPathComponent(unit), section: section)
    }

    struct Verification {
        var status: Int32
        var lines: [String]
    }

    /// Runs `systemd-analyze verify` on a copy of the unit whose kioskd path is `binary`.
    static func verify(replacingBinaryWith binary: String) throws -> Verification {
        let directory = try RepositoryPaths.temporaryDirectory("kioskd-unit")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains(shippedBinary))
        let copy = directory.appendingPathComponent(name)
        try text.replacingOccurrences(of: shippedBinary, with: binary).write(to: copy, atomically: true, encoding: .utf8)

        return try run(["verify", copy.path])
    }

    /// Verifies one unit of `systemd/`, with every unit beside it and /usr/local/bin/ pointing at the built binaries.
    static func verifyAll(_ unit: String) throws -> Verification {
        let directory = try RepositoryPaths.temporaryDirectory("kiosk-units")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = RepositoryPaths.root.appendingPathComponent("systemd")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.contains(".service") || file.contains(".timer") {
            let text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: "/usr/local/bin/", with: RepositoryPaths.binaries.path + "/")
            try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return try run(["verify", directory.appendingPathComponent(unit).path])
    }

    /// Runs systemd-analyze without pager or colours; its status and output lines.
    static func run(_ arguments: [String]) throws -> Verification {
        var environment = ProcessInfo.processInfo.environment
        environment["SYSTEMD_PAGER"] = ""
        environment["SYSTEMD_COLORS"] = "0"
        let finished = try ChildProcess.run(URL(fileURLWithPath: try #require(analyzer)), arguments, environment: environment)
        let lines = (finished.outputText + finished.errorText).split(separator: "\n").map(String.init)
        return Verification(status: finished.status, lines: lines)
    }
}
