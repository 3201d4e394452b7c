/// Why speech mode ended.
public enum SpeechEnd: Sendable, Equatable {
    case byUser
    case timedOut
}
