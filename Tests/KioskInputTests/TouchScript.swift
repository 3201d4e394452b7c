import KioskInput

/// Fingers landing, moving and lifting, written as each kind of device's driver would report them:
/// one frame (ending in SYN_REPORT) per step. Protocol B gives each finger the lowest free slot and
/// a new tracking id; protocol A lists every contact down in each frame and ends with an empty one;
/// a single-touch panel reports the first finger's point with BTN_TOUCH held while any is down.
struct TouchScript {
    private struct Finger {
        var slot: Int
        var x: Int32
        var y: Int32
    }

    let device: TouchDevice
    private var fingers: [Int: Finger] = [:]
    private var order: [Int] = []
    private var nextTrackingID: Int32 = 100
    private var lastSlot = 0
    private(set) var events: [InputEvent] = []

    init(_ device: TouchDevice) {
        self.device = device
    }

    var anyDown: Bool { !fingers.isEmpty }

    mutating func down(_ finger: Int, x: Int32, y: Int32, at time: Double) {
        let used = Set(fingers.values.map(\.slot))
        let slot = (0..<device.fingers).first { !used.contains($0) } ?? 0
        fingers[finger] = Finger(slot: slot, x: x, y: y)
        order.append(finger)
        var axes: [(UInt16, Int32)] = []
        if case .slots = device.touchProtocol {
            axes = selectSlot(slot) + [(EventCode.absMTTrackingID, nextTrackingID), (EventCode.absMTPositionX, x), (EventCode.absMTPositionY, y)]
            nextTrackingID += 1
        }
        frame(axes, buttonChange: fingers.count == 1 ? 1 : nil, at: time)
    }

    mutating func move(_ finger: Int, x: Int32, y: Int32, at time: Double) {
        guard var state = fingers[finger] else { return }
        state.x = x
        state.y = y
        fingers[finger] = state
        var axes: [(UInt16, Int32)] = []
        if case .slots = device.touchProtocol {
            axes = selectSlot(state.slot) + [(EventCode.absMTPositionX, x), (EventCode.absMTPositionY, y)]
        }
        frame(axes, buttonChange: nil, at: time)
    }

    mutating func up(_ finger: Int, at time: Double) {
        guard let state = fingers.removeValue(forKey: finger) else { return }
        order.removeAll { $0 == finger }
        var axes: [(UInt16, Int32)] = []
        if case .slots = device.touchProtocol {
            axes = selectSlot(state.slot) + [(EventCode.absMTTrackingID, -1)]
        }
        frame(axes, buttonChange: fingers.isEmpty ? 0 : nil, at: time)
    }

    /// A slot whose finger lifted and a new one landed within one frame: the tracking id changes
    /// with no -1 between (protocol B only).
    mutating func replaceWithoutLift(_ finger: Int, by newFinger: Int, x: Int32, y: Int32, at time: Double) {
        guard let state = fingers.removeValue(forKey: finger) else { return }
        fingers[newFinger] = Finger(slot: state.slot, x: x, y: y)
        order = order.map { $0 == finger ? newFinger : $0 }
        let axes = selectSlot(state.slot) + [
            (EventCode.absMTTrackingID, nextTrackingID), (EventCode.absMTPositionX, x), (EventCode.absMTPositionY, y),
        ]
        nextTrackingID += 1
        frame(axes, buttonChange: nil, at: time)
    }

    /// The slots' tracking ids and the current slot as the device would report them at open.
    var activeTrackingIDs: [Int32] {
        var ids = [Int32](repeating: -1, count: device.fingers)
        for state in fingers.values where state.slot < ids.count { ids[state.slot] = 1 + Int32(state.slot) }
        return ids
    }

    var currentSlot: Int { lastSlot }

    mutating func takeEvents() -> [InputEvent] {
        defer { events = [] }
        return events
    }

    private mutating func selectSlot(_ slot: Int) -> [(UInt16, Int32)] {
        defer { lastSlot = slot }
        return slot == lastSlot ? [] : [(EventCode.absMTSlot, Int32(slot))]
    }

    private mutating func frame(_ slotAxes: [(UInt16, Int32)], buttonChange: Int32?, at time: Double) {
        func add(_ type: UInt16, _ code: UInt16, _ value: Int32) {
            events.append(InputEvent(type: type, code: code, value: value, time: time))
        }
        for (code, value) in slotAxes { add(EventCode.evAbs, code, value) }
        if case .protocolA = device.touchProtocol {
            for finger in order {
                let state = fingers[finger]!
                add(EventCode.evAbs, EventCode.absMTPositionX, state.x)
                add(EventCode.evAbs, EventCode.absMTPositionY, state.y)
                add(EventCode.evSyn, EventCode.synMTReport, 0)
            }
            if fingers.isEmpty { add(EventCode.evSyn, EventCode.synMTReport, 0) }
        }
        // The first finger down drives the single-touch axes (the kernel's pointer emulation).
        if let first = order.first, let state = fingers[first] {
            add(EventCode.evAbs, EventCode.absX, state.x)
            add(EventCode.evAbs, EventCode.absY, state.y)
        }
        if let buttonChange, device.hasButtonTouch { add(EventCode.evKey, EventCode.btnTouch, buttonChange) }
        add(EventCode.evSyn, EventCode.synReport, 0)
    }
}
