import KioskCore
import Testing

/// Speech mode at the entrance: start, choose a service and a priority, hear the ticket.
@Suite struct SpeechSessionEntranceTests {
    typealias F = SpeechFixtures

    @Test(arguments: PhoneKey.allCases)
    func outsideSpeechModeShortPressesAreTheTerminals(key: PhoneKey) {
        let decision = SpeechSession(config: F.speaker).decide(F.press(key), config: F.speaker, script: F.entrance, at: 5)
        #expect(!decision.consumed)
        #expect(decision.effects.isEmpty)
        #expect(decision.next == SpeechSession(config: F.speaker))
    }

    @Test(arguments: [(PhoneKey.five, 1.0, true), (.five, 0.99, false), (.five, 3, true), (.four, 2, false), (.zero, 2, false)])
    func aLongPressOfFiveStarts(key: PhoneKey, held: Double, starts: Bool) {
        let decision = SpeechSession(config: F.speaker).decide(.key(key, heldSeconds: held), config: F.speaker, script: F.entrance, at: 5)
        #expect(decision.consumed == starts)
        #expect(decision.next.isActive == starts)
        if starts {
            #expect(decision.effects == [.stopSpeech, .started, .setVolume(6), .setRate(3), .speak([F.entranceMenu])])
            #expect(decision.next.step == .entranceMenu)
        }
    }

    @Test func aDedicatedKeyStartsAndFiveIsThenJustFive() {
        var config = F.speaker
        config.startKey = .dedicated(KeyCodes.code(named: "KEY_HELP")!)
        let idle = SpeechSession(config: config)
        #expect(!idle.decide(F.longFive, config: config, script: F.entrance, at: 1).consumed)
        let started = idle.decide(.startKey, config: config, script: F.entrance, at: 1)
        #expect(started.effects.contains(.started))
        let five = started.next.decide(F.longFive, config: config, script: F.entrance, at: 2)
        #expect(five.effects == [.stopSpeech, .speak([.keyNotInMenu(.five)])])
    }

    @Test func aServiceWithoutPriorityIsIssuedAtOnceAndItsTicketSpokenAndRepeated() {
        let chosen = F.drive([F.longFive, F.press(.one)], config: F.speaker, script: F.entrance)
        #expect(chosen.last.effects == [.stopSpeech, .issueTicket(TicketChoice(service: "ho-tich")), .speak([.ticketPrinting])])
        let issued = F.drive([.ticketIssued(F.ticket)], config: F.speaker, script: F.entrance, from: chosen.session)
        let said = SpeechPhrase.ticketIssued(number: "B012", service: "Đất đai", counters: [2, 3], ahead: 4)
        #expect(issued.last.effects == [.stopSpeech, .speak([said])])
        let again = F.drive([F.press(.zero), F.press(.zero)], config: F.speaker, script: F.entrance, from: issued.session)
        #expect(again.last.effects == [.stopSpeech, .speak([said])])
    }

    @Test(arguments: [(PhoneKey.one, nil as String?), (.two, "Người cao tuổi")])
    func aServiceWithPrioritiesAsksWhichTicket(key: PhoneKey, priority: String?) {
        let menu = F.drive([F.longFive, F.press(.two)], config: F.speaker, script: F.entrance)
        #expect(menu.last.effects == [.stopSpeech, .speak([.priorityMenu(service: "Đất đai", choices: [nil, "Người cao tuổi"])])])
        let chosen = F.drive([F.press(key)], config: F.speaker, script: F.entrance, from: menu.session)
        #expect(chosen.last.effects.contains(.issueTicket(TicketChoice(service: "dat-dai", priority: priority))))
    }

    @Test(arguments: [
        ([F.longFive, F.press(.two), F.press(.star)], SpeechSession.Step.entranceMenu, [F.entranceMenu]),
        ([F.longFive, F.press(.one), .ticketIssued(F.ticket), F.press(.star)], .entranceMenu, [F.entranceMenu]),
        ([F.longFive, F.press(.seven)], .entranceMenu, [.keyNotInMenu(.seven)]),
        ([F.longFive, F.press(.two), F.press(.three)], .priorityMenu(service: 1), [.keyNotInMenu(.three)]),
        ([F.longFive, F.press(.one), .ticketIssued(F.ticket), F.press(.one)], .ticket(F.ticket), [.keyNotInMenu(.one)]),
        ([F.longFive, F.press(.one), F.press(.four)], .ticketPending(TicketChoice(service: "ho-tich")), [.ticketPrinting]),
    ])
    func keysGoBackOrAreNotInTheMenu(events: [SpeechEvent], step: SpeechSession.Step, said: [SpeechPhrase]) {
        let (last, session) = F.drive(events, config: F.speaker, script: F.entrance)
        #expect(session.step == step)
        #expect(last.effects == [.stopSpeech, .speak(said)])
        #expect(!last.effects.contains { if case .issueTicket = $0 { true } else { false } })
    }

    @Test func aTicketThatWasNotCommittedIsSaidSoAndTheMenuAgain() {
        // The daemon keeps the session it had before the key when the commit fails.
        let before = F.drive([F.longFive], config: F.speaker, script: F.entrance).session
        let failed = before.decide(.commitFailed, config: F.speaker, script: F.entrance, at: 110)
        #expect(failed.effects == [.stopSpeech, .speak([.ticketNotIssued, F.entranceMenu])])
        #expect(failed.next.step == .entranceMenu)
    }

    @Test func aTicketIsSpokenEvenAfterAKeyMovedOnButNotOutsideSpeechMode() {
        let movedOn = F.drive([F.longFive, F.press(.one), F.press(.pound)], config: F.speaker, script: F.entrance).session
        let decision = movedOn.decide(.ticketIssued(F.ticket), config: F.speaker, script: F.entrance, at: 200)
        #expect(F.spoken(decision.effects) == [.ticketIssued(number: "B012", service: "Đất đai", counters: [2, 3], ahead: 4)])
        #expect(decision.next.step == .ticket(F.ticket) && !decision.next.inSettings)
        let off = SpeechSession(config: F.speaker)
        let ignored = off.decide(.ticketIssued(F.ticket), config: F.speaker, script: F.entrance, at: 200)
        #expect(ignored.effects.isEmpty && ignored.next == off)
    }

    @Test func starInTheServiceMenuEndsSpeechMode() {
        let (last, session) = F.drive([F.longFive, F.press(.star)], config: F.speaker, script: F.entrance)
        #expect(last.effects == [.stopSpeech, .speak([.speechModeEnded]), .ended(.byUser)])
        #expect(!session.isActive)
        #expect(!session.decide(F.press(.one), config: F.speaker, script: F.entrance, at: 300).consumed)
    }
}
