import Foundation
import KioskCore
import KioskInput
import KioskTestSupport
import Testing

/// What libevdev logs about a device reaches the InputManager's handler, not stderr, and a device
/// repeating itself is held to a burst a minute.
@Suite struct LibevdevLogTests {
    static let egalax = RepositoryPaths.fixture("evemu/egalax-0eef-72a1.prop")

    private func messages(_ recorder: ActionRecorder) -> [LibevdevMessage] {
        recorder.actions.compactMap { if case .libevdevMessage(_, _, let message) = $0 { message } else { nil } }
    }

    @Test func aDoubleTrackingIDIsReportedByTheHandlerAndRateLimited() throws {
        let rig = try InputRig("libevdev-log")
        try rig.evdev.add("touch", description: Self.egalax)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch"))])
        try rig.recorder.awaitConnected()
        try rig.evdev.emit("touch", EventScripts.slotDown(trackingID: 1, x: 1000, y: 1000, time: 1))
        // A new tracking id in the slot without the old one lifting, 20 times: libevdev says
        // "double tracking ID" each time (and drops the event).
        for id in 2...21 {
            try rig.evdev.emit("touch", [ScriptedEvent(3, EventCode.absMTTrackingID, Int32(id), time: 1 + Double(id) / 100), ScriptedEvent(0, 0, 0)])
        }
        try rig.evdev.emit("touch", EventScripts.slotUp(time: 1.5))
        try rig.recorder.awaitPresses(1)
        let logged = messages(rig.recorder)
        #expect(logged.count == 5, "\(logged)")
        #expect(logged.allSatisfy { $0.level == .error && $0.text.contains("double tracking ID") })
        #expect(logged.map(\.lastOfBurst) == [false, false, false, false, true])
        #expect(rig.recorder.presses.count == 1)
    }

    /// What libevdev says while it first reads the device (in libevdev_set_fd) comes too.
    @Test func whatLibevdevSaysWhenItOpensTheDeviceIsReported() throws {
        let rig = try InputRig("libevdev-open-log")
        let description = try String(contentsOf: Self.egalax, encoding: .utf8)
            .replacingOccurrences(of: "A: 39 0 65535 0 0", with: "A: 39 0 0 0 0")
        let path = try RepositoryPaths.temporaryDirectory("libevdev-open-log").appendingPathComponent("bad-tracking-range.prop")
        try description.write(to: path, atomically: true, encoding: .utf8)
        try rig.evdev.add("touch", description: path)
        _ = rig.start([touchscreen(rig.evdev.devicePath("touch"))])
        try rig.recorder.awaitConnected()
        #expect(messages(rig.recorder).contains { $0.text.contains("invalid ABS_MT_TRACKING_ID range") }, "\(messages(rig.recorder))")
    }
}
