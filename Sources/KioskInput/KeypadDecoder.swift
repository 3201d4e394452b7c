import KioskCore

/// Turns a keypad's event stream into key presses.
///
/// A key counts when it goes down (value 1); auto-repeat (2) and release (0) do not.
/// KEY_NUMLOCK is always ignored: some pads wrap every key in a NumLock press and release.
/// Keys that arrive during a SYN_DROPPED resync are ignored: a press that may not have happened
/// must not become a vote.
public struct KeypadDecoder: Sendable {
    private var resyncing = false

    public init() {}

    public mutating func beginResync() {
        resyncing = true
    }

    public mutating func endResync() {
        resyncing = false
    }

    /// The key code pressed, if this event is a press that counts.
    public func pressedKey(_ event: InputEvent) -> UInt16? {
        guard !resyncing, event.type == EventCode.evKey, event.value == 1, event.code != KeyCodes.numLock else {
            return nil
        }
        return event.code
    }
}
