import Foundation

/// Where a process's resident memory is, from /proc/PID/smaps: per mapped file (the binary, each
/// shared library), anonymous memory (heap, stacks), and how much of it is private and dirty
/// (what the process costs beyond pages another process could share or the kernel could drop).
struct MemoryBreakdown {
    struct Part {
        var name: String
        var rssKiB: Int
        var privateDirtyKiB: Int
    }

    var parts: [Part]

    init(pid: Int32) {
        // Read to the end: /proc files report size 0, and a size-based read stops after one page.
        let data = FileHandle(forReadingAtPath: "/proc/\(pid)/smaps")?.readDataToEndOfFile() ?? Data()
        let smaps = String(decoding: data, as: UTF8.self)
        var byName: [String: Part] = [:]
        var current = "[anonymous]"
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            if first.contains("-"), first.first?.isHexDigit == true {
                // A mapping header: address perms offset dev inode [path]
                let path = fields.count >= 6 ? fields[5...].joined(separator: " ") : ""
                current = Self.group(path)
            } else if first == "Rss:", fields.count >= 2, let kib = Int(fields[1]) {
                byName[current, default: Part(name: current, rssKiB: 0, privateDirtyKiB: 0)].rssKiB += kib
            } else if first == "Private_Dirty:", fields.count >= 2, let kib = Int(fields[1]) {
                byName[current, default: Part(name: current, rssKiB: 0, privateDirtyKiB: 0)].privateDirtyKiB += kib
            }
        }
        parts = byName.values.filter { $0.rssKiB > 0 }.sorted { $0.rssKiB > $1.rssKiB }
    }

    private static func group(_ path: String) -> String {
        if path.isEmpty || path.hasPrefix("[heap]") || path.hasPrefix("[stack") || path.hasPrefix("[anon") {
            return "[anonymous]"
        }
        if path.hasPrefix("[") { return path }
        return URL(fileURLWithPath: path).lastPathComponent
    }

    func report(top: Int) -> String {
        let total = parts.reduce(0) { $0 + $1.rssKiB }
        let dirty = parts.reduce(0) { $0 + $1.privateDirtyKiB }
        var lines = ["  total \(Self.megabytes(total)) MB resident, \(Self.megabytes(dirty)) MB private dirty; largest:"]
        for part in parts.prefix(top) {
            lines.append("    \(part.name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(Self.megabytes(part.rssKiB)) MB (dirty \(Self.megabytes(part.privateDirtyKiB)))")
        }
        let rest = parts.dropFirst(top)
        lines.append("    \("\(rest.count) others".padding(toLength: 34, withPad: " ", startingAt: 0)) \(Self.megabytes(rest.reduce(0) { $0 + $1.rssKiB })) MB")
        return lines.joined(separator: "\n")
    }

    private static func megabytes(_ kib: Int) -> String { String(format: "%.2f", Double(kib) * 1024 / 1_000_000) }
}
