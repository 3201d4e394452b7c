import KioskCore
import KioskInput
import KioskStore

/// Decides on the input thread which part of the office an action is for: speech mode first
/// (`SpeechDesk`: the keys of a terminal in speech mode, and its start key), then a press on an
/// entrance terminal's device issues a ticket (`TicketDispenser`); everything else goes to the
/// rating terminals and the counters' staff keys (`VoteProcessor`). Each commits before it
/// answers; what is to happen after the commit comes back as an `InputOutcome` for the daemon
/// to apply.
///
/// Confined to the input thread (the processor, the dispenser and speech mode keep per-terminal state).
final class InputRouter {
    private let devices: [DeviceConfig]
    private let dispenser: TicketDispenser
    private let processor: VoteProcessor
    private let speech: SpeechDesk?

    /// `config` with speech mode's own keypads among its devices (`withSpeechKeypadDevices`).
    init(config: OfficeConfig, store: KioskDatabase, clock: OfficeClock, speech: SpeechDesk? = nil) {
        devices = config.devices
        dispenser = TicketDispenser(config: config, store: store, clock: clock)
        processor = VoteProcessor(config: config, store: store, clock: clock)
        self.speech = speech
    }

    func route(_ action: InputAction) -> InputOutcome {
        guard let speech else { return routeDevice(action) }
        if case .mail = action {
            let mail = speech.readMail()
            var outcome = InputOutcome(events: mail.published)
            for (terminal, event) in mail.events { outcome.add(self.speech(event, terminal: terminal, desk: speech)) }
            return outcome
        }
        switch speech.intercept(action) {
        case .notSpeech: return routeDevice(action)
        case .swallowed: return InputOutcome()
        case .event(let terminal, let event): return self.speech(event, terminal: terminal, desk: speech)
        case .replay(let press): return routeDevice(press)
        }
    }

    /// One event of a terminal's speech session: its decision's commits first (a ticket, an
    /// answer), then the decision applied; a commit that did not go through leaves the session
    /// as it was and is told to it instead.
    private func speech(_ first: SpeechEvent, terminal: String, desk: SpeechDesk) -> InputOutcome {
        var outcome = InputOutcome()
        var next: SpeechEvent? = first
        while let event = next {
            next = nil
            let decision = desk.decide(event, terminal: terminal)
            for effect in decision.effects {
                switch effect {
                case .issueTicket(let choice):
                    do {
                        let result = try dispenser.issue(choice, terminal: terminal)
                        guard let ticket = result.issued else {
                            next = .commitFailed
                            break
                        }
                        outcome.add(InputOutcome(events: result.events, ticketToPrint: ticket, committed: true))
                        desk.awaitPrint(of: ticket, terminal: terminal)
                    } catch {
                        outcome.storeFailure = InputOutcome.Failure(message: "NO TICKET: speech mode at terminal \(terminal) could not commit a ticket: \(error)", error: error)
                        next = .commitFailed
                    }
                case .commitAnswer(let question, let choice, _):
                    do {
                        switch try processor.speechAnswer(terminal: terminal, question: question, choice: choice) {
                        case .counted(let result):
                            outcome.add(InputOutcome(events: result.events, committed: true))
                        case .refused(let kind, let result):
                            outcome.add(InputOutcome(events: result.events, committed: true))
                            next = .answerRefused(kind)
                        case .outOfStep(let ratingAt):
                            next = ratingAt.map { .ratingMoved(toQuestion: $0) } ?? .commitFailed
                        }
                    } catch {
                        outcome.storeFailure = InputOutcome.Failure(message: "NOT COUNTED: speech mode at terminal \(terminal) could not commit an answer: \(error)", error: error)
                        next = .commitFailed
                    }
                default:
                    break
                }
                if next != nil { break }
            }
            if next == nil { outcome.events += desk.apply(decision, terminal: terminal) }
        }
        return outcome
    }

    private func routeDevice(_ action: InputAction) -> InputOutcome {
        let press = Self.pressSource(action)
        if let source = press, dispenser.handles(source: source) {
            do {
                let result = try dispenser.handle(action)
                return InputOutcome(
                    events: result.events, ticketToPrint: result.issued, committed: result.issued != nil || !result.events.isEmpty)
            } catch {
                return InputOutcome(
                    failure: .init(message: "NO TICKET: a press on \(devices[source].path) could not be committed: \(error)", error: error))
            }
        }
        do {
            let result = try processor.handle(action)
            // A press that changed something was committed; other actions write nothing.
            return InputOutcome(
                events: result.events, acknowledge: result.acknowledgeSource, committed: press != nil && !result.events.isEmpty)
        } catch {
            return InputOutcome(
                failure: .init(message: "NOT COUNTED: a press on \(describe(action)) could not be committed: \(error)", error: error))
        }
    }

    private static func pressSource(_ action: InputAction) -> Int? {
        switch action {
        case .touch(let source, _), .key(let source, _): source
        case .touchLost, .keyReleased, .connected, .refused, .disconnected, .warning, .libevdevMessage, .mail: nil
        }
    }

    /// Names the device only: a logged position or key, with the log's timestamp, would tell
    /// which answer was given when.
    private func describe(_ action: InputAction) -> String {
        switch action {
        case .touch(let source, _), .touchLost(let source, _), .key(let source, _), .keyReleased(let source, _, _), .connected(let source, _, _),
            .refused(let source, _, _, _), .disconnected(let source, _, _), .warning(let source, _), .libevdevMessage(let source, _, _):
            devices[source].path
        case .mail:
            "speech mode"
        }
    }
}
