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
        let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("systemd").appendingPathComponent(unit), encoding: .utf8)
        var current = ""
        var settings: [String: [String]] = [:]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            guard current == section, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            settings[key, default: []].append(value)
        }
        return settings
    }

    struct Verification {
        var status: Int32
        var lines: [String]
    }

    /// Runs `systemd-analyze verify` on a copy of the unit whose kioskd path is `binary`.
    static func verify(replacingBinaryWith binary: String) throws -> Verification {
        let analyzer = try #require(analyzer)
        let directory = try RepositoryPaths.temporaryDirectory("kioskd-unit")
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains(shippedBinary))
        let copy = directory.appendingPathComponent(name)
        try text.replacingOccurrences(of: shippedBinary, with: binary).write(to: copy, atomically: true, encoding: .utf8)

        return try analyze(analyzer, copy)
    }

    /// Verifies one unit of `systemd/`, with every unit beside it and /usr/local/bin/ pointing at the built binaries.
    static func verifyAll(_ unit: String) throws -> Verification {
        let analyzer = try #require(analyzer)
        let directory = try RepositoryPaths.temporaryDirectory("kiosk-units")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = RepositoryPaths.root.appendingPathComponent("systemd")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.contains(".service") || file.contains(".timer") {
            let text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: "/usr/local/bin/", with: RepositoryPaths.binaries.path + "/")
            try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return try analyze(analyzer, directory.appendingPathComponent(unit))
    }

    private static func analyze(_ analyzer: String, _ copy: URL) throws -> Verification {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: analyzer)
        process.arguments = ["verify", copy.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SYSTEMD_PAGER"] = ""
        environment["SYSTEMD_COLORS"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return Verification(status: process.terminationStatus, lines: lines)
    }
}
