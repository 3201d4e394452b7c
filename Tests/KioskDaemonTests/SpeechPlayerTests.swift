import Foundation
@testable import KioskDaemon
import KioskCore
import KioskTestSupport
import Logging
import Synchronization
import Testing

/// Speech mode's audio output through the real espeak-ng and aplay. The terminal's audio device is
/// `SpeechAudio`'s: an ALSA `file` device (in the children's HOME `.asoundrc`) that takes the
/// samples in real time, as a sound card does (22,050 Hz, 16-bit mono, as espeak-ng makes them),
/// appends them to `speech.raw`, and stops at once when aplay is killed.
@Suite(.serialized, .enabled(if: SpeechAudio.isAvailable, "espeak-ng, aplay or python3 is not installed"))
struct SpeechPlayerTests {
    static let bytesPerSecond = SpeechAudio.bytesPerSecond

    /// A player for terminal "may-so" on `device`, the sound file its `speechfile` device fills, and the clips directory.
    final class Rig {
        let player: SpeechPlayer
        let sound: URL
        let clips: URL
        let directory: URL

        init(_ name: String, device: String = SpeechAudio.device, logger: Logger = Logger(label: "test")) throws {
            directory = try RepositoryPaths.temporaryDirectory("speech-\(name)")
            let state = directory.appendingPathComponent("state")
            clips = directory.appendingPathComponent("clips")
            for folder in [state, clips] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            let audio = try SpeechAudio(directory: directory.appendingPathComponent("audio"))
            sound = audio.directory.appendingPathComponent("speech.raw")
            let environment = ProcessInfo.processInfo.environment.merging(audio.environment) { _, audio in audio }
            let config = SpeechConfig(terminal: "may-so", device: device, clipsDirectory: "clips")
            player = SpeechPlayer(
                configs: [config], baseDirectory: directory.path, stateDirectory: state.path, logger: logger, environment: environment)
        }

        deinit {
            try? FileManager.default.removeItem(at: directory)
        }

        var size: Int { (try? FileManager.default.attributesOfItem(atPath: sound.path)[.size] as? Int) ?? 0 }
        var samples: Data { (try? Data(contentsOf: sound)) ?? Data() }

        func say(_ phrases: [SpeechPhrase], volume: Int = 10, _ outcome: Outcome) {
            player.say(
                phrases, terminal: "may-so", volume: volume, rate: 3, finished: { outcome.record("finished") }, failed: { outcome.record("failed: \($0)") })
        }

        /// A recorded clip: `seconds` of a tone at 22,050 Hz, 16-bit mono, no sample of it zero; its samples.
        func record(_ name: String, seconds: Double) throws -> Data {
            let samples = (0..<Int(22_050 * seconds)).map { Int16(10_000 + 8_000 * sin(Double($0) * 2 * .pi * 440 / 22_050)) }
            let pcm = MonoWAV.bytes(samples)
            try Data(MonoWAV.file(samples: pcm, sampleRate: 22_050)).write(to: clips.appendingPathComponent("\(name).wav"))
            return Data(pcm)
        }
    }

    /// What a `say` came to: "finished" or "failed: <reason>".
    final class Outcome: Sendable {
        private let calls = Mutex<[String]>([])
        func record(_ call: String) { calls.withLock { $0.append(call) } }
        var all: [String] { calls.withLock { $0 } }
    }

    /// Whether `heard` is the clip, then only the silence aplay pads its last period with.
    static func isClip(_ heard: Data, _ clip: Data) -> Bool {
        heard.count >= clip.count && heard.prefix(clip.count) == clip && heard.dropFirst(clip.count).allSatisfy { $0 == 0 }
    }

    /// Where the clip starts in `heard`, when `heard` ends with it (and aplay's silence).
    static func clipStart(in heard: Data, _ clip: Data) -> Int? {
        let sound = heard.prefix(through: heard.lastIndex { $0 != 0 } ?? -1)
        guard sound.count >= clip.count, sound.suffix(clip.count) == clip else { return nil }
        return sound.count - clip.count
    }

    static let longPhrase = SpeechPhrase.entranceMenu(
        place: "bên phải cửa ra vào", services: ["Tư pháp – Hộ tịch", "Đất đai", "Xây dựng", "Kinh doanh", "Lao động – Thương binh và Xã hội"],
        priorityChoices: ["người cao tuổi", "người khuyết tật", "phụ nữ mang thai"])

    @Test func phrasesAreSynthesizedAndReachTheDeviceAsSamples() async throws {
        let rig = try Rig("synthesized")
        let outcome = Outcome()
        rig.say([.volume(4), .answerRecorded], outcome)
        try await awaitCondition("both phrases to be played", timeout: 20) { !outcome.all.isEmpty }
        #expect(outcome.all == ["finished"])
        // Two short sentences: more than a second of sound, and not silence.
        #expect(rig.size > Self.bytesPerSecond)
        #expect(rig.samples.contains { $0 != 0 })
        #expect(!rig.player.isPlaying(terminal: "may-so"))
    }

