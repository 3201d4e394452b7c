import KioskCore

/// Where a terminal's speech mode speaks: its audio output (`SpeechPlayer`: espeak-ng and aplay on
/// the terminal's ALSA device), or a recorder in tests.
public protocol SpeechOutput: Sendable {
    /// Stops whatever the terminal is saying, then says `phrases` in order at `volume` and `rate`
    /// (levels 1–10). `finished` is called once the last phrase has played to its end; not when it
    /// was stopped. `failed` says why it could not be played (once), e.g. a missing audio device.
    func say(
        _ phrases: [SpeechPhrase], terminal: String, volume: Int, rate: Int,
        finished: @escaping @Sendable () -> Void, failed: @escaping @Sendable (String) -> Void)
    /// Stops whatever the terminal is saying, at once (any key interrupts speech).
    func stop(terminal: String)
}
