import Foundation
import KioskPrint
import KioskProtocol
import KioskStore

/// One thing for a printer's lane to do, in order.
enum PrintWork: Sendable {
    /// Print a committed ticket that awaits printing. A job CUPS still has for it from an earlier
    /// attempt is followed instead of sending the ticket again.
    case ticket(StoredTicket)
    /// Staff ask for a ticket once more (`kioskctl reprint`): always a new job.
    case reprint(StoredTicket)
    /// Print a slip; the reply says whether it printed.
    case slip(SlipPrintout, copies: Int, printer: String, reply: Reply<PrintResult>)
    case testPage(printer: String, reply: Reply<PrintResult>)
}

/// What a requested print came to.
struct PrintResult: Sendable, Equatable {
    var printer: String
    var job: Int32?
    var problem: PrintProblem?

    var outcome: PrintOutcome {
        PrintOutcome(printer: printer, printed: problem == nil, job: job.map(Int.init), problem: problem?.code, message: problem?.message)
    }
}

/// A one-shot answer from a print lane to a waiting caller.
final class Reply<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    func send(_ value: Value) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }

    /// The value, or nil when none came within `timeout` seconds.
    func wait(timeout: Double) -> Value? {
        let deadline = ThreadDeadline.after(timeout)
        condition.lock()
        defer { condition.unlock() }
        while value == nil {
            if !condition.wait(until: deadline) { break }
        }
        return value
    }
}
