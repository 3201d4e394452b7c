import KioskCore

/// A device the input loop keeps open: found by path or glob, read as a touchscreen or a keypad.
public struct InputSource: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Presses are mapped to the screen with `mapping`.
        case touchscreen(mapping: TouchMapping, screen: ScreenSize)
        case keypad
    }

    public var pathPattern: String
    public var kind: Kind
    public var grab: Bool
    /// For touchscreens: read a device that looks indirect (a touchpad) all the same; see
    /// `TouchscreenCheck`.
    public var acceptsIndirect: Bool

    public init(pathPattern: String, kind: Kind, grab: Bool, acceptsIndirect: Bool = false) {
        self.pathPattern = pathPattern
        self.kind = kind
        self.grab = grab
        self.acceptsIndirect = acceptsIndirect
    }
}

/// What the input loop reports. `source` is the index of the source in the list it was given.
public enum InputAction: Sendable, Equatable {
    case touch(source: Int, press: TouchPress)
    /// The kernel's event buffer overflowed (SYN_DROPPED) during a touch: the touch is not counted.
    case touchLost(source: Int, path: String)
    /// A key went down (auto-repeat and KEY_NUMLOCK are not presses); votes and tickets commit on it.
    case key(source: Int, code: UInt16)
    /// A key reported by `.key` went up, held that long by the kernel's timestamps of its press
    /// and release. A key still down when its device is unplugged, or held across an overflow
    /// (SYN_DROPPED), reports no release. Never to be logged: key timings tell who pressed what.
    case keyReleased(source: Int, code: UInt16, heldMilliseconds: Int)
    case connected(source: Int, path: String, name: String)
    /// A device matched a touchscreen's path but is not one (`TouchscreenCheck`); it is not read,
    /// and looked at again when it is plugged in again (or kioskd restarts).
    case refused(source: Int, path: String, name: String, refusal: TouchscreenCheck.Refusal)
    case disconnected(source: Int, path: String, reason: String)
    /// Something an operator should know that does not stop the device (a refused grab, a glob
    /// matching several devices, a device that cannot be opened yet).
    case warning(source: Int, message: String)
    /// libevdev said something about the device (rate-limited: a burst of like messages a minute).
    case libevdevMessage(source: Int, path: String, LibevdevMessage)
    /// Someone rang the `InputMailbox`: what they left for the input thread is to be read now.
    case mail
}
