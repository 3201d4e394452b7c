/// What changed on the floor, in order, for the hall display, the voice and the rating screen.
public enum QueueEvent: Sendable, Equatable {
    case called(QueueTicket.ID, TicketNumber, counter: String, calls: Int)
    case serving(QueueTicket.ID, counter: String)
    /// Served; `minutes` is how long service took (from "start serving", or from the call).
    case served(QueueTicket.ID, counter: String, service: String, minutes: Double)
    case noShow(QueueTicket.ID, counter: String)
    case transferred(QueueTicket.ID, toService: String, toCounter: String?)
    /// One rating is armed on the counter's rating terminal; which ticket it was is not said.
    case ratingArmed(counter: String)
    case paused(counter: String)
    case resumed(counter: String)
}
