/// Speech mode of one terminal as a pure state machine, in the style of `RatingSession`:
/// `decide` returns the next state and the effects, and changes nothing. The daemon applies the
/// next state only after the effects' commit (a ticket, an answer) went through; when it did not,
/// it keeps this session and sends `.commitFailed`. Times are seconds on a monotonic clock the
/// caller passes in.
///
/// Key map (ADA 2010 §707.5–707.8, EN 301 549 5.1.3.16) on the 12-key telephone layout:
///
/// | key | outside speech mode | in speech mode |
/// |---|---|---|
/// | start key: long press of 5 (default) or a dedicated key | starts speech mode | starts over from the first menu |
/// | 1–9 | not speech mode's (the terminal's own use) | chooses item N of the menu being said |
/// | while a ticket prints | — | every key but # says that it prints |
/// | 0 | — | says the current menu or the ticket again |
/// | * | — | back: priority menu → service menu, ticket → service menu, confirmation → cancel, settings → leave; in a top menu (services, a question, the end of a rating) it ends speech mode |
/// | # | — | the settings menu; in it 2 louder, 8 quieter, 4 slower, 6 faster, # or * back |
/// | confirmation (headphones) | — | 1 commits the choice said back, * cancels it |
///
/// Any key in speech mode first stops what is playing. On a speaker nothing said after an answer
/// depends on the choice (people nearby hear it); with headphones the choice is said back and
/// committed only on 1. Speech mode ends after `silenceTimeoutSeconds` without a key while
/// nothing is playing, with a warning `warningLeadSeconds` before.
public struct SpeechSession: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case off
        case entranceMenu
        /// The priority menu of the script's service at this index.
        case priorityMenu(service: Int)
        case ticketPending(TicketChoice)
        case ticket(SpokenTicket)
        case question(Int)
        case confirming(question: Int, choice: Int)
        case ratingDone
    }

    public struct Decision: Sendable, Equatable {
        public var next: SpeechSession
        public var effects: [SpeechEffect]
        /// Whether speech mode took the key; a key it did not take is the terminal's as usual.
        public var consumed: Bool

        public init(next: SpeechSession, effects: [SpeechEffect], consumed: Bool) {
            self.next = next
            self.effects = effects
            self.consumed = consumed
        }
    }

    public private(set) var step: Step = .off
    /// The settings menu (volume, rate) is open over `step`.
    public private(set) var inSettings = false
    public private(set) var volume: Int
    public private(set) var rate: Int
    /// When the silence that ends speech mode began: the last key, or the end of the last speech.
    public private(set) var silenceSince: Double?
    public private(set) var speaking = false
    public private(set) var warned = false

    public init(config: SpeechConfig) {
        volume = config.volume
        rate = config.rate
    }

    public var isActive: Bool { step != .off }

    public static func warningLeadSeconds(_ config: SpeechConfig) -> Double {
        min(10, config.silenceTimeoutSeconds / 2)
    }

    /// When to send the next `.tick`: the warning, then the end; nil while off or speaking.
    public func nextDeadline(_ config: SpeechConfig) -> Double? {
        guard isActive, !speaking, let silenceSince else { return nil }
        let end = silenceSince + config.silenceTimeoutSeconds
        return warned ? end : end - Self.warningLeadSeconds(config)
    }

    public func decide(_ event: SpeechEvent, config: SpeechConfig, script: SpeechScript, at now: Double) -> Decision {
        var next = self
        let effects: [SpeechEffect]
        switch event {
        case .startKey:
            effects = next.start(config: config, script: script, at: now)
        case .key(let key, let held):
            let isStart = config.startKey == .longPress(key) && held >= config.longPressSeconds
            if isStart {
                effects = next.start(config: config, script: script, at: now)
            } else if isActive {
                next.silenceSince = now
                next.warned = false
                effects = [.stopSpeech] + next.press(key, config: config, script: script)
            } else {
                return Decision(next: self, effects: [], consumed: false)
            }
        case .tick:
            effects = next.tick(config: config, at: now)
        case .speechFinished:
            guard isActive else { return Decision(next: self, effects: [], consumed: false) }
            next.speaking = false
            if !warned { next.silenceSince = now }
            effects = []
        case .audioFailed:
            guard isActive else { return Decision(next: self, effects: [], consumed: false) }
            next.step = .off
            next.inSettings = false
            effects = [.stopSpeech, .ended(.audioFailed)]
        case .ticketIssued(let ticket):
            // Said even when a key moved on while the ticket printed: it is this person's number.
            guard isActive else { return Decision(next: self, effects: [], consumed: false) }
            next.step = .ticket(ticket)
            next.inSettings = false
            effects = [.stopSpeech, .speak(next.prompt(script))]
        case .commitFailed:
            guard isActive else { return Decision(next: self, effects: [], consumed: false) }
            let failure: SpeechPhrase = if case .rating = script { .answerNotRecorded } else { .ticketNotIssued }
            effects = [.stopSpeech, .speak([failure] + prompt(script))]
        case .ratingMoved(let question):
            guard isActive else { return Decision(next: self, effects: [], consumed: false) }
            if case .rating(_, _, let questions) = script, questions.indices.contains(question) {
                next.step = .question(question)
                next.inSettings = false
            }
            effects = [.stopSpeech, .speak([.answerNotRecorded] + next.prompt(script))]
        case .answerRefused(let kind):
            guard isActive else { return Decision(next: self, effects: [], consumed: false) }
            let refusal: SpeechPhrase = kind == .duringLockout ? .ratingLockedOut : .ratingNotOpen
            effects = [.stopSpeech, .speak([refusal] + prompt(script))]
        }
        if effects.contains(where: { if case .speak = $0 { true } else { false } }) { next.speaking = next.isActive }
        if !next.isActive { next.silenceSince = nil; next.speaking = false; next.warned = false }
        return Decision(next: next, effects: effects, consumed: true)
    }

    private mutating func start(config: SpeechConfig, script: SpeechScript, at now: Double) -> [SpeechEffect] {
        var effects: [SpeechEffect] = [.stopSpeech]
        if !isActive {
            volume = config.volume
            rate = config.rate
            effects += [.started, .setVolume(volume), .setRate(rate)]
        }
        inSettings = false
        silenceSince = now
        warned = false
        switch script {
        case .entrance:
            step = .entranceMenu
            effects.append(.speak(prompt(script)))
        case .rating(let counter, let place, _):
            step = .question(0)
            effects.append(.speak([.ratingWelcome(counter: counter, place: place)] + prompt(script)))
        }
        return effects
    }

    private mutating func tick(config: SpeechConfig, at now: Double) -> [SpeechEffect] {
        guard let deadline = nextDeadline(config), now >= deadline else { return [] }
        if warned || now >= silenceSince! + config.silenceTimeoutSeconds {
            return [.stopSpeech] + end(.timedOut)
        }
        warned = true
        return [.speak([.timeoutWarning])]
    }

    private mutating func end(_ reason: SpeechEnd) -> [SpeechEffect] {
        step = .off
        inSettings = false
        return [.speak([.speechModeEnded]), .ended(reason)]
    }

    /// What `0` says again: the menu, question or ticket of the current step.
    public func prompt(_ script: SpeechScript) -> [SpeechPhrase] {
        if inSettings { return [.settingsMenu] }
        switch (step, script) {
        case (.entranceMenu, .entrance(let place, let services)):
            var priorities: [String] = []
            for case let priority? in services.flatMap(\.priorities) where !priorities.contains(priority) { priorities.append(priority) }
            return [.entranceMenu(place: place, services: services.map(\.name), priorityChoices: priorities)]
        case (.priorityMenu(let index), .entrance(_, let services)):
            return [.priorityMenu(service: services[index].name, choices: services[index].priorities)]
        case (.ticketPending, _):
            return [.ticketPrinting]
        case (.ticket(let ticket), _):
            return [.ticketIssued(number: ticket.number, service: ticket.service, counters: ticket.counters, ahead: ticket.ahead, printed: ticket.printed)]
        case (.question(let index), .rating(_, _, let questions)):
            return [.ratingQuestion(text: questions[index].text, choices: questions[index].choices)]
        case (.confirming(let question, let choice), .rating(_, _, let questions)):
            return [.choiceRepeated(questions[question].choices[choice - 1])]
        case (.ratingDone, _):
            return [.answerRecorded, .ratingFinished]
        default:
            return []
        }
    }

    private mutating func press(_ key: PhoneKey, config: SpeechConfig, script: SpeechScript) -> [SpeechEffect] {
        if inSettings { return adjust(key, script: script) }
        switch key {
        case .zero:
            return [.speak(prompt(script))]
        case .pound:
            inSettings = true
            return [.speak(prompt(script))]
        default:
            break
        }
        switch (step, script) {
        case (.entranceMenu, .entrance(_, let services)):
            if key == .star { return end(.byUser) }
            guard let number = key.menuNumber, number <= services.count else { return notInMenu(key) }
            let service = services[number - 1]
            if service.priorities.count == 1 { return issue(TicketChoice(service: service.id, priority: service.priorities[0])) }
            step = .priorityMenu(service: number - 1)
            return [.speak(prompt(script))]
        case (.priorityMenu(let index), .entrance(_, let services)):
            if key == .star { return back(to: .entranceMenu, script) }
            let priorities = services[index].priorities
            guard let number = key.menuNumber, number <= priorities.count else { return notInMenu(key) }
            return issue(TicketChoice(service: services[index].id, priority: priorities[number - 1]))
        case (.ticketPending, _):
            return [.speak(prompt(script))]
        case (.ticket, _):
            return key == .star ? back(to: .entranceMenu, script) : notInMenu(key)
        case (.question(let index), .rating(_, _, let questions)):
            if key == .star { return end(.byUser) }
            guard let number = key.menuNumber, number <= questions[index].choices.count else { return notInMenu(key) }
            if config.output == .headphones {
                step = .confirming(question: index, choice: number)
                return [.speak(prompt(script))]
            }
            return commit(question: index, choice: number, script: script)
        case (.confirming(let question, let choice), _):
            if key == .one { return commit(question: question, choice: choice, script: script) }
            if key == .star {
                step = .question(question)
                return [.speak([.answerCancelled] + prompt(script))]
            }
            return notInMenu(key)
        case (.ratingDone, _):
            return key == .star ? end(.byUser) : notInMenu(key)
        default:
            return notInMenu(key)
        }
    }

    private mutating func adjust(_ key: PhoneKey, script: SpeechScript) -> [SpeechEffect] {
        let levels = SpeechConfig.levels
        switch key {
        case .two, .eight:
            let level = min(max(volume + (key == .two ? 1 : -1), levels.lowerBound), levels.upperBound)
            defer { volume = level }
            return (level == volume ? [] : [.setVolume(level)]) + [.speak([.volume(level)])]
        case .four, .six:
            let level = min(max(rate + (key == .six ? 1 : -1), levels.lowerBound), levels.upperBound)
            defer { rate = level }
            return (level == rate ? [] : [.setRate(level)]) + [.speak([.rate(level)])]
        case .star, .pound:
            inSettings = false
            return [.speak(prompt(script))]
        case .zero:
            return [.speak(prompt(script))]
        default:
            return notInMenu(key)
        }
    }

    private mutating func back(to target: Step, _ script: SpeechScript) -> [SpeechEffect] {
        step = target
        return [.speak(prompt(script))]
    }

    private mutating func issue(_ choice: TicketChoice) -> [SpeechEffect] {
        step = .ticketPending(choice)
        return [.issueTicket(choice), .speak([.ticketPrinting])]
    }

    private mutating func commit(question: Int, choice: Int, script: SpeechScript) -> [SpeechEffect] {
        guard case .rating(_, _, let questions) = script else { return [] }
        let completes = question + 1 == questions.count
        step = completes ? .ratingDone : .question(question + 1)
        let after: [SpeechPhrase] = completes ? [.answerRecorded, .ratingFinished] : [.answerRecorded] + prompt(script)
        return [.commitAnswer(questionIndex: question, choice: choice, completesRating: completes), .speak(after)]
    }

    private func notInMenu(_ key: PhoneKey) -> [SpeechEffect] {
        [.speak([.keyNotInMenu(key)])]
    }
}
