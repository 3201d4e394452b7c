import Foundation

/// What the hall hears when a ticket is called: the words (Vietnamese, each digit said, so
/// "A012" is never read as "a hundred and twelve") and the chime before them.
public enum CallAnnouncement {
    /// "Mời số A không một hai đến quầy số 3." The digits are `VietnameseNumber`'s; the letter is
    /// left as written for the voice to read.
    public static func text(number: String, counterNumber: Int) -> String {
        let spoken = number.map { character -> String in
            if let digit = character.wholeNumberValue { return VietnameseNumber.digit(digit) }
            return String(character)
        }.joined(separator: " ")
        return "Mời số \(spoken) đến quầy số \(counterNumber)."
    }

    /// A two-note chime (E6 then C6, 0.25 s each with a soft end) as a 16-bit mono WAV at 22,050 Hz.
    public static func chime() -> [UInt8] {
        let rate = 22_050
        var samples: [Int16] = []
        for frequency in [1318.5, 1046.5] {
            let count = rate / 4
            for index in 0..<count {
                let envelope = min(1, Double(count - index) / Double(count / 3))
                samples.append(Int16(sin(2 * Double.pi * frequency * Double(index) / Double(rate)) * envelope * 12_000))
            }
        }
        return MonoWAV.file(samples: MonoWAV.bytes(samples), sampleRate: rate)
    }
}
