import KioskCore

/// Turns a keypad's event stream into key presses and, for keys it saw go down, their releases
/// with how long they were held.
///
/// A key counts when it goes down (value 1); auto-repeat (2) and release (0) do not.
/// KEY_NUMLOCK is always ignored: some pads wrap every key in a NumLock press and release.
/// Keys that arrive during a SYN_DROPPED resync are ignored: a press that may not have happened
/// must not become a vote.
///
/// A release is reported only for a key whose press was reported, timed from the kernel's
/// timestamps of the two events. A key held across an overflow is forgotten: its true release
/// time may be lost, and the key may have gone up and down unseen, so it reports no release.
public struct KeypadDecoder: Sendable {
    public enum Change: Sendable, Equatable {
        case pressed(code: UInt16)
        /// Held from its press to its release, in whole milliseconds (rounded down).
        case released(code: UInt16, heldMilliseconds: Int)
    }

    private var resyncing = false
    /// Kernel timestamps of the presses reported and not yet released.
    private var pressedAt: [UInt16: Double] = [:]

    public init() {}

    public mutating func beginResync() {
        resyncing = true
        pressedAt = [:]
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

    /// A press that counts (as `pressedKey`), or the release of a key pressed before.
    public mutating func handle(_ event: InputEvent) -> Change? {
        if let code = pressedKey(event) {
            pressedAt[code] = event.time
            return .pressed(code: code)
        }
        guard !resyncing, event.type == EventCode.evKey, event.value == 0,
            let pressed = pressedAt.removeValue(forKey: event.code)
        else { return nil }
        return .released(code: event.code, heldMilliseconds: Self.milliseconds(from: pressed, to: event.time))
    }

    /// Timestamps are whole microseconds stored as seconds in a Double; rounding the difference
    /// to microseconds first keeps an exact 1 s hold from becoming 999 ms. `EvdevDevice` has the
    /// kernel stamp events on CLOCK_MONOTONIC; stamps out of order (as given in a test) give 0.
    static func milliseconds(from start: Double, to end: Double) -> Int {
        let microseconds = Int(((end - start) * 1_000_000).rounded())
        return max(0, microseconds) / 1000
    }
}
