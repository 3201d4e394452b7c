import Foundation
import KioskCore
import KioskPrint
import KioskStore

/// What a stored ticket says on paper, from the office config.
struct TicketPrintoutBuilder {
    let config: OfficeConfig
    let timeZone: TimeZone

    /// The wait printed is the one forecast when the ticket was issued (`StoredTicket.forecast`),
    /// as the `ticket-issued` event said it, however late the ticket is printed or reprinted.
    func printout(for ticket: StoredTicket) -> TicketPrintout {
        let service = config.service(id: ticket.service)
        let counters = config.counterNumbers(serving: ticket.service)
        let number = ticket.number.description
        return TicketPrintout(
            officeName: config.office.name,
            serviceName: service?.name ?? ticket.service,
            number: number,
            issuedAt: ticket.issuedAt,
            timeZone: timeZone,
            waitingAhead: ticket.forecast.ahead,
            estimatedWaitMinutes: ticket.forecast.minutes,
            counters: counters,
            priority: ticket.priority.isEmpty ? nil : ticket.priority,
            hotline: config.ticketing.hotline,
            qrURL: config.ticketing.qrURL(office: config.office.code, service: ticket.service, number: number, day: ticket.day))
    }
}
