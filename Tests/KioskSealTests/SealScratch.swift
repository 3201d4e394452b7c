import Foundation

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
