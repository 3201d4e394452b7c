import Foundation
import KioskCore
import KioskProtocol
import KioskTestSupport
import Testing

/// Speech mode end to end: kioskd on emulated keypads, the real espeak-ng and aplay, an ALSA
/// device that takes the sound in real time (`SpeechAudio`), and a private cupsd for the tickets.
/// What is said is checked phrase by phrase (as `SpeechPhrase` words it) from the text espeak-ng
/// was given, and that it was heard from the samples that reached the device.
@Suite(.enabled(if: SpeechAudio.isAvailable, "espeak-ng, aplay or python3 is not installed"))
struct SpeechModeTests {
    let key = { (name: String) in KeyCodes.code(named: name)! }
    static let place = "bên trái cửa ra vào"

    struct Entrance {
        let rig: DaemonRig
        let audio: SpeechAudio
        let sink: SocketSink
        let cups: PrivateCups
        var events: EventStream { rig.events! }
    }

    /// The ticket office with speech mode on its keypad, speaking on `device`.
    func entrance(_ name: String, device: String = SpeechAudio.device, timeout: Int = 30) throws -> Entrance {
        let sink = try SocketSink()
        let cups = try PrivateCups(directory: try RepositoryPaths.temporaryDirectory("cups-\(name)"))
        try cups.addRawQueue(TicketOffice.queue, deviceURI: sink.deviceURI)
        let rig = try DaemonRig(name) { evdev in
            TicketOffice.config(evdev, cups: cups.server, extra: """
                [[speech]]
                terminal = "lay-so"
                place = "\(Self.place)"
                output = "speaker"
                device = "\(device)"
                silence_timeout_seconds = \(timeout)
                """)
        }
        let audio = try SpeechAudio(directory: rig.directory.appendingPathComponent("audio"))
        try rig.evdev.add("ticket-touch", description: DaemonRig.egalax)
        try rig.evdev.add("ticket-pad", description: DaemonRig.keypad)
        try rig.start(environment: audio.environment)
        try awaitCondition("both ticket devices to connect") { rig.events!.count(of: .deviceConnected) >= 2 }
        return Entrance(rig: rig, audio: audio, sink: sink, cups: cups)
    }

    func tap(_ rig: DaemonRig, _ device: String, _ name: String) throws {
        try rig.evdev.emit(device, EventScripts.keyTap(key(name)))
    }

    func awaitSaid(_ audio: SpeechAudio, _ phrase: SpeechPhrase, count: Int = 1, timeout: Double = 15) throws {
        try awaitCondition("\"\(phrase.text.prefix(60))…\" said \(count)×, said: \(audio.spoken)", timeout: timeout) {
            audio.spoken.filter { $0 == phrase.text }.count >= count
        }
    }

    func awaitHeard(_ audio: SpeechAudio, plays: Int, timeout: Double = 15) throws {
        try awaitCondition("\(plays) plays to reach the device (\(audio.firstSamples.count) did)", timeout: timeout) {
            audio.firstSamples.count >= plays
        }
    }

    static let menu = SpeechPhrase.entranceMenu(place: place, services: ["Tư pháp – Hộ tịch", "Đất đai"], priorityChoices: ["Người cao tuổi", "Người khuyết tật"])

    @Test func aTicketTakenByKeypadAloneIsPrintedAndItsNumberSaid() throws {
        let office = try entrance("speech-entrance")
        let audio = office.audio
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyHeld(key("KEY_KP5"), seconds: 1.2))
        try office.events.await(.speechStarted)
        try awaitSaid(audio, Self.menu)
        try awaitHeard(audio, plays: 1)

        // Key 0 while the menu plays: cut short at once, then said again from its start.
        try tap(office.rig, "ticket-pad", "KEY_KP0")
        try awaitSaid(audio, Self.menu, count: 2)
        try awaitCondition("the first menu to be cut short") { audio.lastSamples.count >= 1 }
        let menuSeconds = Double(Self.menu.text.count) / 14  // far shorter than the whole menu at any rate
        #expect(audio.lastSamples[0] - audio.firstSamples[0] < menuSeconds)

        // Key 2: Đất đai, printed; the number said after.
        try tap(office.rig, "ticket-pad", "KEY_KP2")
        try office.events.await(.ticketIssued)
        try office.sink.awaitJobs(1)
        try office.events.await(.ticketPrinted)
        try awaitSaid(audio, .ticketPrinting)
        let said = SpeechPhrase.ticketIssued(number: "B001", service: "Đất đai", counters: [2], ahead: 0, printed: true)
        try awaitSaid(audio, said)
        #expect(said.text.hasPrefix("Số của bạn là bê không không một. Dịch vụ: Đất đai. Quầy phục vụ: quầy số hai."))
        // Repeated on request; heard each time.
        let playsBefore = audio.firstSamples.count
        try tap(office.rig, "ticket-pad", "KEY_KP0")
        try awaitSaid(audio, said, count: 2)
        try awaitHeard(audio, plays: playsBefore + 1)
        try awaitCondition("a second of the number said to reach the device") { audio.soundBytes > SpeechAudio.bytesPerSecond }
        #expect(office.events.all(.ticketIssued).map(\.number) == ["B001"])

