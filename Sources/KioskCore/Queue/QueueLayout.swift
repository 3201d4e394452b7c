/// The office's counters and services as the queue sees them (from the office file): what a
/// day's `QueueFloor` is built on, and the service time assumed before any ticket was served.
public struct QueueLayout: Sendable, Equatable {
    public var counters: [QueueFloor.Counter]
    public var services: Set<String>
    public var maximumCalls: Int
    /// Minutes per ticket for a service nobody has been served in yet today.
    public var fallbackMinutes: Double

    public init(counters: [QueueFloor.Counter], services: Set<String>, maximumCalls: Int, fallbackMinutes: Double) {
        self.counters = counters
        self.services = services
        self.maximumCalls = maximumCalls
        self.fallbackMinutes = fallbackMinutes
    }
}

extension OfficeConfig {
    public var queueLayout: QueueLayout {
        QueueLayout(
            counters: counters.map { QueueFloor.Counter(id: $0.id, services: $0.services) }, services: Set(services.map(\.id)),
            maximumCalls: ticketing.maximumCalls, fallbackMinutes: ticketing.minutesPerTicket)
    }
}
