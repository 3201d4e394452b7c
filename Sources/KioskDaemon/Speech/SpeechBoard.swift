import KioskCore
import KioskProtocol
import Synchronization

/// Speech mode's state per terminal for `kioskctl status`: written by the input thread after
/// each decision, read by the control socket's.
final class SpeechBoard: Sendable {
    private let states: Mutex<[StatusReport.Speech]>

    init(configs: [SpeechConfig]) {
        states = Mutex(configs.map { StatusReport.Speech(terminal: $0.terminal, output: $0.output.rawValue, device: $0.device, active: false) })
    }

    func report() -> [StatusReport.Speech] {
        states.withLock { $0 }
    }

    func note(terminal: String, session: SpeechSession, script: SpeechScript) {
        update(terminal) { state in
            state.active = session.isActive
            state.step = Self.step(session, script)
        }
    }

    func note(terminal: String, problem: String?) {
        update(terminal) { $0.problem = problem }
    }

    private func update(_ terminal: String, _ change: (inout StatusReport.Speech) -> Void) {
        states.withLock { states in
            guard let index = states.firstIndex(where: { $0.terminal == terminal }) else { return }
            change(&states[index])
        }
    }

    /// Where the session is, never what was chosen.
    static func step(_ session: SpeechSession, _ script: SpeechScript) -> String? {
        guard session.isActive else { return nil }
        if session.inSettings { return "settings" }
        switch session.step {
        case .off: return nil
        case .entranceMenu: return "entrance-menu"
        case .priorityMenu: return "priority-menu"
        case .ticketPending: return "ticket-printing"
        case .ticket: return "ticket"
        case .question(let index):
            guard case .rating(_, _, let questions) = script else { return "question" }
            return "question \(index + 1)/\(questions.count)"
        case .confirming: return "confirming"
        case .ratingDone: return "rating-done"
        }
    }
}
