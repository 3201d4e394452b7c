import Foundation
import KioskCore
import KioskInput
import KioskTestSupport
import Testing

/// The real eGalax recording (Tests/Fixtures/evemu, provenance in its README) replayed through
/// FUSE into the real libevdev: its 11 taps must land where their coordinates say.
@Suite struct EgalaxRecordingTests {
    static let recordingURL = RepositoryPaths.fixture("evemu/egalax-0eef-72a1-taps.event")

    /// Each tap's landing position and length, read straight from the recording's events.
    struct ExpectedTap {
        var x: Int32
        var y: Int32
        var duration: Double
    }

    static func expectedTaps(_ recording: EvemuRecording) -> [ExpectedTap] {
        var taps: [ExpectedTap] = []
        var landing: (x: Int32?, y: Int32?, time: Double)?
        var touching = false
        for event in recording.events {
            if event.type == 3 && event.code == 0x39 {
                if event.value >= 0 && !touching {
                    landing = (nil, nil, event.time!)
                    touching = true
                } else if event.value < 0, touching, let down = landing {
                    taps.append(ExpectedTap(x: down.x!, y: down.y!, duration: event.time! - down.time))
                    touching = false
                }
            } else if event.type == 3 && event.code == 0x35 && landing?.x == nil && touching {
                landing?.x = event.value
            } else if event.type == 3 && event.code == 0x36 && landing?.y == nil && touching {
                landing?.y = event.value
            }
        }
        return taps
    }

    @Test func elevenRealTapsLandWhereTheirCoordinatesSay() throws {
        let recording = try EvemuRecording(contentsOf: Self.recordingURL)
        let expected = Self.expectedTaps(recording)
        #expect(expected.count == 11)

        let rig = try InputRig("egalax")
        try rig.evdev.add("egalax", description: Self.recordingURL)
        _ = rig.start([touchscreen(rig.evdev.devicePath("egalax"))])
        try rig.recorder.awaitConnected()
        for frame in recording.frames {
            try rig.evdev.emit("egalax", frame)
        }
        try rig.recorder.awaitPresses(11)

        let presses = rig.recorder.presses
        #expect(presses.count == 11)
        for (press, tap) in zip(presses, expected) {
            let x = Double(tap.x) / 32760 * 1024
            let y = Double(tap.y) / 32760 * 600
            #expect(abs(press.point.x - x) < 0.01, "x of tap at raw (\(tap.x), \(tap.y))")
            #expect(abs(press.point.y - y) < 0.01, "y of tap at raw (\(tap.x), \(tap.y))")
            // Measured between the frames' SYN_REPORTs, which follow the tracking-id events by tens of µs.
            #expect(abs(press.durationSeconds - tap.duration) < 0.000_1)
        }
        // About 0.2 s each, as the recording's notes say.
        #expect(presses.allSatisfy { (0.1...0.4).contains($0.durationSeconds) })
    }

    @Test func recordingOnACalibratedRotatedScreenLandsOnTheMappedPoints() throws {
        let recording = try EvemuRecording(contentsOf: Self.recordingURL)
        let expected = Self.expectedTaps(recording)
        let mapping = TouchMapping(calibration: [1.1, 0, -0.05, 0, 0.9, 0.05], rotation: .clockwise90)
        let screen = ScreenSize(width: 600, height: 1024)

        let rig = try InputRig("egalax-rot")
        try rig.evdev.add("egalax", description: Self.recordingURL)
        _ = rig.start([touchscreen(rig.evdev.devicePath("egalax"), mapping: mapping, screen: screen)])
        try rig.recorder.awaitConnected()
        for frame in recording.frames { try rig.evdev.emit("egalax", frame) }
        try rig.recorder.awaitPresses(11)

        for (press, tap) in zip(rig.recorder.presses, expected) {
            let nx = Double(tap.x) / 32760
            let ny = Double(tap.y) / 32760
            let (rx, ry) = (1 - ny, nx)
            #expect(abs(press.point.x - (1.1 * rx - 0.05) * 600) < 0.01)
            #expect(abs(press.point.y - (0.9 * ry + 0.05) * 1024) < 0.01)
        }
    }
}
