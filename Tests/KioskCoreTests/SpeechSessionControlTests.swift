import KioskCore
import Testing

/// What every speech session shares: any key interrupts, repeat, volume and rate, starting over,
/// and the time-out back to normal.
@Suite struct SpeechSessionControlTests {
    typealias F = SpeechFixtures

    /// Sessions in every step, at both kinds of terminal.
    static let sessions: [(String, SpeechConfig, SpeechScript, [SpeechEvent])] = [
        ("service menu", F.speaker, F.entrance, [F.longFive]),
        ("priority menu", F.speaker, F.entrance, [F.longFive, F.press(.two)]),
        ("ticket pending", F.speaker, F.entrance, [F.longFive, F.press(.one)]),
        ("ticket", F.speaker, F.entrance, [F.longFive, F.press(.one), .ticketIssued(F.ticket)]),
        ("settings", F.speaker, F.entrance, [F.longFive, F.press(.pound)]),
        ("question", F.speaker, F.rating, [F.longFive]),
        ("confirming", F.headphones, F.rating, [F.longFive, F.press(.one)]),
        ("rating done", F.speaker, F.rating, [F.longFive, F.press(.one), F.press(.one)]),
    ]

    @Test(arguments: sessions)
    func anyKeyStopsWhatIsPlayingFirst(name: String, config: SpeechConfig, script: SpeechScript, events: [SpeechEvent]) {
        let session = F.drive(events, config: config, script: script).session
        for key in PhoneKey.allCases {
            let decision = session.decide(F.press(key), config: config, script: script, at: 500)
            #expect(decision.consumed, "\(name) \(key)")
            #expect(decision.effects.first == .stopSpeech, "\(name) \(key)")
            #expect(F.spoken(decision.effects).count > 0, "\(name) \(key): a key always gets an answer")
        }
    }

    @Test(arguments: sessions)
    func zeroRepeatsWhatTheStepSays(name: String, config: SpeechConfig, script: SpeechScript, events: [SpeechEvent]) {
        let session = F.drive(events, config: config, script: script).session
        let decision = session.decide(F.press(.zero), config: config, script: script, at: 500)
        #expect(F.spoken(decision.effects) == session.prompt(script), "\(name)")
        #expect(decision.next.step == session.step)
    }

    @Test(arguments: [
        ([PhoneKey.two], 7, 3, [SpeechEffect.setVolume(7), .speak([.volume(7)])]),
        ([.eight, .eight], 4, 3, [.setVolume(4), .speak([.volume(4)])]),
        ([.six], 6, 4, [.setRate(4), .speak([.rate(4)])]),
        ([.four, .four], 6, 1, [.setRate(1), .speak([.rate(1)])]),
        ([.four, .four, .four], 6, 1, [.speak([.rate(1)])]),
        ([.two, .two, .two, .two, .two], 10, 3, [.speak([.volume(10)])]),
        ([.zero], 6, 3, [.speak([.settingsMenu])]),
        ([.five], 6, 3, [.speak([.keyNotInMenu(.five)])]),
    ])
    func theSettingsMenuChangesVolumeAndRate(keys: [PhoneKey], volume: Int, rate: Int, last: [SpeechEffect]) {
        let inSettings = F.drive([F.longFive, F.press(.two), F.press(.pound)], config: F.speaker, script: F.entrance)
        #expect(inSettings.last.effects == [.stopSpeech, .speak([.settingsMenu])])
        let (decision, session) = F.drive(keys.map(F.press), config: F.speaker, script: F.entrance, from: inSettings.session)
        #expect(decision.effects == [.stopSpeech] + last)
        #expect(session.volume == volume && session.rate == rate)
        #expect(session.inSettings)
        #expect(session.step == .priorityMenu(service: 1))
    }

