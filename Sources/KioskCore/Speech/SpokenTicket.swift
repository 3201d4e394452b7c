/// A ticket just committed, as speech mode says it: the daemon hands it back after the commit,
/// since the number and the people ahead are only known then.
public struct SpokenTicket: Sendable, Equatable {
    public var number: String
    /// The service's name.
    public var service: String
    public var counters: [Int]
    public var ahead: Int
    /// Whether the ticket came out of the printer; when not, the number is kept all the same and
    /// speech says so instead of sending the person to the slot.
    public var printed: Bool

    public init(number: String, service: String, counters: [Int], ahead: Int, printed: Bool = true) {
        self.number = number
        self.service = service
        self.counters = counters
        self.ahead = ahead
        self.printed = printed
    }
}
