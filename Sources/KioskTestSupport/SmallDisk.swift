import Foundation
import Glibc

/// A small tmpfs mounted at a directory (a kiosk's state directory on a nearly full disk), which a
/// test can fill to the last byte and empty again. Needs root; unmounted with it.
public final class SmallDisk: @unchecked Sendable {
    public let directory: URL
    private var filler: URL { directory.appendingPathComponent("filler") }

    public init(at directory: URL, bytes: Int) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let result = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(bytes),mode=0755", "tmpfs", directory.path], timeout: 20)
        guard result.status == 0 else { throw HarnessError("cannot mount a tmpfs at \(directory.path): \(result.errorText)") }
    }

    deinit {
        _ = try? ChildProcess.run(URL(fileURLWithPath: "/bin/umount"), ["-l", directory.path], timeout: 20)
    }

    public var freeBytes: UInt64 {
        var stats = statvfs()
        guard statvfs(directory.path, &stats) == 0 else { return 0 }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    }

    /// Fills the disk until `leaving` bytes (rounded to pages) are free; 0 fills it completely.
    public func fill(leaving: UInt64 = 0) throws {
        let fd = open(filler.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw HarnessError("cannot create \(filler.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let page = [UInt8](repeating: 0x55, count: 4096)
        while freeBytes > leaving {
            let chunk = min(UInt64(page.count), freeBytes - leaving)
            if write(fd, page, Int(max(chunk, 1))) <= 0 { break }
        }
    }

    /// Removes what `fill` wrote.
    public func makeRoom() throws {
        try FileManager.default.removeItem(at: filler)
    }
}
