import KioskInput
import Testing

/// The touch state machine on its own, event by event.
@Suite struct TouchTrackerTests {
    func frame(_ events: [(UInt16, UInt16, Int32)], at time: Double) -> [InputEvent] {
        events.map { InputEvent(type: $0.0, code: $0.1, value: $0.2, time: time) } + [InputEvent(type: 0, code: 0, value: 0, time: time)]
    }

    func feed(_ tracker: inout TouchTracker, _ events: [InputEvent]) -> [TouchTracker.RawPress] {
        events.compactMap { tracker.handle($0) }
    }

    @Test func nothingHappensBeforeSynReport() {
        var tracker = TouchTracker(touchProtocol: .slots(count: 2), hasButtonTouch: true)
        let down = frame([(3, 0x39, 1), (3, 0x35, 10), (3, 0x36, 20), (1, 0x14a, 1)], at: 1)
        _ = feed(&tracker, down)
        let lift: [InputEvent] = [InputEvent(type: 3, code: 0x39, value: -1, time: 2), InputEvent(type: 1, code: 0x14a, value: 0, time: 2)]
        #expect(feed(&tracker, lift).isEmpty)
        #expect(tracker.isTouching)
        let press = tracker.handle(InputEvent(type: 0, code: 0, value: 0, time: 2))
        #expect(press == TouchTracker.RawPress(x: 10, y: 20, durationSeconds: 1))
        #expect(!tracker.isTouching)
    }

    @Test func openedWithAFingerDownWaitsForItToLift() {
        var tracker = TouchTracker(touchProtocol: .slots(count: 2), hasButtonTouch: true)
        tracker.start(currentSlot: 0, activeTrackingIDs: [4, -1], buttonDown: true)
        #expect(feed(&tracker, frame([(3, 0x39, -1), (1, 0x14a, 0)], at: 1)).isEmpty)
        _ = feed(&tracker, frame([(3, 0x39, 5), (3, 0x35, 1), (3, 0x36, 2), (1, 0x14a, 1)], at: 2))
        #expect(feed(&tracker, frame([(3, 0x39, -1), (1, 0x14a, 0)], at: 2.5)) == [TouchTracker.RawPress(x: 1, y: 2, durationSeconds: 0.5)])
    }

    @Test func singleTouchUsesAbsoluteAxes() {
        var tracker = TouchTracker(touchProtocol: .singleTouch, hasButtonTouch: true)
        _ = feed(&tracker, frame([(3, 0, 30), (3, 1, 40), (1, 0x14a, 1)], at: 3))
        _ = feed(&tracker, frame([(3, 0, 35)], at: 3.1))
        #expect(feed(&tracker, frame([(1, 0x14a, 0)], at: 3.25)) == [TouchTracker.RawPress(x: 30, y: 40, durationSeconds: 0.25)])
    }

    @Test func protocolAWithoutButtonTouchReleasesOnAnEmptyFrame() {
        var tracker = TouchTracker(touchProtocol: .protocolA, hasButtonTouch: false)
        _ = feed(&tracker, [InputEvent(type: 3, code: 0x35, value: 5, time: 1), InputEvent(type: 3, code: 0x36, value: 6, time: 1),
                            InputEvent(type: 0, code: 2, value: 0, time: 1), InputEvent(type: 0, code: 0, value: 0, time: 1)])
        #expect(tracker.isTouching)
        let lift = [InputEvent(type: 0, code: 2, value: 0, time: 1.25), InputEvent(type: 0, code: 0, value: 0, time: 1.25)]
        #expect(feed(&tracker, lift) == [TouchTracker.RawPress(x: 5, y: 6, durationSeconds: 0.25)])
    }

    @Test func resyncDiscardsTheTouchAndWaitsForAllUp() {
        var tracker = TouchTracker(touchProtocol: .slots(count: 2), hasButtonTouch: true)
        _ = feed(&tracker, frame([(3, 0x39, 1), (3, 0x35, 7), (3, 0x36, 8), (1, 0x14a, 1)], at: 1))
        tracker.beginResync()
        #expect(!tracker.isTouching)
        // The resync says the finger is still down; its later lift is not a press.
        #expect(feed(&tracker, frame([(3, 0x35, 9)], at: 1.5)).isEmpty)
        tracker.endResync()
        #expect(feed(&tracker, frame([(3, 0x39, -1), (1, 0x14a, 0)], at: 2)).isEmpty)
        _ = feed(&tracker, frame([(3, 0x39, 2), (3, 0x35, 1), (3, 0x36, 1), (1, 0x14a, 1)], at: 3))
        #expect(feed(&tracker, frame([(3, 0x39, -1), (1, 0x14a, 0)], at: 3.1)).count == 1)
    }

    /// libevdev's resync of a slot whose tracking id changed: a frame ending the old touch, then
    /// one starting the new, both at the time of the drop. The new touch landed unseen: it is no
    /// press, not even one of zero length, when it lifts in the resync of a later drop.
    @Test func aTouchStartedInsideAResyncIsNeverAPress() {
        var tracker = TouchTracker(touchProtocol: .slots(count: 1), hasButtonTouch: false)
        _ = feed(&tracker, frame([(3, 0x39, 1), (3, 0x35, 7), (3, 0x36, 8)], at: 1))
        tracker.beginResync()
        #expect(feed(&tracker, frame([(3, 0x39, -1)], at: 1)).isEmpty)
        #expect(feed(&tracker, frame([(3, 0x39, 2), (3, 0x35, 9)], at: 1)).isEmpty)
        tracker.endResync()
        #expect(!tracker.isTouching)
        tracker.beginResync()
        #expect(feed(&tracker, frame([(3, 0x39, -1)], at: 1)).isEmpty)
        tracker.endResync()
        // All up now: the next tap is a press.
        _ = feed(&tracker, frame([(3, 0x39, 3), (3, 0x35, 5), (3, 0x36, 6)], at: 4))
        #expect(feed(&tracker, frame([(3, 0x39, -1)], at: 4.25)) == [TouchTracker.RawPress(x: 5, y: 6, durationSeconds: 0.25)])
    }
}

@Suite struct KeypadDecoderTests {
    @Test func onlyKeyDownsCountAndNumLockNever() {
        var decoder = KeypadDecoder()
        #expect(decoder.pressedKey(InputEvent(type: 1, code: 79, value: 1, time: 0)) == 79)
        #expect(decoder.pressedKey(InputEvent(type: 1, code: 79, value: 2, time: 0)) == nil)
        #expect(decoder.pressedKey(InputEvent(type: 1, code: 79, value: 0, time: 0)) == nil)
        #expect(decoder.pressedKey(InputEvent(type: 1, code: 69, value: 1, time: 0)) == nil)
        #expect(decoder.pressedKey(InputEvent(type: 4, code: 4, value: 79, time: 0)) == nil)
        decoder.beginResync()
        #expect(decoder.pressedKey(InputEvent(type: 1, code: 79, value: 1, time: 0)) == nil)
        decoder.endResync()
        #expect(decoder.pressedKey(InputEvent(type: 1, code: 80, value: 1, time: 0)) == 80)
    }
}