    @Test(arguments: [PhoneKey.star, .pound])
    func leavingTheSettingsSaysTheMenuItLeft(key: PhoneKey) {
        let (decision, session) = F.drive([F.longFive, F.press(.pound), F.press(.two), F.press(key)], config: F.speaker, script: F.rating)
        #expect(decision.effects == [.stopSpeech, .speak([F.firstQuestion])])
        #expect(!session.inSettings && session.step == .question(0) && session.volume == 7)
    }

    @Test func theStartKeyInSpeechModeStartsOverAndKeepsTheLevelsAndANewSessionHasTheDefaults() {
        let louder = F.drive([F.longFive, F.press(.two), F.press(.pound), F.press(.two)], config: F.speaker, script: F.entrance).session
        let over = louder.decide(F.longFive, config: F.speaker, script: F.entrance, at: 200)
        #expect(over.effects == [.stopSpeech, .speak([F.entranceMenu])])
        #expect(over.next.step == .entranceMenu && !over.next.inSettings && over.next.volume == 7)
        let ended = F.drive([F.press(.star)], config: F.speaker, script: F.entrance, from: over.next).session
        let again = ended.decide(F.longFive, config: F.speaker, script: F.entrance, at: 300)
        #expect(again.effects.prefix(4) == [.stopSpeech, .started, .setVolume(6), .setRate(3)])
        #expect(again.next.volume == 6)
    }

    /// A silence timeout of 30 s: the warning 10 s before the end, counted from the last key or
    /// the end of the last speech; nothing times out while speech plays.
    @Test(arguments: [
        // (events at their times, the last decision's effects, active after)
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 24.9)], [SpeechEffect](), true),
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 25)], [.speak([.timeoutWarning])], true),
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 25), (.speechFinished, 28), (.tick, 34.9)], [], true),
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 25), (.speechFinished, 28), (.tick, 35)],
         [.stopSpeech, .speak([.speechModeEnded]), .ended(.timedOut)], false),
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 40)], [.stopSpeech, .speak([.speechModeEnded]), .ended(.timedOut)], false),
        ([(F.longFive, 0.0), (.tick, 1000)], [], true),
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 25), (F.press(.one), 27), (.speechFinished, 30), (.tick, 49.9)], [], true),
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 25), (F.press(.one), 27), (.speechFinished, 30), (.tick, 50)],
         [.speak([.timeoutWarning])], true),
        ([(F.longFive, 0.0), (.speechFinished, 5), (.tick, 25), (F.press(.one), 27), (.speechFinished, 30), (.tick, 60)],
         [.stopSpeech, .speak([.speechModeEnded]), .ended(.timedOut)], false),
    ])
    func speechModeTimesOutAfterASilence(events: [(SpeechEvent, Double)], last: [SpeechEffect], active: Bool) {
        var session = SpeechSession(config: F.speaker)
        var decision = SpeechSession.Decision(next: session, effects: [], consumed: false)
        for (event, time) in events {
            decision = session.decide(event, config: F.speaker, script: F.rating, at: time)
            session = decision.next
        }
        #expect(decision.effects == last)
        #expect(session.isActive == active)
    }

    @Test func theNextDeadlineIsTheWarningThenTheEnd() {
        let config = F.speaker
        let playing = F.drive([F.longFive], config: config, script: F.entrance, start: 0).session
        #expect(playing.nextDeadline(config) == nil, "nothing times out while speech plays")
        let quiet = playing.decide(.speechFinished, config: config, script: F.entrance, at: 5).next
        #expect(quiet.nextDeadline(config) == 25)
        let warned = quiet.decide(.tick, config: config, script: F.entrance, at: 25).next
        #expect(warned.nextDeadline(config) == nil)
        #expect(warned.decide(.speechFinished, config: config, script: F.entrance, at: 28).next.nextDeadline(config) == 35)
        var short = config
        short.silenceTimeoutSeconds = 8
        #expect(SpeechSession.warningLeadSeconds(short) == 4)
        #expect(SpeechSession(config: config).nextDeadline(config) == nil)
    }
}
