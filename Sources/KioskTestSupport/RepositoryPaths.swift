import Foundation

/// Where the checkout and the built binaries are, for tests and benchmarks.
public enum RepositoryPaths {
    /// The repository root (this file is Sources/KioskTestSupport/RepositoryPaths.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The directory of the built products (kioskd, kioskctl): $KIOSK_BIN_DIR, else beside the
    /// running test bundle or benchmark.
    public static var binaries: URL {
        if let override = ProcessInfo.processInfo.environment["KIOSK_BIN_DIR"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    public static func binary(_ name: String) -> URL {
        binaries.appendingPathComponent(name)
    }

    public static var fakeEvdev: URL {
        root.appendingPathComponent("tools/fake-evdev/fake-evdev")
    }

    public static func fixture(_ relativePath: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    public static func deviceDescription(_ name: String) -> URL {
        root.appendingPathComponent("tools/fake-evdev/devices").appendingPathComponent(name)
    }

    /// A new empty directory under /tmp (short: Unix socket paths are limited to 107 bytes).
    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw HarnessError("cannot create a temporary directory: \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: made))
    }
}

public struct HarnessError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
