/// One evdev event as KioskInput's pure state machines see it (no C types).
public struct InputEvent: Sendable, Equatable {
    public var type: UInt16
    public var code: UInt16
    public var value: Int32
    /// Kernel timestamp in seconds, on CLOCK_MONOTONIC for devices `EvdevDevice` opens.
    public var time: Double

    public init(type: UInt16, code: UInt16, value: Int32, time: Double) {
        self.type = type
        self.code = code
        self.value = value
        self.time = time
    }
}

/// The Linux event codes KioskInput interprets (from <linux/input-event-codes.h>).
public enum EventCode {
    public static let evSyn: UInt16 = 0x00
    public static let evKey: UInt16 = 0x01
    public static let evAbs: UInt16 = 0x03
    public static let evLed: UInt16 = 0x11

    public static let synReport: UInt16 = 0
    public static let synMTReport: UInt16 = 2
    public static let synDropped: UInt16 = 3

    public static let btnTouch: UInt16 = 0x14a
    public static let btnToolFinger: UInt16 = 0x145
    /// BTN_TOOL_QUINTTAP, DOUBLETAP, TRIPLETAP, QUADTAP: how many fingers are on a touchpad.
    public static let btnToolMultiFinger: [UInt16] = [0x148, 0x14d, 0x14e, 0x14f]

    public static let absX: UInt16 = 0x00
    public static let absY: UInt16 = 0x01
    public static let absMTSlot: UInt16 = 0x2f
    public static let absMTPositionX: UInt16 = 0x35
    public static let absMTPositionY: UInt16 = 0x36
    public static let absMTTrackingID: UInt16 = 0x39

    public static let ledNumLock: UInt16 = 0

    public static let propPointer: UInt32 = 0x00
    public static let propDirect: UInt32 = 0x01
}
