import KioskInput
import KioskTestSupport
import Testing

/// Releases are reported beside key-downs, not instead of them: a key-down is reported when the key
/// goes down (a vote commits then, before any release), and the key-downs are those there were
/// before releases were reported.
@Suite struct KeyDownUnchangedTests {
    @Test(arguments: KeypadDevice.all)
    func theKeyDownIsReportedBeforeTheKeyGoesUp(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "keydown")
        try rig.evdev.emit("pad", device.press(device.one, at: 5))
        try rig.recorder.awaitKeys(1)
        #expect(rig.recorder.keys == [device.one])
        #expect(rig.recorder.releases.isEmpty)
        try rig.evdev.emit("pad", device.release(device.one, at: 5.2))
        try rig.recorder.awaitReleases(1)
        #expect(rig.recorder.releases == [KeyHold(device.one, 200)])
    }

    /// The sequence of the keypad test that predates releases: a tap, a NumLock-wrapped tap, a held
    /// key with repeats; three key-downs, each followed by its release and nothing else.
    @Test(arguments: KeypadDevice.all)
    func keyDownsAreAsBefore(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "keydowns")
        let wrapped =
            device.hasNumLock
            ? EventScripts.numLockWrappedKeyTap(device.five, time: 2) : device.press(device.five, at: 2) + device.release(device.five, at: 2)
        try rig.evdev.emit("pad", device.press(device.one, at: 1) + device.release(device.one, at: 1) + wrapped)
        try rig.evdev.emit(
            "pad", device.press(device.last, at: 3) + device.repeated(device.last, at: 3.25) + device.repeated(device.last, at: 3.283)
                + device.release(device.last, at: 3.3))
        try rig.recorder.awaitReleases(3)
        #expect(rig.recorder.keys == [device.one, device.five, device.last])
        let kinds = rig.recorder.actions.compactMap { action -> String? in
            switch action {
            case .key(0, let code): "down \(code)"
            case .keyReleased(0, let code, _): "up \(code)"
            case .connected, .warning: nil
            default: "other"
            }
        }
        #expect(kinds == ["down \(device.one)", "up \(device.one)", "down \(device.five)", "up \(device.five)", "down \(device.last)", "up \(device.last)"])
    }
}
