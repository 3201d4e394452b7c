/// Turns a touchscreen's event stream into presses of the first finger.
///
/// State is applied at SYN_REPORT only. A touch runs from the frame its first finger lands in to
/// the first frame with every finger up, on every protocol: its position is where the first finger
/// landed, its length is that whole span, and other fingers are ignored. (Protocol A cannot tell
/// fingers apart, so this is the one rule all three can keep: a hand that rolls from one face to
/// the next without ever lifting is one touch, and a slot whose tracking id changes without a lift
/// is still the same touch.) Three protocols are understood: multitouch protocol B (slots and tracking ids),
/// the old protocol A (anonymous contacts separated by SYN_MT_REPORT, lift by an empty frame or
/// BTN_TOUCH 0), and single touch (ABS_X/ABS_Y and BTN_TOUCH).
///
/// After SYN_DROPPED the touch in progress is discarded (its length is unknown, so it is not a
/// vote; `endResync` says a touch was lost, for the day's tally) and the tracker waits until every
/// finger is up, so state is never left stuck. The
/// resync's own frames (libevdev ends a touch whose tracking id changed, then starts the new
/// one, all stamped with the time of the drop) only update the state: a finger seen there landed
/// unseen, so it is waited out like the others.
public struct TouchTracker: Sendable {
    public enum TouchProtocol: Sendable, Equatable {
        case slots(count: Int)
        case protocolA
        case singleTouch
    }

    /// A completed press in raw device coordinates.
    public struct RawPress: Sendable, Equatable {
        public var x: Int32
        public var y: Int32
        public var durationSeconds: Double

        public init(x: Int32, y: Int32, durationSeconds: Double) {
            self.x = x
            self.y = y
            self.durationSeconds = durationSeconds
        }
    }

    private struct Slot: Equatable {
        var trackingID: Int32 = -1
        var x: Int32 = 0
        var y: Int32 = 0
        var isActive: Bool { trackingID >= 0 }
    }

    private struct Finger {
        var x: Int32
        var y: Int32
        var downAt: Double
    }

    public let touchProtocol: TouchProtocol
    private let hasButtonTouch: Bool

    private var slots: [Slot]
    private var committedSlots: [Slot]
    private var currentSlot = 0
    private var buttonTouch = false
    private var absX: Int32 = 0
    private var absY: Int32 = 0
    private var contactsInFrame: [(x: Int32, y: Int32)] = []
    private var pendingContact: (x: Int32?, y: Int32?) = (nil, nil)
    private var finger: Finger?
    /// Ignore everything until no finger is down (after a resync or when opened mid-touch).
    private var waitingForAllUp = false
    /// Between `beginResync` and `endResync`: frames rebuild the state and decide nothing.
    private var resyncing = false
    /// At `beginResync`: whether a touch was in progress, and whether one was already ignored.
    private var touchCut = false
    private var ignoringBeforeResync = false

    public init(touchProtocol: TouchProtocol, hasButtonTouch: Bool) {
        self.touchProtocol = touchProtocol
        self.hasButtonTouch = hasButtonTouch
        let count: Int
        if case .slots(let slotCount) = touchProtocol { count = max(slotCount, 1) } else { count = 0 }
        slots = Array(repeating: Slot(), count: count)
        committedSlots = slots
    }

    /// Seeds the tracker with the device's state at open: a finger already down is not a press.
    public mutating func start(currentSlot: Int, activeTrackingIDs: [Int32], buttonDown: Bool) {
        self.currentSlot = currentSlot
        for (index, id) in activeTrackingIDs.enumerated() where index < slots.count {
            slots[index].trackingID = id
        }
        committedSlots = slots
        buttonTouch = buttonDown
        waitingForAllUp = buttonDown || slots.contains(where: \.isActive)
    }

    /// SYN_DROPPED was read: the events that follow are libevdev's resync of the true state.
    public mutating func beginResync() {
        touchCut = finger != nil
        ignoringBeforeResync = waitingForAllUp
        finger = nil
        waitingForAllUp = true
        resyncing = true
        contactsInFrame = []
        pendingContact = (nil, nil)
    }

