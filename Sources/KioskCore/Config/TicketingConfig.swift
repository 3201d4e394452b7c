import Foundation

/// How queue tickets are numbered and what they say besides the number.
public struct TicketingConfig: Sendable, Equatable {
    /// Local hour (0–23) at which every service's numbering restarts at 1.
    public var resetHour: Int
    /// The hotline for feedback and complaints printed on every ticket.
    public var hotline: String
    /// URL printed as a QR code; `{office}`, `{service}`, `{number}` and `{day}` are replaced.
    public var qrURLTemplate: String?
    /// Minutes one citizen takes at a counter, for the estimated wait until measured times exist.
    public var minutesPerTicket: Double
    /// How many times a ticket may be called (the first call and the recalls) before staff must mark it no-show.
    public var maximumCalls: Int

    public init(resetHour: Int, hotline: String, qrURLTemplate: String?, minutesPerTicket: Double, maximumCalls: Int = 3) {
        self.resetHour = resetHour
        self.hotline = hotline
        self.qrURLTemplate = qrURLTemplate
        self.minutesPerTicket = minutesPerTicket
        self.maximumCalls = maximumCalls
    }

    public static let defaults = TicketingConfig(resetHour: 0, hotline: "", qrURLTemplate: nil, minutesPerTicket: 10, maximumCalls: 3)

    /// The QR code's URL for a ticket, or nil when the office has no template.
    public func qrURL(office: String, service: String, number: String, day: LocalDay) -> String? {
        qrURLTemplate.map { template in
            template
                .replacingOccurrences(of: "{office}", with: office)
                .replacingOccurrences(of: "{service}", with: service)
                .replacingOccurrences(of: "{number}", with: number)
                .replacingOccurrences(of: "{day}", with: day.description)
        }
    }

    public static let placeholders = ["{office}", "{service}", "{number}", "{day}"]
}
