/// Whether kioskd can keep what it counts, from the state directory's free space and the last
/// commit. Pure: the caller measures.
public enum StorageCondition: Sendable, Equatable {
    case ok
    /// Still storing, but the filesystem is nearly full: staff should make room before it is.
    case lowSpace(freeBytes: UInt64)
    /// The last commit failed (the disk is full, or read-only): presses and tickets are not
    /// stored until one succeeds again.
    case cannotStore(reason: String)

    /// Free space under this is low: 64 MiB, or a tenth of a smaller filesystem.
    public static func lowSpaceThreshold(totalBytes: UInt64) -> UInt64 {
        min(64 << 20, totalBytes / 10)
    }

    /// - Parameter failure: why the last commit failed; nil when it succeeded (or none was made).
    public static func assess(freeBytes: UInt64, totalBytes: UInt64, failure: String?) -> StorageCondition {
        if let failure { return .cannotStore(reason: failure) }
        if freeBytes < lowSpaceThreshold(totalBytes: totalBytes) { return .lowSpace(freeBytes: freeBytes) }
        return .ok
    }

    public var code: String {
        switch self {
        case .ok: "ok"
        case .lowSpace: "low-space"
        case .cannotStore: "cannot-store"
        }
    }
}
