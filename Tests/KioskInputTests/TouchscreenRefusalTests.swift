import Foundation
import KioskCore
import KioskInput
import KioskTestSupport
import Testing

/// Through the real libevdev: a touchpad or a keypad matched by a touchscreen's path is refused
/// once, with the reason, and never read; the panel beside it is taken; `accept_indirect` reads
/// the touchpad after all.
@Suite struct TouchscreenRefusalTests {
    static let touchpad = RepositoryPaths.deviceDescription("touchpad.prop")
    static let keypad = RepositoryPaths.deviceDescription("keypad.prop")
    static let egalax = RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop")

    private func refusals(_ recorder: ActionRecorder) -> [(path: String, refusal: TouchscreenCheck.Refusal)] {
        recorder.actions.compactMap { action in
            if case .refused(_, let path, _, let refusal) = action { (path, refusal) } else { nil }
        }
    }

    @Test func aTouchpadAndAKeypadAreRefusedOnceAndTheOldPanelBesideThemIsTaken() throws {
        let rig = try InputRig("refuse")
        try rig.evdev.add("touch-1", description: Self.touchpad)
        try rig.evdev.add("touch-2", description: Self.keypad)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch-*"))])
        try awaitCondition("both refusals") { refusals(rig.recorder).count >= 2 }
        #expect(refusals(rig.recorder).map(\.path) == [rig.evdev.devicePath("touch-1"), rig.evdev.devicePath("touch-2")])
        #expect(refusals(rig.recorder).map(\.refusal) == [.pointerProperty, .noAbsolutePosition])
        #expect(rig.recorder.count { if case .connected = $0 { true } else { false } } == 0)
        try rig.evdev.emit("touch-1", EventScripts.slotDown(trackingID: 1, x: 3000, y: 3000, time: 1))
        try rig.evdev.emit("touch-1", EventScripts.slotUp(time: 1.1))

        // An eGalax panel, which sets no properties at all, plugged in beside them: it is read,
        // and the two that were refused are not told again.
        try rig.evdev.add("touch-3", description: Self.egalax)
        try rig.recorder.awaitConnected()
        #expect(rig.recorder.actions.contains { if case .connected(_, rig.evdev.devicePath("touch-3"), _) = $0 { true } else { false } })
        try rig.evdev.emit("touch-3", EventScripts.slotDown(trackingID: 7, x: 16380, y: 16380, time: 5))
        try rig.evdev.emit("touch-3", EventScripts.slotUp(time: 5.1))
        try rig.recorder.awaitPresses(1)
        #expect(rig.recorder.presses.count == 1)
        #expect(refusals(rig.recorder).count == 2)
    }

    @Test func acceptIndirectReadsTheTouchpad() throws {
        let rig = try InputRig("accept-indirect")
        try rig.evdev.add("pad", description: Self.touchpad)
        var source = touchscreen(rig.evdev.devicePath("pad"))
        source.acceptsIndirect = true
        _ = rig.start([source])
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("pad", EventScripts.slotDown(trackingID: 1, x: 5676, y: 4758, time: 1))
        try rig.evdev.emit("pad", EventScripts.slotUp(time: 1.1))
        try rig.recorder.awaitPresses(1)
        #expect(refusals(rig.recorder).isEmpty)
        // The pad's far corner is the screen's last pixel.
        #expect(rig.recorder.presses.first?.point == ScreenPoint(x: Double(1024).nextDown, y: Double(600).nextDown))
    }
}
