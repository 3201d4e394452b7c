import Foundation
import KioskCore

/// A new empty directory under /tmp, removed when released.
final class SealScratch: Sendable {
    let url: URL

    init() throws {
        var template = Array("/tmp/kiosk-seal-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        url = URL(fileURLWithPath: String(cString: made))
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}

extension QueueLayout {
    /// A queue no counter calls: tickets are numbered and counted, no wait is estimated.
    static let withoutCounters = QueueLayout(counters: [], services: [], maximumCalls: 3, fallbackMinutes: 10)
}
