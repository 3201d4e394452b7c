import KioskInput
import Testing

/// A touchscreen's path that matches a touchpad, a tablet or a keypad is refused; every panel of
/// the table is read, the old ones that set no properties included.
@Suite struct TouchscreenCheckTests {
    @Test(arguments: TouchDevice.all)
    func everyTouchPanelIsReadAsATouchscreen(_ device: TouchDevice) {
        #expect(TouchscreenCheck.refusal(device.capabilities) == nil)
        #expect(TouchscreenCheck.refusal(device.capabilities, acceptsIndirect: true) == nil)
    }

    @Test(arguments: NonTouchscreenDevice.all)
    func aDeviceThatIsNoTouchscreenIsRefusedWithItsReason(_ device: NonTouchscreenDevice) {
        #expect(TouchscreenCheck.refusal(device.capabilities) == device.refusal)
    }

    @Test(arguments: NonTouchscreenDevice.all)
    func acceptIndirectTakesATouchpadLikePanelButNothingWithoutAPosition(_ device: NonTouchscreenDevice) {
        let refusal = TouchscreenCheck.refusal(device.capabilities, acceptsIndirect: true)
        #expect(refusal == (device.overridable ? nil : device.refusal))
    }
}
