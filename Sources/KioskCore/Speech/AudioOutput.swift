/// Who hears the terminal: everyone nearby (a speaker) or only the person at it (headphones).
/// On a speaker nothing spoken may name a rating's choice.
public enum AudioOutput: String, Sendable, Equatable {
    case speaker
    case headphones
}
