/// How long a new ticket would wait: the tickets ahead of it, shared among the open counters that
/// call its service, times the mean of that service's recent service times (the office file's
/// `minutes_per_ticket` until some are measured).
public struct WaitEstimator: Sendable, Equatable {
    public let fallbackMinutes: Double
    /// How many recent service times per service the mean is taken over.
    public let window: Int
    private var recent: [String: [Double]] = [:]

    public init(fallbackMinutes: Double, window: Int = 20) {
        self.fallbackMinutes = fallbackMinutes
        self.window = max(1, window)
    }

    public mutating func record(service: String, minutes: Double) {
        var times = recent[service] ?? []
        times.append(minutes)
        if times.count > window { times.removeFirst(times.count - window) }
        recent[service] = times
    }

    public func meanServiceMinutes(_ service: String) -> Double {
        guard let times = recent[service], !times.isEmpty else { return fallbackMinutes }
        return times.reduce(0, +) / Double(times.count)
    }

    /// Minutes a ticket of `service` issued now would wait; nil when no open counter calls the service.
    public func estimate(service: String, on floor: QueueFloor) -> Double? {
        minutes(ahead: floor.waiting(for: service).count, service: service, on: floor)
    }

    /// Minutes until a ticket with `ahead` tickets before it in `service`'s queue is called; nil
    /// when no open counter calls the service.
    public func minutes(ahead: Int, service: String, on floor: QueueFloor) -> Double? {
        let open = floor.counters.values.filter { !$0.paused && $0.services.contains(service) }.count
        guard open > 0 else { return nil }
        return Double(ahead) / Double(open) * meanServiceMinutes(service)
    }
}
