import KioskInput
import Synchronization

/// What reaches speech mode from other threads: its timers, the player, the printer. Each letter
/// waits here and the input thread is rung (`InputMailbox`), which reads them in order with
/// everything else speech mode does, so the sessions stay confined to that thread.
final class SpeechMail: Sendable {
    enum Letter: Sendable, Equatable {
        /// A session's deadline (its silence warning or end) may have come.
        case tick(terminal: String)
        /// A key that starts speech mode when held has been down long enough, if still down.
        case longPressDue(terminal: String, press: Int)
        /// The `say` numbered `say` played to its end, or could not be played (`problem`).
        case spoken(terminal: String, say: Int, problem: String?)
        /// The ticket's print ended: out of the printer, or kept.
        case printed(terminal: String, number: String, printed: Bool)
    }

    private let letters = Mutex<[Letter]>([])
    private let mailbox: InputMailbox

    init(mailbox: InputMailbox) {
        self.mailbox = mailbox
    }

    func post(_ letter: Letter) {
        letters.withLock { $0.append(letter) }
        mailbox.ring()
    }

    func take() -> [Letter] {
        letters.withLock { letters in
            defer { letters = [] }
            return letters
        }
    }
}
