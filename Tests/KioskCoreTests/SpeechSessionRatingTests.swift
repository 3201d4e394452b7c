import KioskCore
import Testing

/// Speech mode at a rating terminal: the question and its choices, an answer, and what may be
/// said about it on a speaker and with headphones.
@Suite struct SpeechSessionRatingTests {
    typealias F = SpeechFixtures

    @Test func startingSaysTheCounterAndTheFirstQuestion() {
        let (last, session) = F.drive([F.longFive], config: F.speaker, script: F.rating)
        #expect(last.effects == [
            .stopSpeech, .started, .setVolume(6), .setRate(3),
            .speak([.ratingWelcome(counter: 15, place: "tầng một"), F.firstQuestion]),
        ])
        #expect(session.step == .question(0))
    }

    @Test(arguments: 1...4)
    func onASpeakerAKeyCommitsAndOnlyTheRecordingIsSaid(choice: Int) {
        let key = PhoneKey(rawValue: String(choice))!
        let first = F.drive([F.longFive, F.press(key)], config: F.speaker, script: F.rating)
        #expect(first.last.effects == [
            .stopSpeech, .commitAnswer(questionIndex: 0, choice: choice, completesRating: false), .speak([.answerRecorded, F.secondQuestion]),
        ])
        let second = F.drive([F.press(key)], config: F.speaker, script: F.rating, from: first.session)
        #expect(second.last.effects == [
            .stopSpeech, .commitAnswer(questionIndex: 1, choice: choice, completesRating: true), .speak([.answerRecorded, .ratingFinished]),
        ])
        #expect(second.session.step == .ratingDone)
    }

    /// People near a speaker must not learn the answer: whatever is said after it, for every key
    /// that follows, is the same whichever choice was made.
    @Test(arguments: [
        [] as [SpeechEvent], [F.press(.zero)], [F.press(.nine)], [F.press(.pound)], [.commitFailed], [.tick], [F.press(.one)],
        [F.press(.one), F.press(.zero)], [F.press(.one), F.press(.star)],
    ])
    func onASpeakerNothingSaidTellsTheChoice(after: [SpeechEvent]) {
        var heard: [[SpeechPhrase]] = []
        for choice in 1...4 {
            var transcript: [SpeechPhrase] = []
            var session = F.drive([F.longFive], config: F.speaker, script: F.rating).session
            for (offset, event) in ([F.press(PhoneKey(rawValue: String(choice))!)] + after).enumerated() {
                let decision = session.decide(event, config: F.speaker, script: F.rating, at: 200 + Double(offset) * 30)
                transcript += F.spoken(decision.effects)
                session = decision.next
            }
            #expect(!transcript.contains { if case .choiceRepeated = $0 { true } else { false } })
            heard.append(transcript)
        }
        #expect(Set(heard.map { "\($0)" }).count == 1, "\(heard)")
    }

    @Test func withHeadphonesTheChoiceIsSaidBackAndCommittedOnOne() {
        let said = F.drive([F.longFive, F.press(.two)], config: F.headphones, script: F.rating)
        #expect(said.last.effects == [.stopSpeech, .speak([.choiceRepeated("Hài lòng")])])
        #expect(said.session.step == .confirming(question: 0, choice: 2))
        let committed = F.drive([F.press(.one)], config: F.headphones, script: F.rating, from: said.session)
        #expect(committed.last.effects == [
            .stopSpeech, .commitAnswer(questionIndex: 0, choice: 2, completesRating: false), .speak([.answerRecorded, F.secondQuestion]),
        ])
    }

    @Test(arguments: [
        ([PhoneKey.star], SpeechSession.Step.question(0), [SpeechPhrase.answerCancelled, F.firstQuestion]),
        ([.zero], .confirming(question: 0, choice: 3), [.choiceRepeated("Chưa hài lòng")]),
        ([.four], .confirming(question: 0, choice: 3), [.keyNotInMenu(.four)]),
        ([.star, .zero], .question(0), [F.firstQuestion]),
    ])
    func withHeadphonesAKeyCancels(keys: [PhoneKey], step: SpeechSession.Step, said: [SpeechPhrase]) {
        let confirming = F.drive([F.longFive, F.press(.three)], config: F.headphones, script: F.rating).session
        var session = confirming
        for key in keys {
            let decision = session.decide(F.press(key), config: F.headphones, script: F.rating, at: 300)
            #expect(!decision.effects.contains { if case .commitAnswer = $0 { true } else { false } })
            #expect(decision.effects.first == .stopSpeech)
            if key == keys.last { #expect(F.spoken(decision.effects) == said) }
            session = decision.next
        }
        #expect(session.step == step)
    }

    @Test func anAnswerNotCommittedIsSaidSoAndAskedAgain() {
        let speakerBefore = F.drive([F.longFive], config: F.speaker, script: F.rating).session
        #expect(speakerBefore.decide(.commitFailed, config: F.speaker, script: F.rating, at: 200).effects
            == [.stopSpeech, .speak([.answerNotRecorded, F.firstQuestion])])
        let headphonesBefore = F.drive([F.longFive, F.press(.four)], config: F.headphones, script: F.rating).session
        #expect(headphonesBefore.decide(.commitFailed, config: F.headphones, script: F.rating, at: 200).effects
            == [.stopSpeech, .speak([.answerNotRecorded, .choiceRepeated("Không hài lòng")])])
    }

    @Test(arguments: [PhoneKey.five, .six, .seven, .eight, .nine])
    func aKeyBeyondTheChoicesAnswersNothing(key: PhoneKey) {
        for config in [F.speaker, F.headphones] {
            let (last, session) = F.drive([F.longFive, F.press(key)], config: config, script: F.rating)
            #expect(last.effects == [.stopSpeech, .speak([.keyNotInMenu(key)])])
            #expect(session.step == .question(0))
        }
    }

    @Test func afterTheLastAnswerZeroRepeatsTheRecordingAndStarEnds() {
        let done = F.drive([F.longFive, F.press(.one), F.press(.one)], config: F.speaker, script: F.rating).session
        #expect(done.decide(F.press(.zero), config: F.speaker, script: F.rating, at: 200).effects
            == [.stopSpeech, .speak([.answerRecorded, .ratingFinished])])
        #expect(done.decide(F.press(.star), config: F.speaker, script: F.rating, at: 200).effects
            == [.stopSpeech, .speak([.speechModeEnded]), .ended(.byUser)])
    }
}
