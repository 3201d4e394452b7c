import KioskInput
import Testing

/// A key held across a SYN_DROPPED overflow reports no release: its release may be lost or stamped
/// with the resync's time, and it may have gone up and down unseen.
@Suite struct KeyHeldAcrossOverflowTests {
    func key(_ code: UInt16, _ value: Int32, at time: Double) -> InputEvent {
        InputEvent(type: EventCode.evKey, code: code, value: value, time: time)
    }

    @Test func aKeyHeldAcrossAnOverflowReportsNoReleaseAndTheNextKeyIsTimed() {
        var decoder = KeypadDecoder()
        #expect(decoder.handle(key(76, 1, at: 1)) == .pressed(code: 76))
        decoder.beginResync()
        // The resync puts the key up at the time of the overflow.
        #expect(decoder.handle(key(76, 0, at: 1.5)) == nil)
        decoder.endResync()
        #expect(decoder.handle(key(76, 0, at: 3)) == nil)
        #expect(decoder.handle(key(79, 1, at: 4)) == .pressed(code: 79))
        #expect(decoder.handle(key(79, 0, at: 4.25)) == .released(code: 79, heldMilliseconds: 250))
    }

    @Test func aKeyStillDownAfterTheOverflowReportsNoRelease() {
        var decoder = KeypadDecoder()
        #expect(decoder.handle(key(76, 1, at: 1)) == .pressed(code: 76))
        decoder.beginResync()
        decoder.endResync()
        #expect(decoder.handle(key(76, 0, at: 2)) == nil)
    }
}
