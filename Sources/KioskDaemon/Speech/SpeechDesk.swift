import Foundation
import KioskCore
import KioskInput
import KioskProtocol
import KioskStore
import Logging

/// Speech mode of the terminals that have it (`[[speech]]`), on the input thread: it takes the
/// keys of their keypads while a session runs (and a press of the start key before it does),
/// turns them into `SpeechEvent`s for the terminal's `SpeechSession`, and applies the decisions
/// the router lets through (after their commits) by speaking through `SpeechOutput`.
///
/// Keys act on their release, when how long they were held is known, except that any key in
/// speech mode stops the speech at once on its press, and a key that starts speech mode when
/// held starts it as soon as it has been held long enough. Outside speech mode a short press of
/// that key does what it always does, on its release.
///
/// Never logs a key or a phrase: on headphones a phrase names the choice made.
final class SpeechDesk {
    private let config: OfficeConfig
    private let output: any SpeechOutput
    private let clock: OfficeClock
    private let mail: SpeechMail
    let board: SpeechBoard
    private let logger: Logger
    private var terminals: [String: Terminal] = [:]
    /// Keys down on speech keypads, by device and key code.
    private var down: [PressKey: Press] = [:]
    private var pressCount = 0

    private struct Terminal {
        let config: SpeechConfig
        let script: SpeechScript
        var session: SpeechSession
        /// Numbers each `say`, so that the end of one that was interrupted is not taken for the
        /// end of the one that followed it.
        var says = 0
        /// The ticket issued in speech mode, said once its print has ended.
        var awaitingPrint: (number: String, ticket: SpokenTicket)?
        var problem: String?
    }

    private struct PressKey: Hashable {
        var source: Int
        var code: UInt16
    }

    private struct Press {
        var id: Int
        var terminal: String
        var key: PhoneKey
        /// Speech mode's, or deferred: the start key pressed outside speech mode, which is the
        /// terminal's own key if released early.
        var deferred: Bool
        /// Already taken as the start key (held long enough): its release is swallowed.
        var started = false
    }

    /// What an input action is for.
    enum Interception {
        case notSpeech
        /// Taken by speech mode, nothing to decide yet (a key's press).
        case swallowed
        case event(terminal: String, SpeechEvent)
        /// A press the start key held back, short after all: the terminal's own.
        case replay(InputAction)
    }

    init(config: OfficeConfig, output: any SpeechOutput, clock: OfficeClock, mail: SpeechMail, logger: Logger) {
        self.config = config
        self.output = output
        self.clock = clock
        self.mail = mail
        self.logger = logger
        board = SpeechBoard(configs: config.speech)
        for speech in config.speech {
            guard let script = SpeechScript(office: config, speech: speech) else { continue }
            terminals[speech.terminal] = Terminal(config: speech, script: script, session: SpeechSession(config: speech))
        }
    }

    var isEmpty: Bool { terminals.isEmpty }

    func intercept(_ action: InputAction) -> Interception {
        switch action {
        case .key(let source, let code):
            let device = config.devices[source]
            guard !device.role.isTouchscreen, let id = device.terminal, let terminal = terminals[id] else { return .notSpeech }
            if case .dedicated(let start) = terminal.config.startKey, start == code { return .event(terminal: id, .startKey) }
            guard let key = config.phoneKeys(ofDevice: device, speech: terminal.config)[code] else { return .notSpeech }
            let isStartKey = terminal.config.startKey == .longPress(key)
            if terminal.session.isActive {
                output.stop(terminal: id)
            } else if !isStartKey {
                return .notSpeech
            }
            pressCount += 1
            down[PressKey(source: source, code: code)] = Press(id: pressCount, terminal: id, key: key, deferred: !terminal.session.isActive)
            if isStartKey {
                let press = pressCount
                DispatchQueue.global().asyncAfter(deadline: .now() + terminal.config.longPressSeconds) { [mail] in
                    mail.post(.longPressDue(terminal: id, press: press))
                }
            }
            return .swallowed
        case .keyReleased(let source, let code, let heldMilliseconds):
            guard let press = down.removeValue(forKey: PressKey(source: source, code: code)) else { return .notSpeech }
            if press.started { return .swallowed }
            let held = Double(heldMilliseconds) / 1000
            let terminal = terminals[press.terminal]!
            if press.deferred && !terminal.session.isActive && held < terminal.config.longPressSeconds {
                return .replay(.key(source: source, code: code))
            }
            return .event(terminal: press.terminal, .key(press.key, heldSeconds: held))
        case .disconnected(let source, _, _):
            // A key held while its device went away reports no release.
            down = down.filter { $0.key.source != source }
            return .notSpeech
        default:
            return .notSpeech
        }
    }

