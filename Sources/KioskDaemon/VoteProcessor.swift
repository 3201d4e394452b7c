import Foundation
import KioskCore
import KioskInput
import KioskProtocol
import KioskStore

/// Decides what each input means for the office and commits it before anyone is told.
///
/// Runs on the input thread: `handle` is called in event order. A vote goes
/// press → verdict (zones, press length) → vote policy → commit → state advances → acknowledgement.
/// If the commit fails the terminal's state does not advance and nothing is acknowledged.
final class VoteProcessor {
    private let config: OfficeConfig
    private let store: KioskDatabase
    private let clock: OfficeClock
    private var sessions: [String: RatingSession] = [:]
    /// Per armed terminal, the service of the ticket whose `done` armed it: the rating's votes are
    /// counted for that service (a service, never a ticket). Cleared when the rating completes or
    /// a plain `arm` key arms the terminal.
    private var ratedService: [String: String] = [:]
    private let queue: QueueDesk

    init(
        config: OfficeConfig, store: KioskDatabase, clock: OfficeClock
    ) {
        self.config = config
        self.store = store
        self.clock = clock
        queue = QueueDesk(config: config, store: store, clock: clock)
        for terminal in config.terminals {
            sessions[terminal.id] = RatingSession(terminal: terminal, survey: config.survey)
        }
    }

    struct Result {
        var events: [DaemonEvent] = []
        /// The device to blink: the vote came from it and is committed.
        var acknowledgeSource: Int?
    }

    /// - Throws: when a tally could not be committed; the input is then not counted.
    func handle(_ action: InputAction) throws -> Result {
        switch action {
        case .touch(let source, let press):
            guard let terminal = terminal(forSource: source) else { return Result() }
            switch TouchVerdict(press, limits: terminal.pressLimits, zones: terminal.zones) {
            case .choice(let slot):
                return try answer(terminal: terminal, slot: slot, source: source)
            case .rejected(let kind):
                return try reject(kind, terminal: terminal)
            }
        case .touchLost(let source, _):
            guard let terminal = terminal(forSource: source) else { return Result() }
            return try reject(.lostToOverflow, terminal: terminal)
        case .key(let source, let code):
            let device = config.devices[source]
            switch device.keys[code] {
            case .choice(let slot):
                guard let terminal = terminal(forSource: source) else { return Result() }
                return try answer(terminal: terminal, slot: slot, source: source)
            case .staff(.arm):
                guard case .staffKeypad(let counter) = device.role else { return Result() }
                return arm(counter: counter, source: source)
            case .staff(.queue(let command)):
                guard case .staffKeypad(let counter) = device.role else { return Result() }
                let outcome = try queue.handle(command, counter: counter)
                var result = outcome.armsRating ? arm(counter: counter, source: source, service: outcome.servedService) : Result()
                result.events = outcome.events + result.events
                if outcome.events.contains(where: { if case .queueKeyRefused = $0 { false } else { true } }) { result.acknowledgeSource = source }
                return result
            case .ticket, nil:
                return Result()  // ticket keys are the TicketDispenser's
            }
        case .connected(let source, let path, _):
            return Result(events: [.deviceConnected(path: path, role: config.devices[source].role.name)])
        case .disconnected(let source, let path, let reason):
            return Result(events: [.deviceDisconnected(path: path, role: config.devices[source].role.name, reason: reason)])
        case .warning, .refused, .libevdevMessage, .keyReleased, .mail:
            return Result()
        }
    }

    private func terminal(forSource source: Int) -> TerminalConfig? {
        config.devices[source].ratingTerminal.flatMap(config.terminal(id:))
    }

    private func answer(terminal: TerminalConfig, slot: Int, source: Int) throws -> Result {
        let now = clock.monotonicNow()
        let (outcome, next) = sessions[terminal.id]!.decide(choice: slot, at: now)
        switch outcome {
        case .rejected(let kind):
            return try reject(kind, terminal: terminal)
        case .answer(let questionIndex, let choiceSlot, let completes):
            return try count(terminal: terminal, questionIndex: questionIndex, choiceSlot: choiceSlot, completes: completes, next: next, source: source)
        }
    }

    private func count(
        terminal: TerminalConfig, questionIndex: Int, choiceSlot: Int, completes: Bool, next: RatingSession, source: Int?
    ) throws -> Result {
        let question = config.survey.questions[questionIndex]
        guard question.choices.indices.contains(choiceSlot - 1) else { return Result() }
        let choice = question.choices[choiceSlot - 1]
        try store.record(
            vote: VoteKey(
                day: today(), terminal: terminal.id, counter: terminal.counter, service: ratedService[terminal.id] ?? "",
                question: question.id, choice: choice.id, score: choice.score, satisfied: choice.satisfied))
        sessions[terminal.id] = next
        if completes { ratedService[terminal.id] = nil }
        return Result(
            events: [.voteCounted(terminal: terminal.id, question: question.id, questionIndex: questionIndex, completesRating: completes)],
            acknowledgeSource: source)
    }

    /// What became of an answer given in speech mode.
    enum SpeechAnswer {
        case counted(Result)
        /// The vote policy refused it (counted as a press like any refused one).
        case refused(RejectedPress, Result)
        /// The rating is at another question than the one said (`RatingSession.decide(choice:question:at:)`):
        /// the one it is at, nil for a terminal without a rating.
        case outOfStep(ratingAt: Int?)
    }

    /// Speech mode's answer to question `question` with choice slot `choice`, through the
    /// terminal's vote policy like a press on its screen.
    /// - Throws: when the tally could not be committed; the answer is then not counted.
    func speechAnswer(terminal id: String, question: Int, choice: Int) throws -> SpeechAnswer {
        guard let terminal = config.terminal(id: id), let session = sessions[id] else { return .outOfStep(ratingAt: nil) }
        guard let (outcome, next) = session.decide(choice: choice, question: question, at: clock.monotonicNow()) else {
            return .outOfStep(ratingAt: session.questionIndex)
        }
        switch outcome {
        case .rejected(let kind):
            return .refused(kind, try reject(kind, terminal: terminal))
        case .answer(let questionIndex, let choiceSlot, let completes):
            return .counted(try count(terminal: terminal, questionIndex: questionIndex, choiceSlot: choiceSlot, completes: completes, next: next, source: nil))
        }
    }

    private func reject(_ kind: RejectedPress, terminal: TerminalConfig) throws -> Result {
        try store.record(rejected: kind, terminal: terminal.id, day: today())
        return Result(events: [.pressRejected(terminal: terminal.id, kind: PressRejection(kind))])
    }

    private func arm(counter: String, source: Int, service: String? = nil) -> Result {
        let now = clock.monotonicNow()
        var result = Result()
        for terminal in config.terminals where terminal.counter == counter {
            guard case .armed(let window) = terminal.policy else { continue }
            sessions[terminal.id] = sessions[terminal.id]!.armed(at: now)
            ratedService[terminal.id] = service
            result.events.append(.armed(terminal: terminal.id, windowSeconds: window))
        }
        if !result.events.isEmpty { result.acknowledgeSource = source }
        return result
    }

    private func today() -> LocalDay {
        clock.today
    }
}
