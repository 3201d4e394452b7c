/// An input device the daemon opens, found by path (globs allowed), and what it is for.
public struct DeviceConfig: Sendable, Equatable {
    public var path: String
    public var role: DeviceRole
    /// Take the device exclusively, so no other program (the screen's browser) sees its events.
    public var grab: Bool
    /// For touchscreens: how raw coordinates map to the screen.
    public var mapping: TouchMapping
    /// For keypads: what each key does. Keys not listed are ignored.
    public var keys: [UInt16: KeyBinding]
    /// For touchscreens (`accept_indirect`): read the device even when its driver describes a
    /// touchpad, for a panel whose driver reports finger tools without INPUT_PROP_DIRECT.
    public var acceptsIndirect: Bool

    public init(
        path: String, role: DeviceRole, grab: Bool, mapping: TouchMapping, keys: [UInt16: KeyBinding], acceptsIndirect: Bool = false
    ) {
        self.path = path
        self.role = role
        self.grab = grab
        self.mapping = mapping
        self.keys = keys
        self.acceptsIndirect = acceptsIndirect
    }

    /// The terminal whose votes this device produces, for rating devices.
    public var ratingTerminal: String? {
        switch role {
        case .ratingTouchscreen(let terminal), .ratingKeypad(let terminal): terminal
        case .staffKeypad, .ticketTouchscreen, .ticketKeypad: nil
        }
    }

    /// The terminal whose tickets this device issues, for ticket devices.
    public var ticketTerminal: String? {
        switch role {
        case .ticketTouchscreen(let terminal), .ticketKeypad(let terminal): terminal
        case .ratingTouchscreen, .ratingKeypad, .staffKeypad: nil
        }
    }

    /// The terminal this device belongs to (rating or ticket), nil for staff keypads.
    public var terminal: String? { ratingTerminal ?? ticketTerminal }
}

public enum DeviceRole: Sendable, Equatable {
    case ratingTouchscreen(terminal: String)
    case ratingKeypad(terminal: String)
    case staffKeypad(counter: String)
    case ticketTouchscreen(terminal: String)
    case ticketKeypad(terminal: String)

    public var name: String {
        switch self {
        case .ratingTouchscreen: "rating_touchscreen"
        case .ratingKeypad: "rating_keypad"
        case .staffKeypad: "staff_keypad"
        case .ticketTouchscreen: "ticket_touchscreen"
        case .ticketKeypad: "ticket_keypad"
        }
    }

    public var isTouchscreen: Bool {
        switch self {
        case .ratingTouchscreen, .ticketTouchscreen: true
        case .ratingKeypad, .staffKeypad, .ticketKeypad: false
        }
    }
}

public enum KeyBinding: Sendable, Equatable {
    /// A rating key: selects choice slot N (1-based) of the current question.
    case choice(Int)
    /// A staff key.
    case staff(StaffAction)
    /// A ticket key: issues a ticket of a service.
    case ticket(TicketChoice)
}

public enum StaffAction: Sendable, Equatable {
    /// Allow one rating on the counter's rating terminal, for the terminal's arm window.
    case arm
    /// A queue key of the counter: call next, recall, no-show, start serving, done (which also
    /// arms a rating), transfer, pause, resume.
    case queue(QueueCommand)

    /// The plain names in the office file; transfers are written `transfer:SERVICE` and
    /// `transfer_to_counter:COUNTER`.
    public static let names: KeyValuePairs<String, StaffAction> = [
        "arm": .arm, "call_next": .queue(.callNext), "recall": .queue(.recall), "no_show": .queue(.noShow),
        "start": .queue(.startServing), "done": .queue(.done), "pause": .queue(.pause), "resume": .queue(.resume),
    ]

    /// Whether the key arms a rating: `arm` itself, and `done`.
    public var armsRating: Bool {
        self == .arm || self == .queue(.done)
    }
}
