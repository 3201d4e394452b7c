import Foundation
import KioskCore
import KioskPrint
import KioskStore

/// What a stored ticket says on paper, from the office config.
struct TicketPrintoutBuilder {
    let config: OfficeConfig
    let timeZone: TimeZone

    /// - Parameter estimatedWaitMinutes: from `QueueDesk.forecast`; nil prints none.
    func printout(for ticket: StoredTicket, waitingAhead: Int, estimatedWaitMinutes estimate: Int?) -> TicketPrintout {
        let service = config.service(id: ticket.service)
        let counters = config.counterNumbers(serving: ticket.service)
        let number = ticket.number.description
        return TicketPrintout(
            officeName: config.office.name,
            serviceName: service?.name ?? ticket.service,
            number: number,
            issuedAt: ticket.issuedAt,
            timeZone: timeZone,
            waitingAhead: waitingAhead,
            estimatedWaitMinutes: estimate,
            counters: counters,
            priority: ticket.priority.isEmpty ? nil : ticket.priority,
            hotline: config.ticketing.hotline,
            qrURL: config.ticketing.qrURL(office: config.office.code, service: ticket.service, number: number, day: ticket.day))
    }
}
