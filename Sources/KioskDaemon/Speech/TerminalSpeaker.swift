import Foundation
import Glibc
import KioskCore
import Logging
import Synchronization

/// One terminal's audio output in speech mode: its own serial queue plays the phrases of the
/// latest `say`, each a recorded clip or espeak-ng's Vietnamese voice, through aplay on the
/// terminal's ALSA device. espeak-ng's words go to aplay as they are synthesized (`--stdout`),
/// not through a WAV file: in `kiosk-bench speech` the first sample of a 300-character menu came
/// after 10 ms instead of 26 (debug build). Every `say` and `stop` kills the children that are
/// playing at once and makes the phrases still queued stale.
final class TerminalSpeaker: Sendable {
    let terminal: String
    private let device: String
    private let clipsDirectory: String?
    /// Where a clip at a volume below 10 is written, scaled, before aplay plays it.
    private let clipPath: String
    private let program: AudioProgram
    private let logger: Logger
    private let queue: DispatchQueue
    private let playing = Mutex(Playing())

    private struct Playing {
        /// Raised by every `say` and `stop`: phrases of an earlier one are not played.
        var generation = 0
        var children: [pid_t] = []
    }

    init(config: SpeechConfig, baseDirectory: String, stateDirectory: String, program: AudioProgram, logger: Logger) {
        terminal = config.terminal
        device = config.device
        clipsDirectory = config.clipsDirectory.map { ($0 as NSString).isAbsolutePath ? $0 : (baseDirectory as NSString).appendingPathComponent($0) }
        let safeName = String(config.terminal.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        clipPath = (stateDirectory as NSString).appendingPathComponent("speech-\(safeName)-clip.wav")
        self.program = program
        self.logger = logger
        queue = DispatchQueue(label: "kioskd.speech.\(safeName)")
    }

    /// Interrupts, then queues the phrases; returns at once.
    func say(
        _ phrases: [SpeechPhrase], volume: Int, rate: Int, finished: @escaping @Sendable () -> Void,
        failed: @escaping @Sendable (String) -> Void
    ) {
        let generation = interrupt()
        queue.async { [self] in
            for phrase in phrases {
                guard isCurrent(generation) else { return }
                if let problem = play(phrase, volume: volume, rate: rate, generation: generation) {
                    // A child killed by a newer `say` or a `stop` is not a failure.
                    guard isCurrent(generation) else { return }
                    // Never the phrase's words: with headphones they name the choice being made.
                    logger.warning("speech: \(terminal): \(phrase.clipName.map { "the phrase \"\($0)\"" } ?? "a synthesized phrase") not spoken: \(problem)")
                    failed(problem)
                    return
                }
            }
            if isCurrent(generation) { finished() }
        }
    }

    /// Interrupts; returns at once.
    func stop() {
        _ = interrupt()
    }

    /// Whether a child (espeak-ng or aplay) is running for this terminal.
    var isPlaying: Bool {
        playing.withLock { !$0.children.isEmpty }
    }

    private func interrupt() -> Int {
        playing.withLock { playing in
            playing.generation += 1
            for child in playing.children { kill(child, SIGKILL) }
            return playing.generation
        }
    }

    private func isCurrent(_ generation: Int) -> Bool {
        playing.withLock { $0.generation == generation }
    }

    private func play(_ phrase: SpeechPhrase, volume: Int, rate: Int, generation: Int) -> String? {
        if let clip = clip(for: phrase, volume: volume) {
            return run([[AudioProgram.aplay, "-q", "-D", device, clip]], generation: generation)
        }
        let synthesis = [
            AudioProgram.espeak, "-v", "vi", "-s", String(SpeechLevels.wordsPerMinute(rate: rate)),
            "-a", String(SpeechLevels.amplitude(volume: volume)), "--stdout", phrase.text,
        ]
        return run([synthesis, [AudioProgram.aplay, "-q", "-D", device]], generation: generation)
    }

    /// The office's recording of the phrase, scaled to the volume; nil: synthesize it.
    private func clip(for phrase: SpeechPhrase, volume: Int) -> String? {
        guard let clipsDirectory, let name = phrase.clipName else { return nil }
        let path = (clipsDirectory as NSString).appendingPathComponent("\(name).wav")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let gain = SpeechLevels.gain(volume: volume)
        guard gain < 1 else { return path }
        guard let recorded = FileManager.default.contents(atPath: path) else { return nil }
        guard let scaled = ClipGain.scaled(recorded, gain: gain) else {
            logger.warning("speech: \(terminal): \(path) is not 16-bit PCM WAV; played as recorded, whatever the volume")
            return path
        }
        do {
            try scaled.write(to: URL(fileURLWithPath: clipPath))
        } catch {
            logger.warning("speech: \(terminal): cannot write \(clipPath): \(error); \(path) played as recorded")
            return path
        }
        return clipPath
    }

    /// Runs programs as this generation's children: killed at once if a `say` or `stop` came
    /// while they were starting.
    private func run(_ pipeline: [[String]], generation: Int) -> String? {
        defer { playing.withLock { $0.children = [] } }
        return program.run(pipeline: pipeline, device: device) { pids in
            playing.withLock { playing in
                if playing.generation == generation {
                    playing.children = pids
                } else {
                    for pid in pids { kill(pid, SIGKILL) }
                }
            }
        }
    }
}
