import Foundation
import Glibc

/// Frames of evdev events, as real devices send them, for scripted input.
public enum EventScripts {
    static let synReport = ScriptedEvent(0, 0, 0)

    private static func stamped(_ events: [ScriptedEvent], _ time: Double?) -> [ScriptedEvent] {
        events.map { ScriptedEvent($0.type, $0.code, $0.value, time: time) }
    }

    /// Multitouch protocol B: a finger lands in `slot` with a tracking id (BTN_TOUCH follows the first finger).
    public static func slotDown(slot: Int32 = 0, trackingID: Int32, x: Int32, y: Int32, firstFinger: Bool = true, time: Double? = nil) -> [ScriptedEvent] {
        var events = [
            ScriptedEvent(3, 0x2f, slot), ScriptedEvent(3, 0x39, trackingID), ScriptedEvent(3, 0x35, x), ScriptedEvent(3, 0x36, y),
        ]
        if firstFinger { events += [ScriptedEvent(1, 0x14a, 1), ScriptedEvent(3, 0, x), ScriptedEvent(3, 1, y)] }
        return stamped(events + [synReport], time)
    }

    public static func slotMove(slot: Int32 = 0, x: Int32, y: Int32, time: Double? = nil) -> [ScriptedEvent] {
        stamped([ScriptedEvent(3, 0x2f, slot), ScriptedEvent(3, 0x35, x), ScriptedEvent(3, 0x36, y), synReport], time)
    }

    public static func slotUp(slot: Int32 = 0, lastFinger: Bool = true, time: Double? = nil) -> [ScriptedEvent] {
        var events = [ScriptedEvent(3, 0x2f, slot), ScriptedEvent(3, 0x39, -1)]
        if lastFinger { events.append(ScriptedEvent(1, 0x14a, 0)) }
        return stamped(events + [synReport], time)
    }

    /// Single touch: ABS_X/ABS_Y and BTN_TOUCH.
    public static func singleDown(x: Int32, y: Int32, time: Double? = nil) -> [ScriptedEvent] {
        stamped([ScriptedEvent(3, 0, x), ScriptedEvent(3, 1, y), ScriptedEvent(1, 0x14a, 1), synReport], time)
    }

    public static func singleUp(time: Double? = nil) -> [ScriptedEvent] {
        stamped([ScriptedEvent(1, 0x14a, 0), synReport], time)
    }

    /// Protocol A: anonymous contacts, each closed by SYN_MT_REPORT.
    public static func protocolAFrame(contacts: [(x: Int32, y: Int32)], time: Double? = nil) -> [ScriptedEvent] {
        var events: [ScriptedEvent] = []
        if !contacts.isEmpty { events.append(ScriptedEvent(1, 0x14a, 1)) }
        for contact in contacts {
            events += [ScriptedEvent(3, 0x35, contact.x), ScriptedEvent(3, 0x36, contact.y), ScriptedEvent(0, 2, 0)]
        }
        if let first = contacts.first { events += [ScriptedEvent(3, 0, first.x), ScriptedEvent(3, 1, first.y)] }
        return stamped(events + [synReport], time)
    }

    /// Protocol A lift: BTN_TOUCH 0 and an empty frame, no tracking id anywhere.
    public static func protocolALift(time: Double? = nil) -> [ScriptedEvent] {
        stamped([ScriptedEvent(1, 0x14a, 0), ScriptedEvent(0, 2, 0), synReport], time)
    }

    /// A key press and release (MSC_SCAN as USB keyboards send it).
    public static func keyTap(_ code: UInt16, time: Double? = nil) -> [ScriptedEvent] {
        stamped(
            [
                ScriptedEvent(4, 4, Int32(code)), ScriptedEvent(1, code, 1), synReport,
                ScriptedEvent(4, 4, Int32(code)), ScriptedEvent(1, code, 0), synReport,
            ], time)
    }

    /// A key held `seconds` and released, stamped so: the release's kernel time is `seconds` after
    /// the press's, as when a person holds it (sent at once, so nothing waits for the hold). The
    /// stamps are on CLOCK_MONOTONIC, as kioskd has the kernel stamp its devices' events.
    public static func keyHeld(_ code: UInt16, seconds: Double, from start: Double = monotonicNow()) -> [ScriptedEvent] {
        stamped([ScriptedEvent(4, 4, Int32(code)), ScriptedEvent(1, code, 1), synReport], start)
            + stamped([ScriptedEvent(4, 4, Int32(code)), ScriptedEvent(1, code, 0), synReport], start + seconds)
    }

    /// A key wrapped in NumLock press/release, as some keypads send every key.
    public static func numLockWrappedKeyTap(_ code: UInt16, time: Double? = nil) -> [ScriptedEvent] {
        keyTap(69, time: time) + keyTap(code, time: time) + keyTap(69, time: time)
    }

    /// Seconds on CLOCK_MONOTONIC.
    public static func monotonicNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }
}
