import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

/// Spoken calls through the real espeak-ng and aplay. The hall's speaker is an ALSA `file` device
/// (below ALSA, in place of a sound card): what would be heard is written to a file.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng"), "espeak-ng is not installed"))
struct VoiceTests {
    let callNext = KeyCodes.code(named: "KEY_KP1")!, done = KeyCodes.code(named: "KEY_KP5")!, ticket = KeyCodes.code(named: "KEY_KP1")!

    /// The counter office with `[voice]` on `device`; kioskd's HOME holds an .asoundrc whose
    /// `kioskfile` device appends the sound to `voice.raw`.
    static func rig(_ name: String, device: String) throws -> (DaemonRig, URL) {
        let rig = try CounterCallingTests.rig(name, extra: "[voice]\ndevice = \"\(device)\"\n\n")
        let home = rig.directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let sound = home.appendingPathComponent("voice.raw")
        try """
            pcm.kioskfile {
                type file
                slave.pcm "null"
                file "|cat >> \(sound.path)"
                format "raw"
            }
            """.write(to: home.appendingPathComponent(".asoundrc"), atomically: true, encoding: .utf8)
        try rig.start(environment: ["HOME": home.path])
        try awaitCondition("the four devices to connect") { rig.events!.count(of: .deviceConnected) >= 4 }
        return (rig, sound)
    }

    func call(_ rig: DaemonRig, times: Int) throws {
        for _ in 0..<times { try rig.evdev.emit("ticket-pad", EventScripts.keyTap(ticket)) }
        try rig.events!.await(.ticketIssued, count: times)
        for index in 0..<times {
            try rig.evdev.emit("staff-pad", EventScripts.keyTap(callNext))
            try rig.events!.await(.ticketCalled, count: index + 1)
            try rig.evdev.emit("staff-pad", EventScripts.keyTap(done))
            try rig.events!.await(.ticketServed, count: index + 1)
        }
    }

    @Test func eachCallIsSpokenInOrderAfterAChime() throws {
        let (rig, sound) = try Self.rig("voice", device: "kioskfile")
        try call(rig, times: 2)
        try rig.events!.await(.announcementStarted, count: 2)
        let started = rig.events!.events.compactMap { event -> (number: String, counterNumber: Int)? in
            if case .announcementStarted(let number, let counterNumber) = event { (number, counterNumber) } else { nil }
        }
        #expect(started.map(\.number) == ["A001", "A002"])
        #expect(started.map(\.counterNumber) == [2, 2])
        // Two chimes (0.5 s each) and two sentences of speech at 22,050 Hz, 16-bit: well over 2 × (22,050 bytes + a second of words).
        try awaitCondition("both calls to be played") {
            ((try? FileManager.default.attributesOfItem(atPath: sound.path)[.size] as? Int) ?? 0) > 2 * (22_050 + 44_100)
        }
        #expect(rig.events!.count(of: .announcementFailed) == 0)
        // The chime comes first: the sound starts with its samples.
        let chime = Array(CallAnnouncement.chime().dropFirst(44))
        #expect(Array(try Data(contentsOf: sound).prefix(chime.count)) == chime)
    }

    @Test func aMissingAudioDeviceIsAWarningAndCallsGoOn() throws {
        let (rig, _) = try Self.rig("voice-missing", device: "no-such-card")
        try call(rig, times: 2)
        try rig.events!.await(.announcementFailed, count: 2)
        let reasons = rig.events!.events.compactMap { event -> String? in
            if case .announcementFailed(_, let reason) = event { reason } else { nil }
        }
        #expect(reasons.first?.contains("no-such-card") == true)
        try awaitCondition("the warning in kioskd's log") { rig.daemon!.stderr.lines.contains { $0.contains("voice: A001 to counter 2 not spoken") } }
        #expect(try rig.daemon!.kioskctl(["status"]).contains("Máy in"), "kioskd still answers")
    }
}
