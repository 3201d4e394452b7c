import Foundation
import KioskCore
import KioskInput
import KioskTestSupport
import Testing

/// Scripted touches on emulated devices of each protocol, read through the real libevdev.
/// Timestamps are explicit, so press lengths are exact without waiting in real time.
@Suite struct ScriptedTouchTests {
    static let egalax = RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop")
    static let singleTouch = RepositoryPaths.deviceDescription("singletouch.prop")
    static let protocolA = RepositoryPaths.deviceDescription("protocol-a.prop")

    @Test func protocolBFirstFingerDecidesAndExtraFingersAreIgnored() throws {
        let rig = try InputRig("mt-b")
        try rig.evdev.add("touch", description: Self.egalax)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch"))])
        try rig.recorder.awaitConnected()
        let t = 1000.0
        // Finger 1 lands at (8190, 16380); finger 2 lands elsewhere, finger 1 moves, finger 2 lifts first.
        try rig.evdev.emit("touch", EventScripts.slotDown(slot: 0, trackingID: 10, x: 8190, y: 16380, time: t))
        try rig.evdev.emit("touch", EventScripts.slotDown(slot: 1, trackingID: 11, x: 30000, y: 30000, firstFinger: false, time: t + 0.05))
        try rig.evdev.emit("touch", EventScripts.slotMove(slot: 0, x: 8300, y: 16400, time: t + 0.08))
        try rig.evdev.emit("touch", EventScripts.slotUp(slot: 1, lastFinger: false, time: t + 0.10))
        try rig.evdev.emit("touch", EventScripts.slotUp(slot: 0, lastFinger: false, time: t + 0.15))
        // Finger 2 lands again while nothing else is down: a new press of its own.
        try rig.evdev.emit("touch", EventScripts.slotDown(slot: 1, trackingID: 12, x: 24570, y: 8190, time: t + 1))
        try rig.evdev.emit("touch", EventScripts.slotUp(slot: 1, time: t + 1.2))
        try rig.recorder.awaitPresses(2)

        let presses = rig.recorder.presses
        #expect(presses.count == 2)
        #expect(abs(presses[0].point.x - 256) < 0.05 && abs(presses[0].point.y - 300) < 0.05)
        #expect(abs(presses[0].durationSeconds - 0.15) < 0.000_01)
        #expect(abs(presses[1].point.x - 768) < 0.05 && abs(presses[1].point.y - 150) < 0.05)
        #expect(abs(presses[1].durationSeconds - 0.2) < 0.000_01)
    }

    /// A rolling hand through the real libevdev: A lands, B lands, A lifts, C lands in A's slot,
    /// B and C lift. Every finger is never up at once: one press, where A landed, until C lifts;
    /// and the panel's far corner (its axis maximum) is on the screen, not past its edge.
    @Test func protocolBRollingHandIsOnePressAndTheEdgeIsOnTheScreen() throws {
        let rig = try InputRig("mt-b-roll")
        try rig.evdev.add("touch", description: Self.egalax)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch"))])
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("touch", EventScripts.slotDown(slot: 0, trackingID: 20, x: 4095, y: 16380, time: 10))
        try rig.evdev.emit("touch", EventScripts.slotDown(slot: 1, trackingID: 21, x: 16380, y: 16380, firstFinger: false, time: 10.1))
        try rig.evdev.emit("touch", EventScripts.slotUp(slot: 0, lastFinger: false, time: 10.2))
        try rig.evdev.emit("touch", EventScripts.slotDown(slot: 0, trackingID: 22, x: 28665, y: 16380, firstFinger: false, time: 10.3))
        try rig.evdev.emit("touch", EventScripts.slotUp(slot: 1, lastFinger: false, time: 10.4))
        try rig.evdev.emit("touch", EventScripts.slotUp(slot: 0, time: 10.5))
        try rig.evdev.emit("touch", EventScripts.slotDown(slot: 0, trackingID: 23, x: 32760, y: 32760, time: 11))
        try rig.evdev.emit("touch", EventScripts.slotUp(slot: 0, time: 11.25))
        try rig.recorder.awaitPresses(2)
        let presses = rig.recorder.presses
        #expect(presses.count == 2, "\(presses)")
        #expect(abs(presses[0].point.x - 128) < 0.05 && abs(presses[0].durationSeconds - 0.5) < 0.000_01)
        #expect(presses[1].point.x < 1024 && presses[1].point.y < 600 && presses[1].point.x > 1023.9, "\(presses[1].point)")
    }

    @Test func singleTouchDevice() throws {
        let rig = try InputRig("st")
        try rig.evdev.add("resistive", description: Self.singleTouch)
        _ = rig.start([touchscreen(rig.evdev.devicePath("resistive"))])
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("resistive", EventScripts.singleDown(x: 4095, y: 0, time: 50))
        try rig.evdev.emit("resistive", EventScripts.singleUp(time: 50.3))
        try rig.recorder.awaitPresses(1)
        let press = try #require(rig.recorder.presses.first)
        #expect(abs(press.point.x - 1024) < 0.01 && abs(press.point.y) < 0.01)
        #expect(abs(press.durationSeconds - 0.3) < 0.000_01)
    }