    @Test func aSecondSayInterruptsTheFirst() async throws {
        let rig = try Rig("interrupted")
        let clip = try rig.record("answer-recorded", seconds: 0.3)
        let first = Outcome(), second = Outcome()
        rig.say([Self.longPhrase, .ratingFinished], first)
        try await awaitCondition("the first phrase to be heard", timeout: 20) { rig.size > 0 }
        let heardBeforeTheSecond = rig.size
        rig.say([.answerRecorded], second)
        try await awaitCondition("the second say to be played", timeout: 20) { !second.all.isEmpty }
        #expect(second.all == ["finished"])
        // One queue plays a terminal's phrases: the first say's turn is over, without an end.
        #expect(first.all.isEmpty)
        let start = try #require(Self.clipStart(in: rig.samples, clip), "the clip follows what was heard of the first, nothing of the first after it")
        // Measured in sound, not in time: how long the test took to get here on a busy machine does not count.
        #expect(start - heardBeforeTheSecond < Self.bytesPerSecond, "less than a second of the first after the second say")
    }

    @Test func stopSilencesAtOnce() async throws {
        let rig = try Rig("stopped")
        let clip = try rig.record("rating-finished", seconds: 0.2)
        let outcome = Outcome()
        rig.say([Self.longPhrase], outcome)
        try await awaitCondition("the phrase to be heard", timeout: 20) { rig.size > 0 }
        let heardBeforeTheStop = rig.size
        rig.player.stop(terminal: "may-so")
        try await awaitCondition("aplay to be gone", timeout: 20) { !rig.player.isPlaying(terminal: "may-so") }
        let after = Outcome()
        rig.say([.ratingFinished], after)
        try await awaitCondition("the clip after the stop to be played", timeout: 20) { !after.all.isEmpty }
        #expect(after.all == ["finished"])
        #expect(outcome.all.isEmpty, "a stopped say neither finishes nor fails")
        let start = try #require(Self.clipStart(in: rig.samples, clip), "nothing of the stopped phrase after the clip that followed the stop")
        // Measured in sound, not in time: how long the test took to get here on a busy machine does not count.
        #expect(start - heardBeforeTheStop < Self.bytesPerSecond, "less than a second of the stopped phrase after the stop")
    }

    @Test func aRecordedClipIsPlayedInsteadOfSynthesis() async throws {
        let rig = try Rig("clip")
        let clip = try rig.record("ticket-printing", seconds: 0.5)
        let outcome = Outcome()
        rig.say([.ticketPrinting], outcome)
        try await awaitCondition("the clip to be played", timeout: 20) { !outcome.all.isEmpty }
        #expect(outcome.all == ["finished"])
        #expect(Self.isClip(rig.samples, clip), "at volume 10 the clip's exact samples")
        let played = rig.size

        // Below 10 the clip is scaled by the volume's gain: at 6, −10 dB.
        let quieter = Outcome()
        rig.say([.ticketPrinting], volume: 6, quieter)
        try await awaitCondition("the quieter clip to be played", timeout: 20) { !quieter.all.isEmpty }
        let heard = rig.samples.dropFirst(played)
        let scaled = heard.prefix(clip.count)
        #expect(heard.dropFirst(clip.count).allSatisfy { $0 == 0 } && heard.count >= clip.count)
        let peak = { (data: Data) in
            stride(from: data.startIndex, to: data.endIndex - 1, by: 2).map { abs(Int(Int16(bitPattern: UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8))) }.max() ?? 0
        }
        #expect(abs(Double(peak(scaled)) / Double(peak(clip)) - 0.316) < 0.01)
    }

    @Test func aMissingAudioDeviceFailsWithTheReason() async throws {
        let rig = try Rig("missing", device: "no-such-card")
        let outcome = Outcome()
        rig.say([.answerRecorded, .ratingFinished], outcome)
        try await awaitCondition("the failure", timeout: 20) { !outcome.all.isEmpty }
        #expect(outcome.all.count == 1)
        #expect(outcome.all.first?.hasPrefix("failed: aplay exited") == true)
        #expect(outcome.all.first?.contains("no-such-card") == true)
        #expect(rig.size == 0)
    }

    /// With headphones a phrase names the choice being made: a phrase that cannot be spoken is
    /// logged by its kind, never by its words, and the reason (sent as `speech-failed`) has none.
    @Test func aPhraseNamingAChoiceIsNotWrittenDownWhenItCannotBeSpoken() async throws {
        let log = RecordedLog()
        let rig = try Rig("choice-not-logged", device: "no-such-card", logger: log.logger)
        let outcome = Outcome()
        rig.say([.choiceRepeated("Rất hài lòng")], outcome)
        try await awaitCondition("the failure", timeout: 20) { !outcome.all.isEmpty }
        let failure = try #require(log.all.first { $0.contains("not spoken") })
        #expect(failure.contains("may-so") && failure.contains("no-such-card"), "\(failure)")
        for written in log.all + outcome.all {
            #expect(!written.contains("hài lòng") && !written.contains("Bạn chọn"), "\(written)")
        }
    }

    @Test func anUnknownTerminalFailsAtOnce() {
        let player = SpeechPlayer(configs: [], baseDirectory: "/", stateDirectory: "/nonexistent", logger: Logger(label: "test"))
        let outcome = Outcome()
        player.say([.answerRecorded], terminal: "khong-co", volume: 5, rate: 5, finished: { outcome.record("finished") }, failed: { outcome.record("failed: \($0)") })
        #expect(outcome.all == ["failed: terminal khong-co has no [[speech]]"])
    }

    @Test func levelsMapToAmplitudeAndWordsPerMinute() {
        #expect((1...10).map { SpeechLevels.amplitude(volume: $0) } == [7, 10, 13, 18, 24, 32, 42, 56, 75, 100])
        #expect((1...10).map { SpeechLevels.wordsPerMinute(rate: $0) } == [125, 150, 175, 200, 225, 250, 275, 300, 325, 350])
        #expect(SpeechLevels.gain(volume: 10) == 1)
    }
}
