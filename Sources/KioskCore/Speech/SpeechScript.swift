/// What a terminal offers in speech mode, taken from the office config: the entrance's services
/// and priority classes, or the counter and the survey's questions.
public enum SpeechScript: Sendable, Equatable {
    case entrance(place: String, services: [EntranceService])
    case rating(counter: Int, place: String, questions: [SpokenQuestion])

    /// A service on the entrance menu, and the tickets it can be taken as: nil is a regular ticket.
    public struct EntranceService: Sendable, Equatable {
        public var id: String
        public var name: String
        public var priorities: [String?]

        public init(id: String, name: String, priorities: [String?] = [nil]) {
            self.id = id
            self.name = name
            self.priorities = priorities
        }
    }

    public struct SpokenQuestion: Sendable, Equatable {
        public var text: String
        public var choices: [String]

        public init(text: String, choices: [String]) {
            self.text = text
            self.choices = choices
        }
    }

    /// The script of a terminal that has speech config, or nil when the terminal is unknown.
    /// The entrance menu lists the services of the terminal's touch zones and keypad keys in
    /// that order, at most nine (keys 1–9).
    public init?(office: OfficeConfig, speech: SpeechConfig) {
        if let terminal = office.ticketTerminal(id: speech.terminal) {
            let keyChoices = office.devices.filter { $0.ticketTerminal == terminal.id }.flatMap { device in
                device.keys.sorted { $0.key < $1.key }.compactMap { entry -> TicketChoice? in
                    if case .ticket(let choice) = entry.value { return choice }
                    return nil
                }
            }
            var services: [EntranceService] = []
            for choice in terminal.zones.map(\.choice) + keyChoices {
                if let index = services.firstIndex(where: { $0.id == choice.service }) {
                    if !services[index].priorities.contains(choice.priority) { services[index].priorities.append(choice.priority) }
                } else if services.count < 9 {
                    let name = office.service(id: choice.service)?.name ?? choice.service
                    services.append(EntranceService(id: choice.service, name: name, priorities: [choice.priority]))
                }
            }
            self = .entrance(place: speech.place ?? office.office.name, services: services)
        } else if let terminal = office.terminal(id: speech.terminal), let counter = office.counter(id: terminal.counter) {
            let questions = office.survey.questions.map { SpokenQuestion(text: $0.text, choices: $0.choices.map(\.label)) }
            self = .rating(counter: counter.number, place: speech.place ?? office.office.name, questions: questions)
        } else {
            return nil
        }
    }
}
