/// A WAV file of 16-bit mono PCM, as espeak-ng makes its sound and aplay plays it: the hall's
/// chime, a demo's recording, a test's clip.
public enum MonoWAV {
    /// The file for `samples` (16-bit little-endian bytes) at `sampleRate`.
    public static func file(samples: [UInt8], sampleRate: Int) -> [UInt8] {
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        func le16(_ value: Int) -> [UInt8] { (0..<2).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        return Array("RIFF".utf8) + le32(36 + samples.count) + Array("WAVE".utf8) + Array("fmt ".utf8) + le32(16) + le16(1) + le16(1)
            + le32(sampleRate) + le32(sampleRate * 2) + le16(2) + le16(16) + Array("data".utf8) + le32(samples.count) + samples
    }

    /// Samples as the 16-bit little-endian bytes a WAV file holds.
    public static func bytes(_ samples: [Int16]) -> [UInt8] {
        samples.flatMap { sample in [UInt8(truncatingIfNeeded: sample), UInt8(truncatingIfNeeded: sample >> 8)] }
    }
}
