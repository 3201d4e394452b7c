import KioskInput
import Testing

/// A key's release says how long it was held, from the kernel's timestamps of its press and its
/// release (scripted here far from the wall clock), in whole milliseconds rounded down.
@Suite struct KeyHoldTimeTests {
    @Test(arguments: KeypadDevice.all)
    func aShortAndALongHoldAreTimedFromTheirEvents(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "hold")
        try rig.evdev.emit("pad", device.press(device.one, at: 100) + device.release(device.one, at: 100.18))
        try rig.evdev.emit("pad", device.press(device.five, at: 200) + device.release(device.five, at: 201.5))
        try rig.recorder.awaitReleases(2)
        #expect(rig.recorder.releases == [KeyHold(device.one, 180), KeyHold(device.five, 1500)])
    }

    /// Timestamps of today's date: subtracting them as seconds and truncating the milliseconds
    /// would make this 999 ms hold 998.
    @Test(arguments: KeypadDevice.all)
    func aHoldIsExactAtTodaysTimestamps(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "epoch")
        try rig.evdev.emit(
            "pad", device.press(device.five, at: 1_764_951_606.984769) + device.release(device.five, at: 1_764_951_607.983769))
        try rig.recorder.awaitReleases(1)
        #expect(rig.recorder.releases == [KeyHold(device.five, 999)])
    }

    /// A microsecond short of a second is not a second: a long press of 1000 ms must be reached.
    @Test(arguments: KeypadDevice.all)
    func aHoldIsRoundedDown(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "round")
        try rig.evdev.emit("pad", device.press(device.five, at: 50) + device.release(device.five, at: 50.999999))
        try rig.evdev.emit("pad", device.press(device.five, at: 60) + device.release(device.five, at: 61))
        try rig.recorder.awaitReleases(2)
        #expect(rig.recorder.releases == [KeyHold(device.five, 999), KeyHold(device.five, 1000)])
    }

    /// Two keys held at once each have their own hold.
    @Test(arguments: KeypadDevice.all)
    func overlappingKeysAreTimedApart(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "overlap")
        try rig.evdev.emit(
            "pad",
            device.press(device.five, at: 10) + device.press(device.one, at: 10.4) + device.release(device.one, at: 10.5)
                + device.release(device.five, at: 12))
        try rig.recorder.awaitReleases(2)
        #expect(rig.recorder.releases == [KeyHold(device.one, 100), KeyHold(device.five, 2000)])
    }
}
