import Foundation

/// The settings of a systemd unit file as systemd reads them, enough for the tests to check what
/// the shipped units say: every `Key=value` of one section, in order (a key may repeat; comments
/// and blank lines skipped; no line continuations or quoting).
public enum UnitFileSettings {
    public static func read(_ file: URL, section: String) throws -> [String: [String]] {
        let text = try String(contentsOf: file, encoding: .utf8)
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
            settings[line[..<equals].trimmingCharacters(in: .whitespaces), default: []]
                .append(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        return settings
    }
}
