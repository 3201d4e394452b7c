import KioskCore
import KioskInput
import KioskTestSupport
import Testing

/// kioskd has the kernel stamp its devices' events on CLOCK_MONOTONIC (`EVIOCSCLOCKID`): press
/// lengths and key holds are differences of stamps, and the wall clock steps, as when NTP sets a
/// box without a clock battery at boot. Here the press is stamped by the device as it is sent,
/// on the clock kioskd asked for, and the release is scripted on CLOCK_MONOTONIC: on the wall
/// clock the two would be 56 years apart.
@Suite struct EventClockTests {
    @Test(arguments: KeypadDevice.all)
    func aKeyIsStampedOnTheMonotonicClock(_ device: KeypadDevice) throws {
        let rig = try InputRig.keypad(device, "event-clock-key")
        let sent = MonotonicClock.now()
        try rig.evdev.emit("pad", device.press(device.five, at: nil))
        try rig.evdev.emit("pad", device.release(device.five, at: sent + 1))
        try rig.recorder.awaitReleases(1)
        let held = try #require(rig.recorder.releases.first).milliseconds
        #expect((500...1000).contains(held), "held \(held) ms by the stamps; 1000 less the time the press took to send")
    }

    @Test func aTouchIsStampedOnTheMonotonicClock() throws {
        let rig = try InputRig("event-clock-touch")
        try rig.evdev.add("touch", description: RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop"))
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch"))])
        try rig.recorder.awaitConnected()
        let sent = MonotonicClock.now()
        try rig.evdev.emit("touch", EventScripts.slotDown(trackingID: 1, x: 16000, y: 16000))
        try rig.evdev.emit("touch", EventScripts.slotUp(time: sent + 0.2))
        try rig.recorder.awaitPresses(1)
        let length = try #require(rig.recorder.presses.first).durationSeconds
        #expect(length > 0.1 && length <= 0.2, "the touch lasted \(length) s by the stamps")
    }
}
