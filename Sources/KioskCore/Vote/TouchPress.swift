/// A completed touch of the first finger: where it went down and how long it lasted.
public struct TouchPress: Sendable, Equatable {
    public var point: ScreenPoint
    public var durationSeconds: Double

    public init(point: ScreenPoint, durationSeconds: Double) {
        self.point = point
        self.durationSeconds = durationSeconds
    }
}

/// What a touch on a rating screen amounts to, before the vote policy is asked.
public enum TouchVerdict: Sendable, Equatable {
    /// A press on the zone of choice slot N (1-based).
    case choice(Int)
    case rejected(RejectedPress)

    /// Phantom taps and resting touches are not presses; a press outside every zone selects nothing.
    public init(_ press: TouchPress, limits: PressLimits, zones: [Zone]) {
        if press.durationSeconds < limits.minimumSeconds {
            self = .rejected(.tooShort)
        } else if press.durationSeconds > limits.maximumSeconds {
            self = .rejected(.tooLong)
        } else if let zone = zones.first(where: { $0.rect.contains(press.point) }) {
            self = .choice(zone.choice)
        } else {
            self = .rejected(.outsideZones)
        }
    }
}