        // Stopped in the middle of a session, while it speaks: it stops cleanly and at once.
        office.rig.daemon!.signal(SIGTERM)
        #expect(try office.rig.daemon!.awaitExit(timeout: 10) == 0, "\(office.rig.daemon!.stderr.lines.suffix(8))")
    }

    @Test func aPriorityTicketAndTheVolumeByKeypad() throws {
        let office = try entrance("speech-priority")
        let audio = office.audio
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyHeld(key("KEY_KP5"), seconds: 1.5))
        try awaitSaid(audio, Self.menu)
        // # opens the settings; 2 is louder (from 6 to 7); * back to the menu.
        try tap(office.rig, "ticket-pad", "KEY_KPDOT")
        try awaitSaid(audio, .settingsMenu)
        try tap(office.rig, "ticket-pad", "KEY_KP2")
        try awaitSaid(audio, .volume(7))
        try tap(office.rig, "ticket-pad", "KEY_KPASTERISK")
        try awaitSaid(audio, Self.menu, count: 2)
        // 1: Tư pháp – Hộ tịch has priority classes: its menu, then 2 for the first of them.
        try tap(office.rig, "ticket-pad", "KEY_KP1")
        try awaitSaid(audio, .priorityMenu(service: "Tư pháp – Hộ tịch", choices: [nil, "Người cao tuổi", "Người khuyết tật"]))
        try tap(office.rig, "ticket-pad", "KEY_KP2")
        try office.events.await(.ticketPrinted)
        guard case .ticketIssued(_, let number, _, let priority, _) = try #require(office.events.all(.ticketIssued).first) else { return }
        #expect(number == "A001" && priority)
        try awaitSaid(audio, .ticketIssued(number: "A001", service: "Tư pháp – Hộ tịch", counters: [1, 2], ahead: 0, printed: true))
    }

    @Test func silenceEndsSpeechModeWithAWarningAndTheKeypadIsTheTerminalsAgain() throws {
        let office = try entrance("speech-timeout", timeout: 5)
        let audio = office.audio
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyHeld(key("KEY_KP5"), seconds: 1.2))
        try office.events.await(.speechStarted)
        try awaitSaid(audio, .timeoutWarning, timeout: 60)
        try office.events.await(.speechEnded, timeout: 30)
        #expect(office.events.all(.speechEnded) == [.speechEnded(terminal: "lay-so", reason: "timed-out")])
        try awaitSaid(audio, .speechModeEnded)
        let status = try ProtocolJSON.decode(StatusReport.self, from: try office.rig.daemon!.kioskctl(["status", "--json"]))
        #expect(status.speech == [.init(terminal: "lay-so", output: "speaker", device: SpeechAudio.device, active: false)])
        // KP1 outside speech mode: a ticket on its press, as for everyone.
        try tap(office.rig, "ticket-pad", "KEY_KP1")
        try office.events.await(.ticketPrinted)
        #expect(office.events.all(.ticketIssued).map(\.number) == ["A001"])
    }

    @Test func aMissingAudioDeviceEndsSpeechModeAndTheKeypadAndScreenGiveTickets() throws {
        let office = try entrance("speech-no-device", device: "no-such-device")
        try office.rig.evdev.emit("ticket-pad", EventScripts.keyHeld(key("KEY_KP5"), seconds: 1.2))
        try office.events.await(.speechFailed)
        try office.events.await(.speechEnded)
        #expect(office.events.all(.speechEnded) == [.speechEnded(terminal: "lay-so", reason: "audio-failed")], "silent speech mode does not hold the keypad")
        let status = try ProtocolJSON.decode(StatusReport.self, from: try office.rig.daemon!.kioskctl(["status", "--json"]))
        #expect(status.speech.first?.problem != nil)
        #expect(try office.rig.daemon!.kioskctl(["status"]).contains("no-such-device"))
        // The keypad is the terminal's own again, and the touchscreen gives tickets as ever.
        try tap(office.rig, "ticket-pad", "KEY_KP1")
        try office.events.await(.ticketPrinted)
        let (x, y) = (Int32(0.75 * 32760), Int32(0.5 * 32760))
        try office.rig.evdev.emit("ticket-touch", EventScripts.slotDown(trackingID: 1, x: x, y: y, time: 1))
        try office.rig.evdev.emit("ticket-touch", EventScripts.slotUp(time: 1.2))
        try office.events.await(.ticketPrinted, count: 2)
        #expect(office.events.all(.ticketIssued).map(\.number) == ["A001", "B001"])
    }
}

/// Speech mode at the rating terminals: on a speaker (counter 1, with a keypad of its own beside
/// its touchscreen) nothing said after the question names the choice; with headphones (counter
/// 2, its rating keypad) the choice is said back and counted on 1, through the vote policy.
@Suite(.enabled(if: SpeechAudio.isAvailable, "espeak-ng, aplay or python3 is not installed"))
struct SpeechModeRatingTests {
    let key = { (name: String) in KeyCodes.code(named: name)! }

