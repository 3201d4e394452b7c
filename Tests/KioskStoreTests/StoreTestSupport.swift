import Foundation
import GRDB
import KioskCore
import KioskStore
import Testing

/// A new empty directory under /tmp, removed with everything in it when released.
final class ScratchDirectory: Sendable {
    let url: URL

    init() throws {
        var template = Array("/tmp/kiosk-store-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ScratchError("cannot create a temporary directory: \(String(cString: strerror(errno)))")
        }
        url = URL(fileURLWithPath: String(cString: made))
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// The file names in the directory, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

struct ScratchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Days {
    static let first = LocalDay(year: 2026, month: 3, day: 9)!
    static let second = LocalDay(year: 2026, month: 3, day: 10)!
    static let third = LocalDay(year: 2026, month: 12, day: 31)!
}

/// A vote key with defaults; each test changes the parts it is about.
func voteKey(
    day: LocalDay = Days.first, terminal: String = "quay-1-danh-gia", counter: String = "quay-1",
    service: String = "", question: String = "hai-long", choice: String = "hai-long", score: Int = 100,
    satisfied: Bool = true
) -> VoteKey {
    VoteKey(
        day: day, terminal: terminal, counter: counter, service: service, question: question, choice: choice,
        score: score, satisfied: satisfied)
}

/// Looks at a store's file directly, with a separate read-only SQLite connection.
func inspect<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return try queue.read(body)
}

/// The count stored for one key, or nil when it has no row.
func count(of key: VoteKey, in tallies: [VoteTally]) -> Int? {
    let matches = tallies.filter { $0.key == key }
    #expect(matches.count <= 1, "one row per key, found \(matches.count) for \(key)")
    return matches.first?.count
}

extension QueueLayout {
    /// A queue no counter calls: tickets are numbered and counted, no wait is estimated.
    static let withoutCounters = QueueLayout(counters: [], services: [], maximumCalls: 3, fallbackMinutes: 10)
}
