import Foundation
import KioskCore
import KioskInput
import KioskTestSupport
import Testing

@Suite struct KeypadAndHotplugTests {
    static let keypadDescription = RepositoryPaths.deviceDescription("keypad.prop")
    static let egalax = RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop")
    let kp1 = KeyCodes.code(named: "KEY_KP1")!
    let kp4 = KeyCodes.code(named: "KEY_KP4")!
    let kpEnter = KeyCodes.code(named: "KEY_KPENTER")!

    @Test func keypadReportsPressesIgnoringNumLockWrappingRepeatAndRelease() throws {
        let rig = try InputRig("keypad")
        try rig.evdev.add("pad", description: Self.keypadDescription)
        _ = rig.start([keypad(rig.evdev.devicePath("pad"))])
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("pad", EventScripts.keyTap(kp1))
        try rig.evdev.emit("pad", EventScripts.numLockWrappedKeyTap(kp4))
        // Held key: press, two auto-repeats, release: one press.
        try rig.evdev.emit(
            "pad",
            [ScriptedEvent(1, kpEnter, 1), ScriptedEvent(0, 0, 0), ScriptedEvent(1, kpEnter, 2), ScriptedEvent(0, 0, 0),
             ScriptedEvent(1, kpEnter, 2), ScriptedEvent(0, 0, 0), ScriptedEvent(1, kpEnter, 0), ScriptedEvent(0, 0, 0)])
        try rig.recorder.awaitKeys(3)
        #expect(rig.recorder.keys == [kp1, kp4, kpEnter])
    }

    @Test func anAcknowledgedKeyBlinksTheKeypadLEDAndRestoresIt() throws {
        let rig = try InputRig("led")
        try rig.evdev.add("pad", description: Self.keypadDescription)
        _ = rig.start([keypad(rig.evdev.devicePath("pad"))]) { action in
            if case .key(let source, _) = action { .acknowledge(source: source) } else { .nothing }
        }
        try rig.recorder.awaitConnected()
        #expect(rig.evdev.writes(to: "pad").filter { $0[0] == 17 }.isEmpty, "no blink before a press")
        try rig.evdev.emit("pad", EventScripts.keyTap(kp1))
        // The NumLock LED (the pad's only one) goes on, then back off.
        try awaitCondition("the LED to be set and restored") {
            rig.evdev.writes(to: "pad").filter { $0[0] == 17 }.count >= 2
        }
        let ledWrites = rig.evdev.writes(to: "pad").filter { $0[0] == 17 }
        #expect(ledWrites.map { $0[2] } == [1, 0])
        #expect(ledWrites.allSatisfy { $0[1] == 0 })
    }

    @Test func refusedGrabIsAWarningNotAFailure() throws {
        let rig = try InputRig("grab")
        try rig.evdev.add("pad", description: Self.keypadDescription)
        _ = rig.start([keypad(rig.evdev.devicePath("pad"))])
        try rig.recorder.awaitConnected()
        // EVIOCGRAB cannot pass through FUSE (its argument is an integer, not a buffer), so the grab
        // is refused here as it would be by a device another program holds.
        try awaitCondition("the grab warning") { rig.recorder.warnings.contains { $0.contains("exclusive grab") } }
        try rig.evdev.emit("pad", EventScripts.keyTap(kp1))
        try rig.recorder.awaitKeys(1)
        #expect(rig.recorder.keys == [kp1])
    }

    @Test func unplugAndReplugKeepsRunningReopensAndReportsEachChangeOnce() throws {
        let rig = try InputRig("hotplug")
        try rig.evdev.add("touch-1", description: Self.egalax)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch-*"))])
        try rig.recorder.awaitConnected()

        try rig.evdev.remove("touch-1")
        try rig.recorder.awaitDisconnected()
        // While it is away the loop keeps retrying; the "waiting" warning is reported once.
        try awaitCondition("the waiting warning") { rig.recorder.warnings.contains { $0.contains("waiting for a device") } }
        let opensBefore = rig.evdev.output.lines.count
        try rig.evdev.add("touch-1", description: Self.egalax)
        try rig.recorder.awaitConnected(2)
        try rig.evdev.awaitOpened("touch-1", after: opensBefore)

        try rig.evdev.emit("touch-1", EventScripts.slotDown(trackingID: 7, x: 16380, y: 16380, time: 5))
        try rig.evdev.emit("touch-1", EventScripts.slotUp(time: 5.1))
        try rig.recorder.awaitPresses(1)

        let waiting = rig.recorder.warnings.filter { $0.contains("waiting for a device") }
        #expect(waiting.count == 1)
        let changes = rig.recorder.actions.compactMap { action -> String? in
            switch action {
            case .connected: "connected"
            case .disconnected: "disconnected"
            default: nil
            }
        }
        #expect(changes == ["connected", "disconnected", "connected"])
    }

    @Test func aDeviceMissingAtStartIsOpenedWhenItAppears() throws {
        let rig = try InputRig("late")
        _ = rig.start([keypad(rig.evdev.devicePath("pad"))])
        try awaitCondition("the waiting warning") { rig.recorder.warnings.contains { $0.contains("waiting for a device") } }
        try rig.evdev.add("pad", description: Self.keypadDescription)
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("pad", EventScripts.keyTap(kp4))
        try rig.recorder.awaitKeys(1)
        #expect(rig.recorder.keys == [kp4])
    }

    @Test func stopReturnsAndClosesTheDevices() throws {
        let rig = try InputRig("stop")
        try rig.evdev.add("pad", description: Self.keypadDescription)
        let manager = rig.start([keypad(rig.evdev.devicePath("pad"))])
        try rig.recorder.awaitConnected()
        try rig.evdev.awaitOpened("pad")
        manager.stop()
        try rig.evdev.output.await("the device to be closed") { $0 == "closed pad" }
    }
}
