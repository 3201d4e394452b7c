import Foundation
import KioskCore
import KioskTestSupport

/// The demo's speech session: a citizen who cannot see holds 5 on the entrance's tactile keypad,
/// hears the services, presses 2 and hears the number of the ticket that was printed. The sound
/// reached an ALSA device that records it (`SpeechAudio`); it is kept as a WAV file to listen to.
enum DemoSpeech {
    static let keypad = "speech-keypad-loi-vao"

    static func run(evdev: FakeEvdev, audio: SpeechAudio, printer: EventPrinter, folder: URL) throws {
        var heard = 0
        func waitUntilSaid(_ what: String) throws {
            try awaitCondition("\(what) to be said to its end", timeout: 120) {
                audio.lastSamples.count > heard && audio.lastSamples.count == audio.firstSamples.count
            }
            for text in audio.spoken.dropFirst(heard) { print("   🔊 \(text)") }
            heard = audio.spoken.count
        }
        try evdev.emit(keypad, EventScripts.keyHeld(KeyCodes.code(named: "KEY_KP5")!, seconds: 1.2))
        print("   giữ phím 5 một giây / holds key 5 for a second")
        try printer.flush(expecting: 1)
        try waitUntilSaid("the menu")
        try evdev.emit(keypad, EventScripts.keyTap(KeyCodes.code(named: "KEY_KP2")!))
        print("   bấm phím 2 / presses key 2")
        try printer.flush(expecting: 2)
        // The number is the last thing given to espeak-ng, and a play of several seconds; the short
        // "Đang in vé" before it is cut when the ticket is out.
        try awaitCondition("the ticket's number to be said to its end", timeout: 120) {
            let (starts, ends) = (audio.firstSamples, audio.lastSamples)
            guard audio.spoken.last?.hasPrefix("Số của bạn là") == true, starts.count == ends.count, let start = starts.last, let end = ends.last else { return false }
            return end - start > 3
        }
        for text in audio.spoken.dropFirst(heard) { print("   🔊 \(text)") }
        let wav = folder.appendingPathComponent("speech.wav")
        let raw = try Data(contentsOf: audio.directory.appendingPathComponent("speech.raw"))
        try Data(MonoWAV.file(samples: Array(raw), sampleRate: 22_050)).write(to: wav)
        print("   Nghe lại / Listen: aplay \(wav.path)  (\(audio.soundBytes / SpeechAudio.bytesPerSecond) s)")
    }
}
