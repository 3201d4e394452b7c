import KioskInput
import Testing

/// Auto-repeat (value 2) is not a press: a key held past the repeat delay reports one press and
/// one release, timed from its first press.
@Suite struct KeyRepeatHoldTests {
    @Test(arguments: KeypadDevice.all)
    func aHeldKeyIsOnePressAndOneReleaseWhateverItRepeats(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "repeat")
        // Repeats as keypad.prop declares them: after 250 ms, then every 33 ms.
        let repeats = (0..<30).flatMap { device.repeated(device.five, at: 20.25 + Double($0) * 0.033) }
        try rig.evdev.emit("pad", device.press(device.five, at: 20) + repeats + device.release(device.five, at: 21.3))
        // A tap after it: when its release is in, everything before it has been read.
        try rig.evdev.emit("pad", device.press(device.one, at: 22) + device.release(device.one, at: 22.1))
        try rig.recorder.awaitReleases(2)
        #expect(rig.recorder.keys == [device.five, device.one])
        #expect(rig.recorder.releases == [KeyHold(device.five, 1300), KeyHold(device.one, 100)])
    }
}
