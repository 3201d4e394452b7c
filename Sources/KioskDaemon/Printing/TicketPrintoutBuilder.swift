import Foundation
import KioskCore
import KioskPrint
import KioskStore

/// What a stored ticket says on paper, from the office config.
struct TicketPrintoutBuilder {
    let config: OfficeConfig

    func printout(for ticket: StoredTicket, waitingAhead: Int) -> TicketPrintout {
        let service = config.service(id: ticket.service)
        let counters = config.counterNumbers(serving: ticket.service)
        let perMinute = Double(max(counters.count, 1)) / config.ticketing.minutesPerTicket
        let estimate = waitingAhead > 0 ? Int((Double(waitingAhead) / perMinute).rounded(.up)) : nil
        let number = ticket.number.description
        return TicketPrintout(
            officeName: config.office.name,
            serviceName: service?.name ?? ticket.service,
            number: number,
            issuedAt: ticket.issuedAt,
            timeZone: TimeZone(identifier: config.office.timeZone)!,
            waitingAhead: waitingAhead,
            estimatedWaitMinutes: estimate,
            counters: counters,
            priority: ticket.priority.isEmpty ? nil : ticket.priority,
            hotline: config.ticketing.hotline,
            qrURL: config.ticketing.qrURL(office: config.office.code, service: ticket.service, number: number, day: ticket.day))
    }
}
