import Foundation
import KioskCore

/// What speech mode's volume and rate levels (1–10) mean for espeak-ng and for recorded clips.
///
/// Volume: 2.5 dB a level, level 10 at full scale (0 dB), level 1 at −22.5 dB; the loudness of
/// full scale is set once per terminal with the ALSA mixer. espeak-ng's amplitude (`-a`) is
/// proportional to its samples and its Vietnamese voice reaches full scale at 100 (above, it
/// clips), so `-a` is 100 × the gain: 7, 10, 13, 18, 24, 32, 42, 56, 75, 100 for levels 1–10. A
/// clip's 16-bit samples are multiplied by the gain: at level 10 it plays exactly as recorded.
///
/// Rate: 100 + 25 × level words a minute (`-s`): 125 at level 1, 175 (espeak-ng's own default)
/// at level 3, 350 at level 10. Clips play at the pace they were recorded.
enum SpeechLevels {
    static func gain(volume: Int) -> Double {
        pow(10, Double(level(volume) - SpeechConfig.levels.upperBound) * 2.5 / 20)
    }

    static func amplitude(volume: Int) -> Int {
        Int((100 * gain(volume: volume)).rounded())
    }

    static func wordsPerMinute(rate: Int) -> Int {
        100 + 25 * level(rate)
    }

    private static func level(_ value: Int) -> Int {
        min(max(value, SpeechConfig.levels.lowerBound), SpeechConfig.levels.upperBound)
    }
}
