/// Speech mode of one terminal (`[[speech]]` in the office file): how a person who cannot see
/// starts it, the keypad they use, and where and how it speaks.
public struct SpeechConfig: Sendable, Equatable {
    /// The `[[terminals]]` id, rating or ticket.
    public var terminal: String
    /// Where the terminal is, said when speech mode starts ("bên phải cửa ra vào").
    public var place: String?
    /// The tactile 12-key keypad; nil: the terminal's own keypad in `[[devices]]`, read with `PhoneKeypad.defaultKeys`.
    public var keypad: PhoneKeypad?
    public var output: AudioOutput
    /// The ALSA playback device (`aplay -D`).
    public var device: String
    public var startKey: SpeechStartKey
    /// A press held at least this long is a long press.
    public var longPressSeconds: Double
    /// After this long without a key or speech, speech mode ends and the terminal is back to normal.
    public var silenceTimeoutSeconds: Double
    /// Levels 1–10 that every speech session starts at.
    public var volume: Int
    public var rate: Int
    /// A directory of recorded clips, `<clipName>.wav` per phrase (`SpeechPhrase.clipName`);
    /// relative to the office file's directory. Phrases without a clip are synthesized.
    public var clipsDirectory: String?

    /// The volume and rate levels.
    public static let levels = 1...10

    public init(
        terminal: String, place: String? = nil, keypad: PhoneKeypad? = nil, output: AudioOutput = .speaker, device: String = "default",
        startKey: SpeechStartKey = .longPress(.five), longPressSeconds: Double = 1, silenceTimeoutSeconds: Double = 30,
        volume: Int = 6, rate: Int = 3, clipsDirectory: String? = nil
    ) {
        self.terminal = terminal
        self.place = place
        self.keypad = keypad
        self.output = output
        self.device = device
        self.startKey = startKey
        self.longPressSeconds = longPressSeconds
        self.silenceTimeoutSeconds = silenceTimeoutSeconds
        self.volume = volume
        self.rate = rate
        self.clipsDirectory = clipsDirectory
    }
}