    struct Office {
        let rig: DaemonRig
        let audio: SpeechAudio
        var events: EventStream { rig.events! }
    }

    func office(_ name: String) throws -> Office {
        let rig = try DaemonRig(name) { evdev in
            TestOffice.touchAndArmedKeypad(evdev) + """

                [[speech]]
                terminal = "quay-1-danh-gia"
                place = "trước quầy một"
                output = "speaker"
                device = "\(SpeechAudio.device)"
                keypad = { path = "\(evdev.devicePath("phone-pad"))" }

                [[speech]]
                terminal = "quay-2-danh-gia"
                place = "trước quầy hai"
                output = "headphones"
                device = "\(SpeechAudio.device)"
                """
        }
        let audio = try SpeechAudio(directory: rig.directory.appendingPathComponent("audio"))
        try rig.evdev.add("touch-1", description: DaemonRig.egalax)
        for pad in ["phone-pad", "rating-pad", "staff-pad"] { try rig.evdev.add(pad, description: DaemonRig.keypad) }
        try rig.start(environment: audio.environment)
        try awaitCondition("the four devices to connect") { rig.events!.count(of: .deviceConnected) >= 4 }
        return Office(rig: rig, audio: audio)
    }

    func awaitSaid(_ audio: SpeechAudio, _ phrase: SpeechPhrase, count: Int = 1) throws {
        try awaitCondition("\"\(phrase.text.prefix(60))…\" said \(count)×, said: \(audio.spoken)", timeout: 15) {
            audio.spoken.filter { $0 == phrase.text }.count >= count
        }
    }

    static let question = SurveyPresets.named("default")!.questions[0]

    @Test func onASpeakerTheAnswerIsCountedAndNothingSaidNamesIt() throws {
        let office = try office("speech-rating-speaker")
        let audio = office.audio
        try office.rig.evdev.emit("phone-pad", EventScripts.keyHeld(key("KEY_KP5"), seconds: 1.2))
        try office.events.await(.speechStarted)
        try awaitSaid(audio, .ratingWelcome(counter: 1, place: "trước quầy một"))
        let question = SpeechPhrase.ratingQuestion(text: Self.question.text, choices: Self.question.choices.map(\.label))
        try awaitSaid(audio, question)
        let beforeAnswer = audio.spoken.count
        try office.rig.evdev.emit("phone-pad", EventScripts.keyTap(key("KEY_KP3")))
        try office.events.await(.voteCounted)
        try awaitSaid(audio, .answerRecorded)
        try awaitSaid(audio, .ratingFinished)
        for text in audio.spoken.dropFirst(beforeAnswer) {
            for choice in Self.question.choices { #expect(!text.contains(choice.label), "said \"\(text)\", which names \(choice.label)") }
        }
        #expect(try office.rig.voteCount(choice: Self.question.choices[2].id) == 1)
        try office.rig.evdev.emit("phone-pad", EventScripts.keyTap(key("KEY_KPASTERISK")))
        try office.events.await(.speechEnded)
        #expect(office.events.all(.speechEnded) == [.speechEnded(terminal: "quay-1-danh-gia", reason: "by-user")])
    }

    @Test func withHeadphonesTheChoiceIsSaidBackAndCountedOnOneOnceStaffOpenTheRating() throws {
        let office = try office("speech-rating-headphones")
        let audio = office.audio
        try office.rig.evdev.emit("rating-pad", EventScripts.keyHeld(key("KEY_KP5"), seconds: 1.2))
        try awaitSaid(audio, .ratingQuestion(text: Self.question.text, choices: Self.question.choices.map(\.label)))
        try office.rig.evdev.emit("rating-pad", EventScripts.keyTap(key("KEY_KP3")))
        let repeated = SpeechPhrase.choiceRepeated(Self.question.choices[2].label)
        try awaitSaid(audio, repeated)
        #expect(office.events.count(of: .voteCounted) == 0, "not counted before it is confirmed")
        // 1 confirms, but staff have not opened the rating: refused and said so, nothing counted.
        try office.rig.evdev.emit("rating-pad", EventScripts.keyTap(key("KEY_KP1")))
        try office.events.await(.pressRejected)
        try awaitSaid(audio, .ratingNotOpen)
        // The staff key; 1 again.
        try office.rig.evdev.emit("staff-pad", EventScripts.keyTap(key("KEY_KPENTER")))
        try office.events.await(.armed)
        try office.rig.evdev.emit("rating-pad", EventScripts.keyTap(key("KEY_KP1")))
        try office.events.await(.voteCounted)
        try awaitSaid(audio, .ratingFinished)
        #expect(try office.rig.voteCount() == 1)
        #expect(try office.rig.voteCount(choice: Self.question.choices[2].id) == 1)
    }
}
