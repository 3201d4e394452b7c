import Foundation
import KioskCore
import Logging

/// Speech mode's audio output: a `TerminalSpeaker` per `[[speech]]` terminal, each on its own
/// queue, so that one terminal's speech never waits for another's. `SpeechDesk` drives it.
public final class SpeechPlayer: SpeechOutput {
    private let speakers: [String: TerminalSpeaker]
    private let logger: Logger

    /// `baseDirectory`: the office file's directory, against which relative clip directories are
    /// read. `environment`: the children's (nil: kioskd's own).
    public init(
        configs: [SpeechConfig], baseDirectory: String, stateDirectory: String, logger: Logger, environment: [String: String]? = nil
    ) {
        let program = AudioProgram(environment: environment)
        speakers = Dictionary(
            configs.map {
                ($0.terminal, TerminalSpeaker(config: $0, baseDirectory: baseDirectory, stateDirectory: stateDirectory, program: program, logger: logger))
            }, uniquingKeysWith: { first, _ in first })
        self.logger = logger
        if !configs.isEmpty {
            for program in [AudioProgram.espeak, AudioProgram.aplay] where !FileManager.default.isExecutableFile(atPath: program) {
                logger.warning("speech: \(program) is not installed (packages espeak-ng, alsa-utils); speech mode cannot speak")
            }
        }
    }

    public func say(
        _ phrases: [SpeechPhrase], terminal: String, volume: Int, rate: Int, finished: @escaping @Sendable () -> Void,
        failed: @escaping @Sendable (String) -> Void
    ) {
        guard let speaker = speakers[terminal] else {
            logger.warning("speech: terminal \(terminal) has no [[speech]]; nothing spoken")
            failed("terminal \(terminal) has no [[speech]]")
            return
        }
        speaker.say(phrases, volume: volume, rate: rate, finished: finished, failed: failed)
    }

    public func stop(terminal: String) {
        speakers[terminal]?.stop()
    }

    /// Whether espeak-ng or aplay is running for the terminal.
    func isPlaying(terminal: String) -> Bool {
        speakers[terminal]?.isPlaying ?? false
    }
}
