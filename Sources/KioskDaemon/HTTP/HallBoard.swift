import Foundation
import KioskCore
import KioskProtocol

/// What the hall display shows, read from the queue as stored: each counter's number, name and
/// current ticket (called or being served) or pause, how many wait per service, and whether each
/// printer prints (the ticket screens tell citizens when it does not).
struct HallBoard: Sendable {
    let config: OfficeConfig
    let queue: QueueDesk
    let printers: PrinterBoard
    let clock: OfficeClock

    var officeName: String { config.office.name }

    func snapshot() throws -> HallSnapshot {
        let floor = try queue.floor(day: clock.numberingDay)
        let counters = config.counters.map { counter in
            let current = floor.current(at: counter.id)
            let state: HallSnapshot.Counter.State =
                switch current?.state {
                case .some(.called): .called
                case .some(.serving): .serving
                default: .idle
                }
            return HallSnapshot.Counter(
                id: counter.id, number: counter.number, name: counter.name, paused: floor.counters[counter.id]?.paused ?? false,
                current: current?.number.description, state: state)
        }
        let services = config.services.map { service in
            HallSnapshot.Service(id: service.id, letter: service.letter, name: service.name, waiting: floor.waiting(for: service.id).count)
        }
        return HallSnapshot(office: config.office.name, counters: counters, services: services, printers: printers.screenStates())
    }
}
