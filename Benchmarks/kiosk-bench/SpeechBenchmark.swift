import ArgumentParser
import Foundation
import KioskCore
import KioskDaemon
import KioskTestSupport
import Logging
import Synchronization

/// Speech mode's `SpeechPlayer.say` → the first audio sample written to the terminal's ALSA device
/// (a `file` device in a private HOME's `.asoundrc`, taking the samples as fast as aplay writes
/// them), for the phrases speech mode says most, from the longest menu to a short confirmation.
/// Issue 19's target is key press → first sample, p99 ≤ 300 ms; this times the part after the key.
struct SpeechBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speech", abstract: "Speech mode: say → first audio sample at the ALSA device (espeak-ng, aplay).")

    @Option(help: "Phrases to time (after the warm-up).") var phrases = 100
    @Option(help: "Warm-up phrases, not timed.") var warmup = 5

    static let spoken: [SpeechPhrase] = [
        .entranceMenu(
            place: "bên phải cửa ra vào", services: ["Tư pháp – Hộ tịch", "Đất đai", "Xây dựng", "Kinh doanh"],
            priorityChoices: ["người cao tuổi", "người khuyết tật"]),
        .ticketIssued(number: "A012", service: "Tư pháp – Hộ tịch", counters: [1, 2], ahead: 3),
        .ratingQuestion(text: "Bạn có hài lòng với cách phục vụ của cán bộ không?", choices: ["Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Không hài lòng"]),
        .answerRecorded,
        .volume(7),
        .keyNotInMenu(.nine),
    ]

    func run() throws {
        let base = try RepositoryPaths.temporaryDirectory("kiosk-bench-speech")
        defer { try? FileManager.default.removeItem(at: base) }
        let home = base.appendingPathComponent("home"), state = base.appendingPathComponent("state")
        for folder in [home, state] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let sound = base.appendingPathComponent("speech.raw")
        try """
            pcm.benchfile {
                type file
                slave.pcm "null"
                file "\(sound.path)"
                format "raw"
            }
            """.write(to: home.appendingPathComponent(".asoundrc"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        let player = SpeechPlayer(
            configs: [SpeechConfig(terminal: "bench", device: "benchfile")], baseDirectory: base.path, stateDirectory: state.path,
            logger: Logger(label: "kiosk-bench"), environment: environment)

        print("kiosk-bench speech: \(phrases) phrases after \(warmup) warm-up, \(Self.spoken.count) kinds in turn, volume 6, rate 3")
        var latencies: [Double] = []
        var byKind = [[Double]](repeating: [], count: Self.spoken.count)
        for index in 0..<(warmup + phrases) {
            try? FileManager.default.removeItem(at: sound)
            let outcome = Mutex<String?>(nil)
            let kind = index % Self.spoken.count
            let start = DispatchTime.now().uptimeNanoseconds
            player.say(
                [Self.spoken[kind]], terminal: "bench", volume: 6, rate: 3, finished: { outcome.withLock { $0 = "finished" } },
                failed: { reason in outcome.withLock { $0 = reason } })
            var first: UInt64?
            while first == nil {
                if ((try? FileManager.default.attributesOfItem(atPath: sound.path)[.size] as? Int) ?? 0) > 0 {
                    first = DispatchTime.now().uptimeNanoseconds
                } else if let ended = outcome.withLock({ $0 }), ended != "finished" {
                    throw ValidationError("not spoken: \(ended)")
                } else {
                    usleep(100)
                }
            }
            try awaitCondition("the phrase to be played") { outcome.withLock { $0 } != nil }
            if index >= warmup, let first {
                let milliseconds = Double(first - start) / 1_000_000
                latencies.append(milliseconds)
                byKind[kind].append(milliseconds)
            }
        }
        let summary = Summary(latencies)
        print(String(format: "say → first sample at the ALSA device (ms): p50 %.2f  p99 %.2f  max %.2f  mean %.2f", summary.p50, summary.p99, summary.max, summary.mean))
        for (kind, samples) in byKind.enumerated() {
            let text = Self.spoken[kind].text
            let kindSummary = Summary(samples)
            print(String(format: "  %3d characters, %@ (ms): p50 %.2f  max %.2f", text.count, String(text.prefix(30)) + "…", kindSummary.p50, kindSummary.max))
        }
        print("issue 19's budget for key → first sample, p99 ≤ 300 ms; this part: \(summary.p99 <= 300 ? "within it" : "OVER it")")
    }
}
