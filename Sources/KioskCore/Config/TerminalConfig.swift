/// A terminal is one place a person interacts with: here, the rating screen or keypad of a counter.
public struct TerminalConfig: Sendable, Equatable {
    public var id: String
    public var kind: TerminalKind
    /// The counter whose service the terminal rates.
    public var counter: String
    public var policy: VotePolicy
    public var pressLimits: PressLimits
    /// After this long without an answer, a multi-question rating starts again from the first question.
    public var sessionTimeoutSeconds: Double
    /// The screen in pixels, when the terminal has a touchscreen.
    public var screen: ScreenSize?
    /// Touch zones in screen coordinates, one per choice slot.
    public var zones: [Zone]

    public init(
        id: String, kind: TerminalKind, counter: String, policy: VotePolicy, pressLimits: PressLimits,
        sessionTimeoutSeconds: Double, screen: ScreenSize?, zones: [Zone]
    ) {
        self.id = id
        self.kind = kind
        self.counter = counter
        self.policy = policy
        self.pressLimits = pressLimits
        self.sessionTimeoutSeconds = sessionTimeoutSeconds
        self.screen = screen
        self.zones = zones
    }
}

public enum TerminalKind: String, Sendable, Equatable {
    case rating
}

/// When a rating terminal accepts a vote.
public enum VotePolicy: Sendable, Equatable {
    /// Any time, except during a lockout after each completed rating; presses in the lockout are misuse.
    case free(lockoutSeconds: Double)
    /// Only while armed by the counter's staff key, for a window; presses while unarmed are misuse.
    case armed(windowSeconds: Double)
}

/// A touch is a press only if it lasts between these two durations.
public struct PressLimits: Sendable, Equatable {
    public var minimumSeconds: Double
    public var maximumSeconds: Double

    public init(minimumSeconds: Double, maximumSeconds: Double) {
        self.minimumSeconds = minimumSeconds
        self.maximumSeconds = maximumSeconds
    }

    public static let standard = PressLimits(minimumSeconds: 0.03, maximumSeconds: 3)
}

public struct ScreenSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A rectangle of the screen that selects one choice slot (1-based) of the current question.
public struct Zone: Sendable, Equatable {
    public var choice: Int
    public var rect: Rect

    public init(choice: Int, rect: Rect) {
        self.choice = choice
        self.rect = rect
    }
}

public struct Rect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Half-open: a point on the shared edge of two adjacent zones belongs to exactly one.
    public func contains(_ point: ScreenPoint) -> Bool {
        point.x >= x && point.x < x + width && point.y >= y && point.y < y + height
    }

    public func overlaps(_ other: Rect) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }
}

public struct ScreenPoint: Sendable, Equatable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public var description: String { "(\(Int(x.rounded())), \(Int(y.rounded())))" }
}
