/// The entrance terminal where citizens take queue tickets: each touch zone (or keypad key) is a
/// service, optionally with a priority class, and every ticket goes to one printer.
public struct TicketTerminalConfig: Sendable, Equatable {
    public var id: String
    /// The `[[printers]]` id the tickets are printed on.
    public var printer: String
    public var pressLimits: PressLimits
    /// After a ticket, presses for this long are ignored: a double tap must not take two numbers.
    public var lockoutSeconds: Double
    public var screen: ScreenSize?
    public var zones: [TicketZone]

    public init(
        id: String, printer: String, pressLimits: PressLimits, lockoutSeconds: Double, screen: ScreenSize?,
        zones: [TicketZone]
    ) {
        self.id = id
        self.printer = printer
        self.pressLimits = pressLimits
        self.lockoutSeconds = lockoutSeconds
        self.screen = screen
        self.zones = zones
    }

    /// The zones as `Zone`s whose choice is the 1-based index of the ticket zone, so the rating
    /// terminals' press verdict (length limits, half-open rectangles) decides ticket taps too.
    public var indexedZones: [Zone] {
        zones.enumerated().map { Zone(choice: $0.offset + 1, rect: $0.element.rect) }
    }
}

/// What a ticket zone or key issues: a ticket of a service, with a priority class or none.
public struct TicketChoice: Sendable, Equatable, Hashable {
    public var service: String
    /// The priority class printed on the ticket ("Người cao tuổi, người khuyết tật, phụ nữ mang thai"); nil for none.
    public var priority: String?

    public init(service: String, priority: String? = nil) {
        self.service = service
        self.priority = priority
    }
}

public struct TicketZone: Sendable, Equatable {
    public var choice: TicketChoice
    public var rect: Rect

    public init(choice: TicketChoice, rect: Rect) {
        self.choice = choice
        self.rect = rect
    }
}