    /// The resync is complete: from here, wait until every finger it found down has lifted.
    /// (Protocol A without BTN_TOUCH has no state to ask: it waits for the next empty frame.) True when the overflow
    /// cost a touch: one in progress, or one that landed unseen and is still down. A touch that
    /// was already being waited out, or that overflows again, is not lost a second time.
    @discardableResult
    public mutating func endResync() -> Bool {
        resyncing = false
        switch touchProtocol {
        case .slots: waitingForAllUp = slots.contains(where: \.isActive) || (hasButtonTouch && buttonTouch)
        case .protocolA: waitingForAllUp = hasButtonTouch ? buttonTouch : true
        case .singleTouch: waitingForAllUp = buttonTouch
        }
        // Without BTN_TOUCH a protocol A panel has no state to ask: the next touch is waited out
        // (it may have begun in the overflow) and only a touch in progress is known to be lost.
        let stateKnown: Bool
        if case .protocolA = touchProtocol { stateKnown = hasButtonTouch } else { stateKnown = true }
        return touchCut || (stateKnown && waitingForAllUp && !ignoringBeforeResync)
    }

    public var isTouching: Bool { finger != nil }

    /// Feeds one event; returns a press when the last finger of a touch lifts.
    public mutating func handle(_ event: InputEvent) -> RawPress? {
        switch event.type {
        case EventCode.evAbs:
            handleAxis(event)
        case EventCode.evKey where event.code == EventCode.btnTouch:
            buttonTouch = event.value != 0
        case EventCode.evSyn where event.code == EventCode.synMTReport:
            if let x = pendingContact.x, let y = pendingContact.y { contactsInFrame.append((x, y)) }
            pendingContact = (nil, nil)
        case EventCode.evSyn where event.code == EventCode.synReport:
            return endFrame(at: event.time)
        default:
            break
        }
        return nil
    }

    private mutating func handleAxis(_ event: InputEvent) {
        switch (touchProtocol, event.code) {
        case (.slots, EventCode.absMTSlot):
            currentSlot = Int(event.value)
        case (.slots, EventCode.absMTTrackingID):
            if slots.indices.contains(currentSlot) { slots[currentSlot].trackingID = event.value }
        case (.slots, EventCode.absMTPositionX):
            if slots.indices.contains(currentSlot) { slots[currentSlot].x = event.value }
        case (.slots, EventCode.absMTPositionY):
            if slots.indices.contains(currentSlot) { slots[currentSlot].y = event.value }
        case (.protocolA, EventCode.absMTPositionX):
            pendingContact.x = event.value
        case (.protocolA, EventCode.absMTPositionY):
            pendingContact.y = event.value
        case (_, EventCode.absX):
            absX = event.value
        case (_, EventCode.absY):
            absY = event.value
        default:
            break
        }
    }

    private mutating func endFrame(at time: Double) -> RawPress? {
        defer {
            committedSlots = slots
            contactsInFrame = []
            pendingContact = (nil, nil)
        }
        if resyncing { return nil }
        let buttonReleased = hasButtonTouch && !buttonTouch
        switch touchProtocol {
        case .slots:
            let anyActive = slots.contains(where: \.isActive)
            if waitingForAllUp {
                if !anyActive || buttonReleased { waitingForAllUp = false }
                return nil
            }
            if finger != nil {
                return !anyActive || buttonReleased ? release(at: time) : nil
            }
            let landed = slots.indices.first { slots[$0].isActive && committedSlots[$0].trackingID != slots[$0].trackingID }
            if let landed, !buttonReleased {
                finger = Finger(x: slots[landed].x, y: slots[landed].y, downAt: time)
            }
            return nil
        case .protocolA:
            let contacts = contactsInFrame
            if waitingForAllUp {
                if contacts.isEmpty || buttonReleased { waitingForAllUp = false }
                return nil
            }
            if finger != nil {
                return contacts.isEmpty || buttonReleased ? release(at: time) : nil
            }
            if let first = contacts.first, !buttonReleased {
                finger = Finger(x: first.x, y: first.y, downAt: time)
            }
            return nil
        case .singleTouch:
            if waitingForAllUp {
                if !buttonTouch { waitingForAllUp = false }
                return nil
            }
            if finger != nil {
                return buttonTouch ? nil : release(at: time)
            }
            if buttonTouch {
                finger = Finger(x: absX, y: absY, downAt: time)
            }
            return nil
        }
    }

    private mutating func release(at time: Double) -> RawPress? {
        guard let down = finger else { return nil }
        finger = nil
        return RawPress(x: down.x, y: down.y, durationSeconds: max(0, time - down.downAt))
    }
}
