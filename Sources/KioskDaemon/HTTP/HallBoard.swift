import Foundation
import KioskCore
import KioskStore

/// What the hall display shows, read from the queue as stored: each counter's number, name and
/// current ticket (called or being served) or pause, how many wait per service, and whether each
/// printer prints (the ticket screens tell citizens when it does not).
struct HallBoard: Sendable {
    let config: OfficeConfig
    let store: KioskDatabase
    let printers: PrinterBoard

    var officeName: String { config.office.name }

    func json() throws -> String {
        let desk = QueueDesk(config: config, store: store, wallClock: { Date() })
        let day = NumberingDay.of(Date(), timeZone: TimeZone(identifier: config.office.timeZone)!, resetHour: config.ticketing.resetHour)
        let floor = try desk.floor(day: day)
        let counters: [[String: Any]] = config.counters.map { counter in
            let current = floor.current(at: counter.id)
            var state = "idle"
            if case .called = current?.state { state = "called" }
            if case .serving = current?.state { state = "serving" }
            return [
                "id": counter.id, "number": counter.number, "name": counter.name, "paused": floor.counters[counter.id]?.paused ?? false,
                "current": current?.number.description ?? NSNull(), "state": state,
            ]
        }
        let services: [[String: Any]] = config.services.map { service in
            ["id": service.id, "letter": service.letter, "name": service.name, "waiting": floor.waiting(for: service.id).count]
        }
        let data = try JSONSerialization.data(
            withJSONObject: ["office": config.office.name, "counters": counters, "services": services, "printers": printers.screenJSON()], options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