    @Test func protocolAReleasesOnButtonTouchZeroWithoutTrackingIDs() throws {
        let rig = try InputRig("mt-a")
        try rig.evdev.add("old", description: Self.protocolA)
        _ = rig.start([touchscreen(rig.evdev.devicePath("old"))])
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("old", EventScripts.protocolAFrame(contacts: [(1024, 2048)], time: 10))
        try rig.evdev.emit("old", EventScripts.protocolAFrame(contacts: [(1030, 2050), (3000, 3000)], time: 10.05))
        try rig.evdev.emit("old", EventScripts.protocolALift(time: 10.1))
        try rig.recorder.awaitPresses(1)
        let press = try #require(rig.recorder.presses.first)
        #expect(abs(press.point.x - 1024.0 / 4095 * 1024) < 0.01)
        #expect(abs(press.point.y - 2048.0 / 4095 * 600) < 0.01)
        #expect(abs(press.durationSeconds - 0.1) < 0.000_01)
    }

    @Test func stateIsAppliedAtSynReportOnly() throws {
        let rig = try InputRig("syn")
        try rig.evdev.add("touch", description: Self.egalax)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch"))])
        try rig.recorder.awaitConnected()
        // The landing frame carries a position change after the tracking id; the press lands at the
        // frame's final position, not at the value before the SYN_REPORT.
        try rig.evdev.emit(
            "touch",
            [
                ScriptedEvent(3, 0x39, 5, time: 1), ScriptedEvent(3, 0x35, 100, time: 1), ScriptedEvent(3, 0x36, 100, time: 1),
                ScriptedEvent(3, 0x35, 16380, time: 1), ScriptedEvent(3, 0x36, 16380, time: 1), ScriptedEvent(1, 0x14a, 1, time: 1),
                ScriptedEvent(0, 0, 0, time: 1),
            ])
        try rig.evdev.emit("touch", EventScripts.slotUp(time: 1.1))
        try rig.recorder.awaitPresses(1)
        let press = try #require(rig.recorder.presses.first)
        #expect(abs(press.point.x - 512) < 0.05 && abs(press.point.y - 300) < 0.05)
    }

    @Test func synDroppedDiscardsTheTouchInProgressAndNeverLeavesItStuck() throws {
        let rig = try InputRig("dropped")
        try rig.evdev.add("touch", description: Self.egalax)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch"))])
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("touch", EventScripts.slotDown(trackingID: 1, x: 1000, y: 1000, time: 1))
        // The lift is lost in an overrun; libevdev resyncs and learns the finger is up.
        try rig.evdev.drop("touch")
        try rig.evdev.emit("touch", EventScripts.slotUp(time: 1.1))
        try rig.evdev.resume("touch")
        // A finger that lands during an overrun and stays down is not a press either.
        try rig.evdev.drop("touch")
        try rig.evdev.emit("touch", EventScripts.slotDown(trackingID: 2, x: 2000, y: 2000, time: 2))
        try rig.evdev.resume("touch")
        // The resync finds it down: a lost touch (lifted only after that, or the resync could miss it).
        try awaitCondition("the overrun's lost touch") { rig.recorder.lostTouches >= 1 }
        try rig.evdev.emit("touch", EventScripts.slotUp(time: 2.5))
        // The next tap is a normal press: nothing is stuck. Events queued while libevdev resyncs
        // are discarded (as with the kernel), so a tap that races the resync may be lost (a touch
        // the resync finds down is waited out): tap until a press arrives.
        var time = 3.0
        var trackingID: Int32 = 3
        func cleanPress() -> Bool { rig.recorder.presses.contains { abs($0.durationSeconds - 0.2) < 0.000_01 } }
        for _ in 0..<50 where !cleanPress() {
            try rig.evdev.emit("touch", EventScripts.slotDown(trackingID: trackingID, x: 16380, y: 16380, time: time))
            try rig.evdev.emit("touch", EventScripts.slotUp(time: time + 0.2))
            try? awaitCondition("a clean press", timeout: 0.5, cleanPress)
            time += 1
            trackingID += 1
        }
        try awaitCondition("a clean press", cleanPress)

        // Only clean taps after the overruns became presses: none at the dropped touches' places,
        // none rebuilt by a resync. Each overrun lost its touch, and says so once (two overruns
        // close together may be read as one).
        let presses = rig.recorder.presses
        #expect(presses.allSatisfy { abs($0.point.x - 512) < 0.05 && abs($0.durationSeconds - 0.2) < 0.000_01 }, "\(presses)")
        #expect((1...2).contains(rig.recorder.lostTouches), "\(rig.recorder.lostTouches) touches lost")
    }

    @Test func axisRangesComeFromTheDevice() throws {
        // The same raw value means different places on devices with different ranges.
        let rig = try InputRig("ranges")
        try rig.evdev.add("wide", description: Self.egalax)
        try rig.evdev.add("narrow", description: Self.singleTouch)
        _ = rig.start([touchscreen(rig.evdev.devicePath("wide")), touchscreen(rig.evdev.devicePath("narrow"))])
        try rig.recorder.awaitConnected(2)
        try rig.evdev.emit("wide", EventScripts.slotDown(trackingID: 1, x: 4095, y: 4095, time: 1))
        try rig.evdev.emit("wide", EventScripts.slotUp(time: 1.1))
        try rig.recorder.awaitPresses(1)
        try rig.evdev.emit("narrow", EventScripts.singleDown(x: 4095, y: 4095, time: 1))
        try rig.evdev.emit("narrow", EventScripts.singleUp(time: 1.1))
        try rig.recorder.awaitPresses(2)
        let presses = rig.recorder.presses
        #expect(abs(presses[0].point.x - 4095.0 / 32760 * 1024) < 0.01)
        #expect(abs(presses[1].point.x - 1024) < 0.01)
    }
}
