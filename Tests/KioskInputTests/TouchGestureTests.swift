import KioskCore
import KioskInput
import Testing

/// Every gesture on every device in the table that can make it: a touch is one press, from its
/// first finger's landing (where it counts) until every finger is up (how long it lasts).
@Suite struct TouchGestureTests {
    static let screen = ScreenSize(width: 1024, height: 600)
    /// The screen tiled completely by half-open zones, as the rating screens are.
    static let tiles = (0..<4).flatMap { column in
        (0..<2).map { row in Rect(x: Double(column * 256), y: Double(row * 300), width: 256, height: 300) }
    }

    func point(_ device: TouchDevice, _ fx: Double, _ fy: Double) -> (x: Int32, y: Int32) {
        func along(_ range: AxisRange, _ fraction: Double) -> Int32 {
            Int32((Double(range.minimum) + (Double(range.maximum) - Double(range.minimum)) * fraction).rounded())
        }
        return (along(device.axes.x, fx), along(device.axes.y, fy))
    }

    func presses(_ tracker: inout TouchTracker, _ script: inout TouchScript) -> [TouchTracker.RawPress] {
        script.takeEvents().compactMap { tracker.handle($0) }
    }

    @Test(arguments: TouchDevice.all)
    func aTapIsOnePressWhereItLanded(_ device: TouchDevice) {
        var tracker = device.tracker()
        var script = TouchScript(device)
        let (x, y) = point(device, 0.3, 0.6)
        script.down(1, x: x, y: y, at: 1)
        script.move(1, x: x + 3, y: y - 3, at: 1.1)
        script.up(1, at: 1.25)
        #expect(presses(&tracker, &script) == [TouchTracker.RawPress(x: x, y: y, durationSeconds: 0.25)])
    }

    /// The corners and edge midpoints of the panel, as far as its axes reach, each land in one
    /// zone of a screen the zones tile.
    @Test(arguments: TouchDevice.all)
    func everyEdgeOfThePanelIsInAZone(_ device: TouchDevice) {
        for (fx, fy) in [(0.0, 0.0), (1, 0), (1, 1), (0, 1), (0.5, 0), (1, 0.5), (0.5, 1), (0, 0.5)] {
            var tracker = device.tracker()
            var script = TouchScript(device)
            let (x, y) = point(device, fx, fy)
            script.down(1, x: x, y: y, at: 1)
            script.up(1, at: 1.2)
            guard let press = presses(&tracker, &script).first else {
                Issue.record("no press at raw (\(x), \(y))")
                continue
            }
            for rotation in TouchMapping.Rotation.allCases {
                let mapped = TouchMapping(calibration: TouchMapping.identityMatrix, rotation: rotation)
                    .screenPoint(raw: (press.x, press.y), axes: device.axes, screen: Self.screen)
                #expect(Self.tiles.filter { $0.contains(mapped) }.count == 1, "raw (\(x), \(y)) turned \(rotation.rawValue)° → \(mapped)")
            }
        }
    }

    /// A: lands in one zone; B lands in another; A lifts; C lands in a third; B and C lift. Every
    /// finger is never up at once: one touch, where A landed, until C lifts.
    @Test(arguments: TouchDevice.multiFinger)
    func aRollingHandIsOneTouch(_ device: TouchDevice) {
        var tracker = device.tracker()
        var script = TouchScript(device)
        let a = point(device, 0.1, 0.5), b = point(device, 0.4, 0.5), c = point(device, 0.7, 0.5)
        script.down(1, x: a.x, y: a.y, at: 1)
        script.down(2, x: b.x, y: b.y, at: 1.1)
        script.up(1, at: 1.2)
        script.down(3, x: c.x, y: c.y, at: 1.3)
        script.up(2, at: 1.4)
        #expect(presses(&tracker, &script).isEmpty, "a finger is still down")
        script.up(3, at: 1.5)
        #expect(presses(&tracker, &script) == [TouchTracker.RawPress(x: a.x, y: a.y, durationSeconds: 0.5)])
    }