    /// The letters that came meanwhile, as events for their sessions, and `speech-failed` for
    /// an audio problem that is new.
    func readMail() -> (events: [(terminal: String, event: SpeechEvent)], published: [DaemonEvent]) {
        var events: [(terminal: String, event: SpeechEvent)] = []
        var published: [DaemonEvent] = []
        for letter in mail.take() {
            switch letter {
            case .tick(let id):
                events.append((id, .tick))
            case .longPressDue(let id, let pressID):
                guard let (key, press) = down.first(where: { $0.value.id == pressID }), !press.started else { continue }
                down[key]?.started = true
                let held = terminals[id]!.config.longPressSeconds
                events.append((id, .key(press.key, heldSeconds: held)))
            case .spoken(let id, let say, let problem):
                guard var terminal = terminals[id] else { continue }
                if problem != terminal.problem {
                    terminal.problem = problem
                    board.note(terminal: id, problem: problem)
                    if let problem { published.append(.speechFailed(terminal: id, reason: problem)) }
                }
                terminals[id] = terminal
                if say == terminal.says { events.append((id, problem == nil ? .speechFinished : .audioFailed)) }
            case .printed(let id, let number, let printed):
                guard var terminal = terminals[id], let awaiting = terminal.awaitingPrint, awaiting.number == number else { continue }
                terminal.awaitingPrint = nil
                terminals[id] = terminal
                var ticket = awaiting.ticket
                ticket.printed = printed
                events.append((id, .ticketIssued(ticket)))
            }
        }
        return (events, published)
    }

    func decide(_ event: SpeechEvent, terminal id: String) -> SpeechSession.Decision {
        let terminal = terminals[id]!
        return terminal.session.decide(event, config: terminal.config, script: terminal.script, at: clock.monotonicNow())
    }

    /// Applies a decision whose commits went through: the new session, then what it says and
    /// does. Returns the events to publish.
    func apply(_ decision: SpeechSession.Decision, terminal id: String) -> [DaemonEvent] {
        guard var terminal = terminals[id] else { return [] }
        terminal.session = decision.next
        var events: [DaemonEvent] = []
        for effect in decision.effects {
            switch effect {
            case .stopSpeech:
                output.stop(terminal: id)
            case .speak(let phrases):
                terminal.says += 1
                let say = terminal.says
                output.say(
                    phrases, terminal: id, volume: decision.next.volume, rate: decision.next.rate,
                    finished: { [mail] in mail.post(.spoken(terminal: id, say: say, problem: nil)) },
                    failed: { [mail] problem in mail.post(.spoken(terminal: id, say: say, problem: problem)) })
            case .started:
                events.append(.speechStarted(terminal: id))
            case .ended(let reason):
                terminal.awaitingPrint = nil
                down = down.filter { $0.value.terminal != id }
                events.append(.speechEnded(terminal: id, reason: reason.name))
            case .issueTicket, .commitAnswer, .setVolume, .setRate:
                break  // commits are the router's; the levels go with each `say`
            }
        }
        terminals[id] = terminal
        board.note(terminal: id, session: terminal.session, script: terminal.script)
        scheduleTick(terminal)
        return events
    }

    /// After a ticket issued in speech mode: its number is said when its print has ended.
    func awaitPrint(of ticket: StoredTicket, terminal id: String) {
        let counters = config.counters.filter { $0.services.contains(ticket.service) }.map(\.number).sorted()
        let spoken = SpokenTicket(
            number: ticket.number.description, service: config.service(id: ticket.service)?.name ?? ticket.service, counters: counters,
            ahead: ticket.forecast.ahead)
        terminals[id]?.awaitingPrint = (ticket.number.description, spoken)
    }

    private func scheduleTick(_ terminal: Terminal) {
        guard let deadline = terminal.session.nextDeadline(terminal.config) else { return }
        let id = terminal.config.terminal
        let delay = max(0, deadline - clock.monotonicNow())
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [mail] in mail.post(.tick(terminal: id)) }
    }
}
