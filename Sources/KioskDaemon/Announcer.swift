import Foundation
import KioskCore
import KioskProtocol
import Logging

/// Speaks each call in the hall, one at a time and in order (never overlapping): the words are
/// synthesized by espeak-ng's Vietnamese voice into a WAV file, then the chime and the words are
/// played with aplay on the configured ALSA device. A missing program or audio device is a warning in the journal and an event; calling
/// tickets goes on.
final class Announcer: Sendable {
    private let queue = DispatchQueue(label: "kioskd.voice")
    private let voice: VoiceConfig
    private let chimePath: String
    /// Where each call's words are synthesized before they are played (one at a time).
    private let speechPath: String
    private let logger: Logger
    private let publish: @Sendable ([DaemonEvent]) -> Void
    static let espeak = AudioProgram.espeak
    static let aplay = AudioProgram.aplay

    init(voice: VoiceConfig, stateDirectory: String, logger: Logger, publish: @escaping @Sendable ([DaemonEvent]) -> Void) {
        self.voice = voice
        self.logger = logger
        self.publish = publish
        chimePath = (stateDirectory as NSString).appendingPathComponent("chime.wav")
        speechPath = (stateDirectory as NSString).appendingPathComponent("call.wav")
        do {
            try Data(CallAnnouncement.chime()).write(to: URL(fileURLWithPath: chimePath))
        } catch {
            logger.warning("voice: cannot write the chime to \(chimePath): \(error)")
        }
        for program in [Self.espeak, Self.aplay] where !FileManager.default.isExecutableFile(atPath: program) {
            logger.warning("voice: \(program) is not installed (packages espeak-ng, alsa-utils); calls are shown but not spoken")
        }
    }

    /// Queues the call's announcement; returns at once.
    func announce(number: String, counterNumber: Int) {
        queue.async { [self] in
            let text = CallAnnouncement.text(number: number, counterNumber: counterNumber)
            var problem = run([Self.espeak, "-v", voice.voice, "-s", String(voice.wordsPerMinute), "-w", speechPath, text])
            if problem == nil {
                // The sound starts now: the chime, then the words.
                publish([.announcementStarted(number: number, counterNumber: counterNumber)])
                problem = run([Self.aplay, "-q", "-D", voice.device, chimePath]) ?? run([Self.aplay, "-q", "-D", voice.device, speechPath])
            }
            if let problem {
                logger.warning("voice: \(number) to counter \(counterNumber) not spoken: \(problem)")
                publish([.announcementFailed(number: number, reason: problem)])
            }
        }
    }

    private func run(_ command: [String]) -> String? {
        AudioProgram().run(command, device: voice.device)
    }
}
