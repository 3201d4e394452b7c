import Glibc
import KioskCore

/// A source's open device and the state machine that reads it, on the input thread.
final class OpenDevice {
    let source: Int
    let device: EvdevDevice
    private var reader: Reader

    private enum Reader {
        case touch(TouchTracker, axes: TouchAxes, mapping: TouchMapping, screen: ScreenSize)
        case keypad(KeypadDecoder)
    }

    init(source: Int, device: EvdevDevice, kind: InputSource.Kind) {
        self.source = source
        self.device = device
        switch kind {
        case .keypad:
            reader = .keypad(KeypadDecoder())
        case .touchscreen(let mapping, let screen):
            let hasSlots = device.has(type: EventCode.evAbs, code: EventCode.absMTSlot) && device.slotCount > 0
            let hasMTPosition = device.has(type: EventCode.evAbs, code: EventCode.absMTPositionX)
            let touchProtocol: TouchTracker.TouchProtocol =
                hasSlots ? .slots(count: device.slotCount) : hasMTPosition ? .protocolA : .singleTouch
            let axes =
                hasMTPosition
                ? TouchAxes(x: device.range(of: EventCode.absMTPositionX), y: device.range(of: EventCode.absMTPositionY))
                : TouchAxes(x: device.range(of: EventCode.absX), y: device.range(of: EventCode.absY))
            var tracker = TouchTracker(
                touchProtocol: touchProtocol, hasButtonTouch: device.has(type: EventCode.evKey, code: EventCode.btnTouch))
            tracker.start(
                currentSlot: device.currentSlot,
                activeTrackingIDs: hasSlots ? (0..<device.slotCount).map(device.trackingID(slot:)) : [],
                buttonDown: device.value(type: EventCode.evKey, code: EventCode.btnTouch) != 0)
            reader = .touch(tracker, axes: axes, mapping: mapping, screen: screen)
        }
    }

    enum DrainResult {
        case drained
        case gone(reason: String)
    }

    /// Reads every queued event, reporting presses and keys; handles SYN_DROPPED by resyncing.
    func drain(_ emit: (InputAction) -> Void) -> DrainResult {
        while true {
            switch device.read() {
            case .event(let event):
                feed(event, emit)
            case .dropped:
                beginResync()
                while case .event(let event) = device.readResync() {
                    feed(event, emit)
                }
                if endResync() { emit(.touchLost(source: source, path: device.path)) }
            case .empty:
                return .drained
            case .gone(let code):
                return .gone(reason: String(cString: strerror(code)))
            }
        }
    }

    private func feed(_ event: InputEvent, _ emit: (InputAction) -> Void) {
        switch reader {
        case .keypad(var decoder):
            let change = decoder.handle(event)
            reader = .keypad(decoder)
            switch change {
            case .pressed(let code): emit(.key(source: source, code: code))
            case .released(let code, let held): emit(.keyReleased(source: source, code: code, heldMilliseconds: held))
            case nil: break
            }
        case .touch(var tracker, let axes, let mapping, let screen):
            let press = tracker.handle(event)
            reader = .touch(tracker, axes: axes, mapping: mapping, screen: screen)
            if let press {
                let point = mapping.screenPoint(raw: (press.x, press.y), axes: axes, screen: screen)
                emit(.touch(source: source, press: TouchPress(point: point, durationSeconds: press.durationSeconds)))
            }
        }
    }

    private func beginResync() {
        switch reader {
        case .keypad(var decoder):
            decoder.beginResync()
            reader = .keypad(decoder)
        case .touch(var tracker, let axes, let mapping, let screen):
            tracker.beginResync()
            reader = .touch(tracker, axes: axes, mapping: mapping, screen: screen)
        }
    }

    /// True when a touch was lost to the overflow.
    private func endResync() -> Bool {
        switch reader {
        case .keypad(var decoder):
            decoder.endResync()
            reader = .keypad(decoder)
            return false
        case .touch(var tracker, let axes, let mapping, let screen):
            let lost = tracker.endResync()
            reader = .touch(tracker, axes: axes, mapping: mapping, screen: screen)
            return lost
        }
    }
}
