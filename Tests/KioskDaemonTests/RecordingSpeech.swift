import KioskCore
@testable import KioskDaemon
import Synchronization

/// Speech mode's output for the in-process tests: what each `say` asked for, at which levels;
/// a say plays to its end only when the test says so (`finish`).
final class RecordingSpeech: SpeechOutput {
    struct Say: Equatable {
        var terminal: String
        var phrases: [SpeechPhrase]
        var volume: Int
        var rate: Int
    }

    private let state = Mutex<(says: [Say], stops: Int, finish: [@Sendable () -> Void])>(([], 0, []))

    var says: [Say] { state.withLock { $0.says } }
    var stops: Int { state.withLock { $0.stops } }
    var lastPhrases: [SpeechPhrase] { says.last?.phrases ?? [] }

    func say(
        _ phrases: [SpeechPhrase], terminal: String, volume: Int, rate: Int, finished: @escaping @Sendable () -> Void,
        failed: @escaping @Sendable (String) -> Void
    ) {
        state.withLock {
            $0.says.append(Say(terminal: terminal, phrases: phrases, volume: volume, rate: rate))
            $0.finish.append(finished)
        }
    }

    func stop(terminal: String) {
        state.withLock { $0.stops += 1 }
    }

    /// The last say played to its end.
    func finishLast() {
        state.withLock { $0.finish.last }?()
    }
}
