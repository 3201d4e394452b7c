/// What a counter's staff keypad asks of the queue (the keys are bound in the office file).
public enum QueueCommand: Sendable, Equatable {
    case callNext
    case recall
    case noShow
    case startServing
    case done
    /// Back into the queue of another service (keeping its place by issue time).
    case transferToService(String)
    /// Back into the queue for one counter only.
    case transferToCounter(String)
    case pause
    case resume
}
