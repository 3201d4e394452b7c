/// Why speech mode ended.
public enum SpeechEnd: Sendable, Equatable {
    case byUser
    case timedOut
    /// What it said could not be played (no audio device, headphones unplugged): the keypad goes
    /// back to its terminal at once rather than staying silent until the time-out.
    case audioFailed

    /// Its name in `speech-ended`.
    public var name: String {
        switch self {
        case .byUser: "by-user"
        case .timedOut: "timed-out"
        case .audioFailed: "audio-failed"
        }
    }
}
