import KioskCore

/// Terminals, scripts and a driver for the speech session tests.
enum SpeechFixtures {
    static let speaker = SpeechConfig(terminal: "lay-so", output: .speaker)
    static let headphones = SpeechConfig(terminal: "danh-gia", output: .headphones)

    static let entrance = SpeechScript.entrance(
        place: "bên phải cửa ra vào",
        services: [
            .init(id: "ho-tich", name: "Tư pháp – Hộ tịch"),
            .init(id: "dat-dai", name: "Đất đai", priorities: [nil, "Người cao tuổi"]),
        ])

    static let choices = ["Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Không hài lòng"]
    static let rating = SpeechScript.rating(
        counter: 15, place: "tầng một",
        questions: [.init(text: "Thái độ của cán bộ?", choices: choices), .init(text: "Thời gian chờ?", choices: choices)])

    static let entranceMenu = SpeechPhrase.entranceMenu(
        place: "bên phải cửa ra vào", services: ["Tư pháp – Hộ tịch", "Đất đai"], priorityChoices: ["Người cao tuổi"])
    static let firstQuestion = SpeechPhrase.ratingQuestion(text: "Thái độ của cán bộ?", choices: choices)
    static let secondQuestion = SpeechPhrase.ratingQuestion(text: "Thời gian chờ?", choices: choices)
    static let ticket = SpokenTicket(number: "B012", service: "Đất đai", counters: [2, 3], ahead: 4)

    static func press(_ key: PhoneKey) -> SpeechEvent { .key(key, heldSeconds: 0.1) }
    static let longFive = SpeechEvent.key(.five, heldSeconds: 1.2)

    /// Applies each event's decision in turn, one second apart from `start`; the last decision and the state after it.
    static func drive(
        _ events: [SpeechEvent], config: SpeechConfig, script: SpeechScript, from session: SpeechSession? = nil, start: Double = 100
    ) -> (last: SpeechSession.Decision, session: SpeechSession) {
        var session = session ?? SpeechSession(config: config)
        var last = SpeechSession.Decision(next: session, effects: [], consumed: false)
        for (offset, event) in events.enumerated() {
            last = session.decide(event, config: config, script: script, at: start + Double(offset))
            session = last.next
        }
        return (last, session)
    }

    /// Everything a list of effects says.
    static func spoken(_ effects: [SpeechEffect]) -> [SpeechPhrase] {
        effects.flatMap { effect -> [SpeechPhrase] in
            if case .speak(let phrases) = effect { return phrases }
            return []
        }
    }
}
