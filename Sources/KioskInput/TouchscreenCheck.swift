/// What a device's kernel driver says it is, read once when it is opened: the part of its
/// description that tells a screen from a touchpad or a mouse.
public struct DeviceCapabilities: Sendable, Equatable {
    /// INPUT_PROP_DIRECT: the touch lands on a display, where it is drawn.
    public var direct: Bool
    /// INPUT_PROP_POINTER: the device moves a pointer on a display it is not part of.
    public var pointer: Bool
    /// BTN_TOOL_FINGER or the multi-finger tools (DOUBLETAP … QUINTTAP), which touchpads report.
    public var fingerTools: Bool
    /// ABS_X and ABS_Y, or ABS_MT_POSITION_X and ABS_MT_POSITION_Y.
    public var absolutePosition: Bool

    public init(direct: Bool, pointer: Bool, fingerTools: Bool, absolutePosition: Bool) {
        self.direct = direct
        self.pointer = pointer
        self.fingerTools = fingerTools
        self.absolutePosition = absolutePosition
    }
}

/// Whether a device configured as a touchscreen is one, by the rule udev's input_id applies
/// and libinput relies on to tell touchpads from touchscreens:
/// - INPUT_PROP_POINTER, or finger tools without INPUT_PROP_DIRECT: a touchpad (an indirect
///   device: its coordinates are of the pad, not of the screen);
/// - no absolute position at all: a mouse or a key device, which cannot tell where on the
///   screen a finger is.
///
/// Everything else is accepted, in particular old panels whose drivers set no properties at all
/// (BTN_TOUCH and ABS_X/ABS_Y only, such as usbtouchscreen's or an eGalax in HID mode): they
/// never report finger tools. An odd panel that reports them without INPUT_PROP_DIRECT is taken
/// with `accept_indirect = true` in the office file.
public enum TouchscreenCheck {
    public enum Refusal: Sendable, Equatable {
        /// The device says it moves a pointer (INPUT_PROP_POINTER).
        case pointerProperty
        /// It reports finger tools and is not direct: a touchpad.
        case fingersWithoutDirect
        /// It has no absolute position axes (a mouse, a keyboard).
        case noAbsolutePosition
    }

    /// nil when the device may be read as a touchscreen. `acceptsIndirect` takes a device that
    /// looks like a touchpad; nothing takes one without a position.
    public static func refusal(_ capabilities: DeviceCapabilities, acceptsIndirect: Bool = false) -> Refusal? {
        if !capabilities.absolutePosition { return .noAbsolutePosition }
        if acceptsIndirect { return nil }
        if capabilities.pointer { return .pointerProperty }
        if capabilities.fingerTools && !capabilities.direct { return .fingersWithoutDirect }
        return nil
    }
}
