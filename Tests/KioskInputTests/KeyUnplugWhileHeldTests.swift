import KioskInput
import Testing

/// A key still down when its keypad is unplugged reports no release, and nothing of it is left:
/// back again, the pad's keys are pressed and timed as before, and the held key's release, seen
/// after the new device was opened, is not a release of anything.
@Suite struct KeyUnplugWhileHeldTests {
    @Test(arguments: KeypadDevice.all)
    func aKeyHeldAtUnplugReportsNoReleaseAndNothingIsStuck(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "unplug")
        try rig.evdev.emit("pad", device.press(device.five, at: 10))
        try rig.recorder.awaitKeys(1)
        try rig.evdev.remove("pad")
        try rig.recorder.awaitDisconnected()

        let opensBefore = rig.evdev.output.lines.count
        try rig.evdev.add("pad", description: device.descriptionFile())
        try rig.recorder.awaitConnected(2)
        try rig.evdev.awaitOpened("pad", after: opensBefore)
        try rig.evdev.emit("pad", device.release(device.five, at: 13))
        try rig.evdev.emit("pad", device.press(device.five, at: 14) + device.release(device.five, at: 14.3))
        try rig.evdev.emit("pad", device.press(device.one, at: 15) + device.release(device.one, at: 15.05))
        try rig.recorder.awaitReleases(2)
        #expect(rig.recorder.keys == [device.five, device.five, device.one])
        #expect(rig.recorder.releases == [KeyHold(device.five, 300), KeyHold(device.one, 50)])
        let order = rig.recorder.actions.compactMap { action -> String? in
            switch action {
            case .key: "key"
            case .keyReleased: "released"
            case .disconnected: "disconnected"
            default: nil
            }
        }
        #expect(order == ["key", "disconnected", "key", "released", "key", "released"])
    }
}
