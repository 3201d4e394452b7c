import Foundation

/// The commands of `systemd/kiosk-display@.service`, read from the unit file itself so that what
/// the tests and the demo run cannot drift from what a box runs. Only the instance (`%I`), the
/// address of kioskd's HTTP API and the directory of kioskctl differ, as they would on a box
/// configured so, and where the installed files are (`/usr/local/share/kiosk-display/`).
public struct DisplayUnit: Sendable {
    public static let file = RepositoryPaths.root.appendingPathComponent("systemd/kiosk-display@.service")
    /// Where the shipped unit expects kioskd's HTTP API.
    public static let shippedBase = "http://127.0.0.1:8470/"

    /// `ExecStartPre=`, the wait for kioskd's page.
    public let startPre: [String]
    /// `ExecStart=`, cage with Chromium.
    public let start: [String]
    public let restartSeconds: Double
    /// `Environment=`, but `HOME` (the display has its own).
    public let environment: [String: String]

    /// - Parameters:
    ///   - page: the instance, unescaped (`screens/hall`).
    ///   - base: kioskd's HTTP API, ending in "/".
    ///   - share: what scripts/install puts in /usr/local/share/kiosk-display/.
    public init(page: String, base: String, share: URL, binaries: URL = RepositoryPaths.binaries) throws {
        let service = try Self.settings(in: "Service")
        func command(_ key: String) throws -> [String] {
            guard let line = service[key]?.last else { throw HarnessError("\(Self.file.path): no \(key)=") }
            guard !line.contains("\""), !line.contains("'"), !line.contains("\\") else {
                throw HarnessError("\(Self.file.path): \(key)= uses quoting, which DisplayUnit does not read")
            }
            guard line.contains(Self.shippedBase + "%I") else {
                throw HarnessError("\(Self.file.path): \(key)= does not open \(Self.shippedBase)%I")
            }
            return line.replacingOccurrences(of: Self.shippedBase + "%I", with: base + page)
                .split(separator: " ").map { $0.replacingOccurrences(of: "/usr/local/bin/", with: binaries.path + "/") }
        }
        startPre = try command("ExecStartPre")
        start = try command("ExecStart")
        restartSeconds = Double(service["RestartSec"]?.last ?? "") ?? 0.1
        var environment: [String: String] = [:]
        for assignment in (service["Environment"] ?? []).flatMap({ $0.split(separator: " ") }) {
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            environment[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
                .replacingOccurrences(of: "/usr/local/share/kiosk-display/", with: share.path + "/")
        }
        environment["HOME"] = nil
        self.environment = environment
    }

    /// Every `Key=value` of a section of the unit, in order.
    public static func settings(in section: String) throws -> [String: [String]] {
        try UnitFileSettings.read(file, section: section)
    }
}
