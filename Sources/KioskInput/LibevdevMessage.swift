/// A message libevdev logged about a device (a kernel or device bug it worked around, an
/// ioctl that failed), routed to kioskd's logger instead of libevdev's default, stderr.
public struct LibevdevMessage: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        case error, info, debug
    }

    public var level: Level
    public var text: String
    /// Like messages held back before this one (at most a burst of them is logged per minute).
    public var suppressedBefore: Int
    /// Like messages after this one are held back for the rest of the minute.
    public var lastOfBurst: Bool

    public init(level: Level, text: String, suppressedBefore: Int = 0, lastOfBurst: Bool = false) {
        self.level = level
        self.text = text
        self.suppressedBefore = suppressedBefore
        self.lastOfBurst = lastOfBurst
    }
}
