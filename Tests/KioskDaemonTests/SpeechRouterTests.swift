import Foundation
import KioskCore
@testable import KioskDaemon
import KioskInput
import KioskProtocol
import KioskStore
import Logging
import Testing

/// Speech mode on the input thread, in-process: keys of the terminals' keypads go to their
/// speech sessions, tickets and answers are committed to a real SQLite file before anything
/// is said about them, and the timers, the player and the printer reach the sessions as mail.
struct SpeechRouterTests {
    typealias O = InProcessOffice
    /// The speech keypad of its own that `quay-1-danh-gia` (a touchscreen) has, after the `[[devices]]`.
    static let phonePad = 5
    static let speech = """
        [[speech]]
        terminal = "lay-so"
        place = "bên trái cửa ra vào"
        output = "speaker"

        [[speech]]
        terminal = "quay-1-danh-gia"
        place = "trước quầy một"
        output = "speaker"
        keypad = { path = "/dev/input/by-path/phone-pad" }

        [[speech]]
        terminal = "quay-2-danh-gia"
        place = "trước quầy hai"
        output = "headphones"
        """

    let key = { (name: String) in KeyCodes.code(named: name)! }

    final class Rig {
        let office: O
        let clock = ManualClock("2026-12-07 09:00")
        let output = RecordingSpeech()
        let mail = SpeechMail(mailbox: InputMailbox())
        let router: InputRouter
        let desk: SpeechDesk

        init(_ name: String, speech: String = SpeechRouterTests.speech, surveyPreset: String = "default") throws {
            office = try O(name, extra: speech, surveyPreset: surveyPreset)
            let config = office.config.withSpeechKeypadDevices()
            desk = SpeechDesk(config: config, output: output, clock: clock.officeClock(), mail: mail, logger: Logger(label: "test"))
            router = InputRouter(config: config, store: office.store, clock: clock.officeClock(), speech: desk)
        }

        /// A key pressed and released after `heldMilliseconds`: what the press and the release did.
        func press(_ source: Int, _ code: UInt16, heldMilliseconds: Int = 120) -> InputOutcome {
            var outcome = router.route(.key(source: source, code: code))
            clock.advance(seconds: Double(heldMilliseconds) / 1000)
            outcome.add(router.route(.keyReleased(source: source, code: code, heldMilliseconds: heldMilliseconds)))
            return outcome
        }

        func deliver(_ letter: SpeechMail.Letter) -> InputOutcome {
            mail.post(letter)
            return router.route(.mail)
        }

        /// The last say played to its end, and its mail read.
        func finishSpeaking() {
            output.finishLast()
            _ = router.route(.mail)
        }

        func status(_ terminal: String) -> StatusReport.Speech? {
            desk.board.report().first { $0.terminal == terminal }
        }
    }

