import KioskInput

/// Devices that may be configured as a touchscreen by mistake, as their drivers describe them,
/// and what `TouchscreenCheck` must say of each.
struct NonTouchscreenDevice: Sendable, CustomStringConvertible {
    var name: String
    var capabilities: DeviceCapabilities
    var refusal: TouchscreenCheck.Refusal
    /// Whether `accept_indirect` makes it readable (a touchpad-like panel), or nothing does.
    var overridable: Bool

    var description: String { name }

    static let all: [NonTouchscreenDevice] = [
        // libinput's "SynPS/2 Synaptics TouchPad X1C3rd" (tools/fake-evdev/devices/touchpad.prop).
        NonTouchscreenDevice(
            name: "clickpad with INPUT_PROP_POINTER (Synaptics X1C3rd)",
            capabilities: DeviceCapabilities(direct: false, pointer: true, fingerTools: true, absolutePosition: true),
            refusal: .pointerProperty, overridable: true),
        // Kernels before 3.x set no properties on touchpads; the finger tools still tell them.
        NonTouchscreenDevice(
            name: "touchpad with no properties (old kernel)",
            capabilities: DeviceCapabilities(direct: false, pointer: false, fingerTools: true, absolutePosition: true),
            refusal: .fingersWithoutDirect, overridable: true),
        NonTouchscreenDevice(
            name: "graphics tablet (pen and touch, INPUT_PROP_POINTER)",
            capabilities: DeviceCapabilities(direct: false, pointer: true, fingerTools: true, absolutePosition: true),
            refusal: .pointerProperty, overridable: true),
        NonTouchscreenDevice(
            name: "keypad (tools/fake-evdev/devices/keypad.prop)",
            capabilities: DeviceCapabilities(direct: false, pointer: false, fingerTools: false, absolutePosition: false),
            refusal: .noAbsolutePosition, overridable: false),
        NonTouchscreenDevice(
            name: "mouse (REL_X, REL_Y, BTN_LEFT)",
            capabilities: DeviceCapabilities(direct: false, pointer: false, fingerTools: false, absolutePosition: false),
            refusal: .noAbsolutePosition, overridable: false),
    ]
}
