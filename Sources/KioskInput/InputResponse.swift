/// What the input thread does after the handler has dealt with an action.
public enum InputResponse: Sendable, Equatable {
    case nothing
    /// Blink the device's LED (a keypad's): the press it sent was committed.
    case acknowledge(source: Int)
}
