/// Spoken calls in the hall (`[voice]`): a chime, then "Mời số A012 đến quầy 3" in espeak-ng's
/// Vietnamese voice, played on an ALSA device. Without the table the office is silent.
public struct VoiceConfig: Sendable, Equatable {
    /// The ALSA playback device (`aplay -D`), "default" for the system's.
    public var device: String
    /// The espeak-ng voice.
    public var voice: String
    public var wordsPerMinute: Int

    public init(device: String = "default", voice: String = "vi", wordsPerMinute: Int = 140) {
        self.device = device
        self.voice = voice
        self.wordsPerMinute = wordsPerMinute
    }
}