    @Test func anEntranceSessionSaysTheMenuIssuesTheChosenTicketAndSaysItsNumberOnceItIsPrinted() throws {
        let rig = try Rig("speech-entrance")
        let started = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 1200)
        #expect(started.events == [.speechStarted(terminal: "lay-so")])
        #expect(rig.output.lastPhrases == [
            .entranceMenu(place: "bên trái cửa ra vào", services: ["Tư pháp – Hộ tịch", "Đất đai"], priorityChoices: ["Người cao tuổi"])
        ])
        #expect(rig.status("lay-so")?.step == "entrance-menu")

        // Key 2: Đất đai, which has no priority class: the ticket at once.
        let chosen = rig.press(O.ticketKeypad, key("KEY_KP2"))
        let ticket = try #require(chosen.ticketToPrint)
        #expect(ticket.number.description == "B001")
        #expect(chosen.events == [.ticketIssued(terminal: "lay-so", number: "B001", service: "dat-dai", priority: false, waitingAhead: 0)])
        #expect(rig.output.lastPhrases == [.ticketPrinting])
        #expect(try rig.office.store.tickets(on: LocalDay(year: 2026, month: 12, day: 7)!).map(\.number.description) == ["B001"])

        // Another ticket's print says nothing here; its own does.
        _ = rig.deliver(.printed(terminal: "lay-so", number: "A009", printed: true))
        #expect(rig.output.lastPhrases == [.ticketPrinting])
        _ = rig.deliver(.printed(terminal: "lay-so", number: "B001", printed: true))
        let said = SpeechPhrase.ticketIssued(number: "B001", service: "Đất đai", counters: [2], ahead: 0, printed: true)
        #expect(rig.output.lastPhrases == [said])
        #expect(said.text.contains("Số của bạn là bê không không một."))

        // 0 repeats; * goes back to the menu; 1 has a priority class, so its own menu.
        let stopsBefore = rig.output.stops
        _ = rig.press(O.ticketKeypad, key("KEY_KP0"))
        #expect(rig.output.stops > stopsBefore, "a key stops the speech at once")
        #expect(rig.output.lastPhrases == [said])
        _ = rig.press(O.ticketKeypad, key("KEY_KPASTERISK"))
        _ = rig.press(O.ticketKeypad, key("KEY_KP1"))
        #expect(rig.output.lastPhrases == [.priorityMenu(service: "Tư pháp – Hộ tịch", choices: [nil, "Người cao tuổi"])])
        let priority = rig.press(O.ticketKeypad, key("KEY_KP2"))
        #expect(priority.ticketToPrint?.priority == "Người cao tuổi")
        _ = rig.deliver(.printed(terminal: "lay-so", number: "A001", printed: false))
        #expect(rig.output.lastPhrases == [.ticketIssued(number: "A001", service: "Tư pháp – Hộ tịch", counters: [1, 2], ahead: 0, printed: false)])
    }

    @Test func aShortPressOfTheStartKeyIsTheTerminalsOwnKeyAndOtherKeysAreUntouched() throws {
        let rig = try Rig("speech-short")
        // KP1 outside speech mode issues its ticket on the press, as always.
        #expect(rig.router.route(.key(source: O.ticketKeypad, code: key("KEY_KP1"))).ticketToPrint?.number.description == "A001")
        // KP5 (the start key, bound to nothing here) is held back and, short, does what it does: nothing.
        let short = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 300)
        #expect(short.events.isEmpty && short.ticketToPrint == nil)
        #expect(rig.output.says.isEmpty)
        #expect(rig.status("lay-so")?.active == false)
    }

    @Test func aDedicatedStartKeyStartsSpeechModeOnItsPressAndFiveIsThenJustAKey() throws {
        let rig = try Rig("speech-dedicated", speech: """
            [[speech]]
            terminal = "lay-so"
            place = "bên trái cửa ra vào"
            output = "speaker"
            start_key = "KEY_HELP"
            """)
        // Outside speech mode 5 is not held back: it is the keypad's own key (bound to nothing here).
        #expect(rig.router.route(.key(source: O.ticketKeypad, code: key("KEY_KP5"))).events.isEmpty)
        #expect(rig.router.route(.keyReleased(source: O.ticketKeypad, code: key("KEY_KP5"), heldMilliseconds: 1500)).events.isEmpty)
        #expect(rig.output.says.isEmpty)
        #expect(rig.router.route(.key(source: O.ticketKeypad, code: key("KEY_HELP"))).events == [.speechStarted(terminal: "lay-so")])
        #expect(rig.status("lay-so")?.step == "entrance-menu")
        // In speech mode a long 5 is item 5 of the menu, which has two.
        _ = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 1500)
        #expect(rig.output.lastPhrases == [.keyNotInMenu(.five)])
    }

    @Test func theStartKeyHeldStartsSpeechModeBeforeItIsReleased() throws {
        let rig = try Rig("speech-held")
        #expect(rig.router.route(.key(source: O.ticketKeypad, code: key("KEY_KP5"))).events.isEmpty)
        // The long-press timer's letter (posted by the desk after a second) starts it.
        var started = InputOutcome()
        try awaitMail(rig) { outcome in
            started.add(outcome)
            return !started.events.isEmpty
        }
        #expect(started.events == [.speechStarted(terminal: "lay-so")])
        let released = rig.router.route(.keyReleased(source: O.ticketKeypad, code: key("KEY_KP5"), heldMilliseconds: 1500))
        #expect(released.events.isEmpty)
        #expect(rig.output.says.count == 1, "the release of the start key says nothing more")
    }

    @Test(arguments: ["KEY_KP1", "KEY_KP4"])
    func onASpeakerNothingSaidAfterAnAnswerDependsOnTheChoice(_ choiceKey: String) throws {
        let rig = try Rig("speech-speaker-\(choiceKey)")
        _ = rig.press(Self.phonePad, key("KEY_KP5"), heldMilliseconds: 1100)
        let question = rig.office.config.survey.questions[0]
        #expect(rig.output.lastPhrases == [
            .ratingWelcome(counter: 1, place: "trước quầy một"),
            .ratingQuestion(text: question.text, choices: question.choices.map(\.label)),
        ])
        let answered = rig.press(Self.phonePad, key(choiceKey))
        #expect(answered.events.contains { if case .voteCounted(let terminal, _, 0, _) = $0 { terminal == "quay-1-danh-gia" } else { false } })
        let after = rig.output.lastPhrases
        // The default survey has one question: the rating is done.
        #expect(after == [.answerRecorded, .ratingFinished])
        for phrase in after {
            for choice in question.choices { #expect(!phrase.text.contains(choice.label), "\(phrase.text) names \(choice.label)") }
        }
        let votes = try rig.office.store.voteTallies(on: LocalDay(year: 2026, month: 12, day: 7)!)
        #expect(votes.map(\.count) == [1])

        // The free policy's lockout: a second rating at once is refused, and said so.
        _ = rig.press(Self.phonePad, key("KEY_KP5"), heldMilliseconds: 1100)
        _ = rig.press(Self.phonePad, key("KEY_KP2"))
        #expect(rig.output.lastPhrases.first == .ratingLockedOut)
        #expect(try rig.office.store.voteTallies(on: LocalDay(year: 2026, month: 12, day: 7)!).map(\.count) == [1])
    }

    @Test func withHeadphonesTheChoiceIsSaidBackAndCountedOnlyOnOneAfterTheStaffKey() throws {
        let rig = try Rig("speech-headphones")
        _ = rig.press(O.ratingKeypad, key("KEY_KP5"), heldMilliseconds: 1100)
        let question = rig.office.config.survey.questions[0]
        _ = rig.press(O.ratingKeypad, key("KEY_KP3"))
        #expect(rig.output.lastPhrases == [.choiceRepeated(question.choices[2].label)])
        #expect(rig.status("quay-2-danh-gia")?.step == "confirming", "the status never names the choice")
        // Not armed: refused, said so, nothing counted.
        let refused = rig.press(O.ratingKeypad, key("KEY_KP1"))
        #expect(refused.events == [.pressRejected(terminal: "quay-2-danh-gia", kind: .whileUnarmed)])
        #expect(rig.output.lastPhrases == [.ratingNotOpen, .choiceRepeated(question.choices[2].label)])
        // The staff key; then 1 commits the choice said back.
        _ = rig.router.route(.key(source: O.staffKeypad, code: key("KEY_KPENTER")))
        let counted = rig.press(O.ratingKeypad, key("KEY_KP1"))
        #expect(counted.events.contains { if case .voteCounted = $0 { true } else { false } })
        let votes = try rig.office.store.voteTallies(on: LocalDay(year: 2026, month: 12, day: 7)!)
        #expect(votes.map(\.key.choice) == [question.choices[2].id])
    }

    /// Staff open a new rating while a person is at the second question with headphones: the
    /// answer is not counted for a question that was not said; speech mode says so and follows
    /// the rating to its first question instead of refusing every answer until the person leaves.
    @Test func whenStaffOpenANewRatingMidwaySpeechModeFollowsItToTheFirstQuestion() throws {
        let rig = try Rig("speech-rating-moved", surveyPreset: "sipas5")
        let questions = rig.office.config.survey.questions
        let arm = { _ = rig.router.route(.key(source: O.staffKeypad, code: self.key("KEY_KPENTER"))) }
        arm()
        _ = rig.press(O.ratingKeypad, key("KEY_KP5"), heldMilliseconds: 1100)
        _ = rig.press(O.ratingKeypad, key("KEY_KP3"))
        #expect(rig.press(O.ratingKeypad, key("KEY_KP1")).events == [
            .voteCounted(terminal: "quay-2-danh-gia", question: questions[0].id, questionIndex: 0, completesRating: false)
        ])
        #expect(rig.output.lastPhrases == [.answerRecorded, .ratingQuestion(text: questions[1].text, choices: questions[1].choices.map(\.label))])

        arm()
        _ = rig.press(O.ratingKeypad, key("KEY_KP2"))
        let moved = rig.press(O.ratingKeypad, key("KEY_KP1"))
        #expect(!moved.events.contains { if case .voteCounted = $0 { true } else { false } })
        #expect(rig.output.lastPhrases == [.answerNotRecorded, .ratingQuestion(text: questions[0].text, choices: questions[0].choices.map(\.label))])

        _ = rig.press(O.ratingKeypad, key("KEY_KP4"))
        #expect(rig.press(O.ratingKeypad, key("KEY_KP1")).events == [
            .voteCounted(terminal: "quay-2-danh-gia", question: questions[0].id, questionIndex: 0, completesRating: false)
        ])
        let votes = try rig.office.store.voteTallies(on: LocalDay(year: 2026, month: 12, day: 7)!)
        #expect(votes.map(\.key.question) == [questions[0].id, questions[0].id], "nothing counted for the second question")
        #expect(Set(votes.map(\.key.choice)) == [questions[0].choices[2].id, questions[0].choices[3].id])
    }

    @Test func silenceWarnsThenEndsSpeechModeAndTheKeysAreTheTerminalsAgain() throws {
        let rig = try Rig("speech-timeout")
        _ = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 1100)
        // While it speaks, no time runs out.
        rig.clock.advance(seconds: 60)
        #expect(rig.deliver(.tick(terminal: "lay-so")).events.isEmpty)
        #expect(rig.output.says.count == 1)
        rig.finishSpeaking()
        rig.clock.advance(seconds: 21)
        _ = rig.deliver(.tick(terminal: "lay-so"))
        #expect(rig.output.lastPhrases == [.timeoutWarning])
        rig.finishSpeaking()
        rig.clock.advance(seconds: 11)
        let ended = rig.deliver(.tick(terminal: "lay-so"))
        #expect(ended.events == [.speechEnded(terminal: "lay-so", reason: "timed-out")])
        #expect(rig.output.lastPhrases == [.speechModeEnded])
        #expect(rig.status("lay-so")?.active == false)
        #expect(rig.router.route(.key(source: O.ticketKeypad, code: key("KEY_KP1"))).ticketToPrint != nil)
    }

    /// Speech that cannot be played ends the session at once and gives the keypad back, rather
    /// than holding it silently until the time-out; the problem is told once while it lasts.
    @Test func anAudioProblemEndsTheSessionAndIsToldOnce() throws {
        let rig = try Rig("speech-audio")
        _ = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 1100)
        let problem = "aplay: main:831: audio open error: No such file or directory"
        #expect(
            rig.deliver(.spoken(terminal: "lay-so", say: 1, problem: problem)).events
                == [.speechFailed(terminal: "lay-so", reason: problem), .speechEnded(terminal: "lay-so", reason: "audio-failed")])
        #expect(rig.status("lay-so")?.problem == problem)
        #expect(rig.status("lay-so")?.active == false)
        #expect(rig.output.lastPhrases != [.speechModeEnded], "nothing more is said on a device that does not play")
        #expect(rig.router.route(.key(source: O.ticketKeypad, code: key("KEY_KP1"))).ticketToPrint != nil, "the keypad is the terminal's again")

        _ = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 1100)
        #expect(rig.status("lay-so")?.active == true)
        #expect(rig.deliver(.spoken(terminal: "lay-so", say: 2, problem: problem)).events == [.speechEnded(terminal: "lay-so", reason: "audio-failed")])

        _ = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 1100)
        _ = rig.deliver(.spoken(terminal: "lay-so", say: 3, problem: nil))
        #expect(rig.status("lay-so")?.problem == nil)
        #expect(rig.status("lay-so")?.active == true, "a say that played keeps the session")
    }

    /// A failure of speech that a key has since replaced is not the session's: it goes on.
    @Test func aStaleSaysProblemDoesNotEndTheSession() throws {
        let rig = try Rig("speech-audio-stale")
        _ = rig.press(O.ticketKeypad, key("KEY_KP5"), heldMilliseconds: 1100)
        _ = rig.press(O.ticketKeypad, key("KEY_KP0"))
        let events = rig.deliver(.spoken(terminal: "lay-so", say: 1, problem: "aplay was killed by signal 9")).events
        #expect(!events.contains { if case .speechEnded = $0 { true } else { false } })
        #expect(rig.status("lay-so")?.active == true)
    }

    /// Reads the mail as it comes until `done` says so (the desk's own timers post it).
    private func awaitMail(_ rig: Rig, timeout: Double = 10, _ done: (InputOutcome) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if done(rig.router.route(.mail)) { return }
            usleep(20_000)
        }
        throw SpeechTestTimeout()
    }

    struct SpeechTestTimeout: Error {}
}
