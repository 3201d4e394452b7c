/// What a ticket says about the wait, forecast when it is issued: the tickets before it in its
/// queue (priority first, then by issue time) and the minutes until it is called. Stored with the
/// ticket, so the `ticket-issued` event, the printout and any reprint say the same.
public struct WaitForecast: Sendable, Equatable {
    public var ahead: Int
    /// Nil when nobody is ahead or no open counter calls the ticket's service.
    public var minutes: Int?

    public init(ahead: Int, minutes: Int?) {
        self.ahead = ahead
        self.minutes = minutes
    }

    /// The forecast for `ticket` on `floor`, which holds it, with the day's service times so far.
    public init(for ticket: QueueTicket, on floor: QueueFloor, estimator: WaitEstimator) {
        let ahead = floor.waiting(for: ticket.waitingFor).filter { QueueTicket.goesBefore($0, ticket) }.count
        let estimate = ahead > 0 ? estimator.minutes(ahead: ahead, service: ticket.waitingFor, on: floor) : nil
        self.init(ahead: ahead, minutes: estimate.map { Int($0.rounded(.up)) })
    }
}
