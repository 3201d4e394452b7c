import KioskCore
import KioskInput
import KioskStore

/// Decides on the input thread which part of the office an action is for: a press on an entrance
/// terminal's device issues a ticket (`TicketDispenser`); everything else goes to the rating
/// terminals and the counters' staff keys (`VoteProcessor`). Each commits before it answers;
/// what is to happen after the commit comes back as an `InputOutcome` for the daemon to apply.
///
/// Confined to the input thread (the processor and the dispenser keep per-terminal state).
final class InputRouter {
    private let devices: [DeviceConfig]
    private let dispenser: TicketDispenser
    private let processor: VoteProcessor

    init(config: OfficeConfig, store: KioskDatabase, clock: OfficeClock) {
        devices = config.devices
        dispenser = TicketDispenser(config: config, store: store, clock: clock)
        processor = VoteProcessor(config: config, store: store, clock: clock)
    }

    func route(_ action: InputAction) -> InputOutcome {
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
        case .touchLost, .keyReleased, .connected, .refused, .disconnected, .warning, .libevdevMessage: nil
        }
    }

    /// Names the device only: a logged position or key, with the log's timestamp, would tell
    /// which answer was given when.
    private func describe(_ action: InputAction) -> String {
        switch action {
        case .touch(let source, _), .touchLost(let source, _), .key(let source, _), .keyReleased(let source, _, _), .connected(let source, _, _),
            .refused(let source, _, _, _), .disconnected(let source, _, _), .warning(let source, _), .libevdevMessage(let source, _, _):
            devices[source].path
        }
    }
}
