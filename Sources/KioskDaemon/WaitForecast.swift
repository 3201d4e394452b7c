/// What a ticket's printout says about the wait: the tickets before it in its queue, and the
/// minutes until it is called (nil when nobody is ahead or no counter serving it is open).
struct WaitForecast: Sendable, Equatable {
    var ahead: Int
    var minutes: Int?
}
