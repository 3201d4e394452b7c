import Foundation

/// A recorded clip at a speech-mode volume: the WAV file with its 16-bit PCM samples multiplied
/// by a gain (aplay has no volume of its own).
enum ClipGain {
    /// The file with its samples scaled; nil when it is not 16-bit PCM WAV (it is then played as
    /// recorded).
    static func scaled(_ wav: Data, gain: Double) -> Data? {
        var bytes = [UInt8](wav)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else { return nil }
        var offset = 12
        var pcm16 = false
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(littleEndian: bytes, at: offset + 4, count: 4)
            let body = offset + 8
            guard body + size <= bytes.count || id == "data" else { return nil }
            switch id {
            case "fmt ":
                guard size >= 16 else { return nil }
                pcm16 = Int(littleEndian: bytes, at: body, count: 2) == 1 && Int(littleEndian: bytes, at: body + 14, count: 2) == 16
            case "data":
                guard pcm16 else { return nil }
                // A recording cut short says more samples than it holds: they end where the file does.
                let end = min(body + size, bytes.count)
                var index = body
                while index + 1 < end {
                    let sample = Double(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8))
                    let scaled = UInt16(bitPattern: Int16(max(-32768, min(32767, (sample * gain).rounded()))))
                    bytes[index] = UInt8(scaled & 0xff)
                    bytes[index + 1] = UInt8(scaled >> 8)
                    index += 2
                }
                return Data(bytes)
            default:
                break
            }
            offset = body + size + size % 2
        }
        return nil
    }
}

extension Int {
    fileprivate init(littleEndian bytes: [UInt8], at offset: Int, count: Int) {
        self = (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
}
