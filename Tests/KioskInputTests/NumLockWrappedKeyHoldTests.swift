import KioskCore
import KioskInput
import KioskTestSupport
import Testing

/// On a pad that wraps every key in NumLock presses, the key's hold is its own press to its own
/// release, and NumLock itself is neither a press nor a release.
@Suite struct NumLockWrappedKeyHoldTests {
    func numLock(_ value: Int32, at time: Double) -> [ScriptedEvent] {
        [ScriptedEvent(4, 4, Int32(KeyCodes.numLock), time: time), ScriptedEvent(1, KeyCodes.numLock, value, time: time),
         ScriptedEvent(0, 0, 0, time: time)]
    }

    func key(_ code: UInt16, _ value: Int32, at time: Double) -> [ScriptedEvent] {
        [ScriptedEvent(4, 4, Int32(code), time: time), ScriptedEvent(1, code, value, time: time), ScriptedEvent(0, 0, 0, time: time)]
    }

    @Test(arguments: KeypadDevice.withNumLock)
    func theKeyInsideTheNumLockWrappingIsTimed(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "numlock")
        // NumLock taps 10 ms before and after the key, each with times of its own.
        try rig.evdev.emit(
            "pad",
            numLock(1, at: 30) + numLock(0, at: 30.01) + key(device.five, 1, at: 30.02) + key(device.five, 0, at: 31.22)
                + numLock(1, at: 31.23) + numLock(0, at: 31.24))
        // The wrapping as EventScripts (and the existing decoder tests) have it.
        try rig.evdev.emit("pad", EventScripts.numLockWrappedKeyTap(device.one, time: 40))
        try rig.recorder.awaitReleases(2)
        #expect(rig.recorder.keys == [device.five, device.one])
        #expect(rig.recorder.releases == [KeyHold(device.five, 1200), KeyHold(device.one, 0)])
    }
}