    /// The kernel's buffer overflowed in the middle of a touch (SYN_DROPPED): libevdev's resync
    /// says the finger is still down. The touch is no press; the next one is.
    @Test(arguments: TouchDevice.all)
    func aTouchCutByAnOverflowIsNoPressAndTheNextIs(_ device: TouchDevice) {
        var tracker = device.tracker()
        var script = TouchScript(device)
        let (x, y) = point(device, 0.5, 0.5)
        script.down(1, x: x, y: y, at: 1)
        #expect(presses(&tracker, &script).isEmpty)
        tracker.beginResync()
        script.move(1, x: x + 10, y: y, at: 1.2)  // the resync's frame: the state as it is now
        #expect(presses(&tracker, &script).isEmpty)
        let cut = tracker.endResync()
        #expect(cut, "the cut touch is counted as lost")
        // A second overflow in the same touch loses nothing more.
        tracker.beginResync()
        let again = tracker.endResync()
        #expect(!again)
        script.up(1, at: 1.4)
        #expect(presses(&tracker, &script).isEmpty, "the cut touch is not a vote")
        script.down(2, x: x, y: y, at: 2)
        script.up(2, at: 2.25)
        #expect(presses(&tracker, &script) == [TouchTracker.RawPress(x: x, y: y, durationSeconds: 0.25)])
        // An overflow with nothing touched loses nothing.
        tracker.beginResync()
        let idle = tracker.endResync()
        #expect(!idle)
    }

    /// A finger that landed while events were being dropped, and is down when the resync ends:
    /// its touch is lost (and waited out), on every device whose state tells fingers down.
    @Test(arguments: TouchDevice.tellingFingersAtOpen)
    func aTouchThatLandedInAnOverflowIsLost(_ device: TouchDevice) {
        var tracker = device.tracker()
        var script = TouchScript(device)
        let (x, y) = point(device, 0.5, 0.5)
        tracker.beginResync()
        script.down(1, x: x, y: y, at: 1)  // the resync's frame: a finger down
        #expect(presses(&tracker, &script).isEmpty)
        let lost = tracker.endResync()
        #expect(lost)
        script.up(1, at: 1.25)
        #expect(presses(&tracker, &script).isEmpty)
    }

    /// A slot whose finger lifted and another landed within one frame (the tracking id changes
    /// with no lift between): every finger was never up, so it is still the same touch.
    @Test(arguments: TouchDevice.withSlots)
    func aTrackingIDChangeWithoutALiftIsTheSameTouch(_ device: TouchDevice) {
        var tracker = device.tracker()
        var script = TouchScript(device)
        let a = point(device, 0.2, 0.2), b = point(device, 0.8, 0.8)
        script.down(1, x: a.x, y: a.y, at: 1)
        script.replaceWithoutLift(1, by: 2, x: b.x, y: b.y, at: 1.1)
        #expect(presses(&tracker, &script).isEmpty)
        script.up(2, at: 1.25)
        #expect(presses(&tracker, &script) == [TouchTracker.RawPress(x: a.x, y: a.y, durationSeconds: 0.25)])
    }

    /// kioskd (re)started while fingers are down: the tracker is seeded from the device's state,
    /// and those fingers make no press when they lift, however many there are.
    @Test(arguments: TouchDevice.tellingFingersAtOpen)
    func fingersDownAtStartAreNoPress(_ device: TouchDevice) {
        var script = TouchScript(device)
        let (x, y) = point(device, 0.5, 0.5)
        for finger in 1...min(device.fingers, 3) {
            script.down(finger, x: x + Int32(finger), y: y, at: 0.5)
        }
        _ = script.takeEvents()
        var tracker = device.tracker()
        tracker.start(currentSlot: script.currentSlot, activeTrackingIDs: script.activeTrackingIDs, buttonDown: script.anyDown)
        for finger in 1...min(device.fingers, 3) {
            script.up(finger, at: 1 + Double(finger) / 10)
        }
        #expect(presses(&tracker, &script).isEmpty)
        script.down(9, x: x, y: y, at: 2)
        script.up(9, at: 2.25)
        #expect(presses(&tracker, &script) == [TouchTracker.RawPress(x: x, y: y, durationSeconds: 0.25)])
    }
}
