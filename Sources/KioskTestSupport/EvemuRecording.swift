import Foundation

/// The events of an evemu recording (`E: sec.usec type code value` lines; type and code in hex).
public struct EvemuRecording: Sendable {
    public let events: [ScriptedEvent]

    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var events: [ScriptedEvent] = []
        for line in text.split(separator: "\n") where line.hasPrefix("E:") {
            let fields = line.dropFirst(2).split(separator: "#")[0].split(whereSeparator: \.isWhitespace)
            guard fields.count == 4, let time = Double(fields[0]), let type = UInt16(fields[1], radix: 16),
                let code = UInt16(fields[2], radix: 16), let value = Int32(fields[3])
            else {
                throw HarnessError("bad evemu event line in \(url.lastPathComponent): \(line)")
            }
            events.append(ScriptedEvent(type, code, value, time: time))
        }
        self.events = events
    }

    /// The recording cut into frames (each ends with SYN_REPORT), keeping the recorded timestamps.
    public var frames: [[ScriptedEvent]] {
        var frames: [[ScriptedEvent]] = []
        var current: [ScriptedEvent] = []
        for event in events {
            current.append(event)
            if event.type == 0 && event.code == 0 {
                frames.append(current)
                current = []
            }
        }
        if !current.isEmpty { frames.append(current) }
        return frames
    }
}
