import KioskCore
import KioskInput

/// The kinds of touch panel kioskd meets, as their kernel drivers report them, for tests that run
/// over every device with the feature they test (as libinput's test suite does). Axis ranges are
/// those of common controllers: a 12-bit resistive controller (0…4095), eGalax and other USB HID
/// panels (0…32767), a panel whose axes start above 0 (calibrated at the factory), and one whose
/// axes run backwards.
struct TouchDevice: Sendable, CustomStringConvertible {
    var name: String
    var touchProtocol: TouchTracker.TouchProtocol
    var hasButtonTouch: Bool
    var axes: TouchAxes
    /// What the driver says of the device besides its axes: old panels set no properties.
    var capabilities: DeviceCapabilities

    var description: String { name }

    /// How many fingers the device can follow at once (a resistive panel reports one point).
    var fingers: Int {
        switch touchProtocol {
        case .slots(let count): count
        case .protocolA: 10
        case .singleTouch: 1
        }
    }

    /// Whether the device's state at open says if a finger is down (protocol A without BTN_TOUCH
    /// has no state to ask).
    var tellsFingersDownAtOpen: Bool {
        if case .protocolA = touchProtocol { return hasButtonTouch }
        return true
    }

    func tracker() -> TouchTracker {
        TouchTracker(touchProtocol: touchProtocol, hasButtonTouch: hasButtonTouch)
    }

    static let all: [TouchDevice] = [
        TouchDevice(
            name: "single-touch resistive, no properties, 0…4095", touchProtocol: .singleTouch, hasButtonTouch: true,
            axes: TouchAxes(x: AxisRange(minimum: 0, maximum: 4095), y: AxisRange(minimum: 0, maximum: 4095)),
            capabilities: DeviceCapabilities(direct: false, pointer: false, fingerTools: false, absolutePosition: true)),
        TouchDevice(
            name: "protocol A with BTN_TOUCH, 0…32767", touchProtocol: .protocolA, hasButtonTouch: true,
            axes: TouchAxes(x: AxisRange(minimum: 0, maximum: 32767), y: AxisRange(minimum: 0, maximum: 32767)),
            capabilities: DeviceCapabilities(direct: true, pointer: false, fingerTools: false, absolutePosition: true)),
        TouchDevice(
            name: "protocol A, anonymous contacts only, no properties, 150…3950", touchProtocol: .protocolA, hasButtonTouch: false,
            axes: TouchAxes(x: AxisRange(minimum: 150, maximum: 3950), y: AxisRange(minimum: 230, maximum: 3900)),
            capabilities: DeviceCapabilities(direct: false, pointer: false, fingerTools: false, absolutePosition: true)),
        TouchDevice(
            name: "protocol B, 2 slots, finger tools (a tablet's panel), 0…32767", touchProtocol: .slots(count: 2), hasButtonTouch: true,
            axes: TouchAxes(x: AxisRange(minimum: 0, maximum: 32767), y: AxisRange(minimum: 0, maximum: 32767)),
            capabilities: DeviceCapabilities(direct: true, pointer: false, fingerTools: true, absolutePosition: true)),
        TouchDevice(
            name: "protocol B, 10 slots, inverted axes 4095…0", touchProtocol: .slots(count: 10), hasButtonTouch: true,
            axes: TouchAxes(x: AxisRange(minimum: 4095, maximum: 0), y: AxisRange(minimum: 4095, maximum: 0)),
            capabilities: DeviceCapabilities(direct: true, pointer: false, fingerTools: false, absolutePosition: true)),
        TouchDevice(
            name: "protocol B, 60 slots, no BTN_TOUCH, 0…16383", touchProtocol: .slots(count: 60), hasButtonTouch: false,
            axes: TouchAxes(x: AxisRange(minimum: 0, maximum: 16383), y: AxisRange(minimum: 0, maximum: 9599)),
            capabilities: DeviceCapabilities(direct: true, pointer: false, fingerTools: false, absolutePosition: true)),
    ]

    static let multiFinger = all.filter { $0.fingers > 1 }
    static let withSlots = all.filter { if case .slots = $0.touchProtocol { true } else { false } }
    static let tellingFingersAtOpen = all.filter(\.tellsFingersDownAtOpen)
}
