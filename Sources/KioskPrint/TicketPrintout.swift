import Foundation

/// What a queue ticket says. Built by the daemon from the issued ticket and the office config;
/// rendered here to a 1-bit bitmap at the printer's width.
public struct TicketPrintout: Sendable, Equatable {
    /// The office, e.g. "UBND phường Hàng Trống".
    public var officeName: String
    /// The service ("lĩnh vực"), e.g. "Tư pháp – Hộ tịch".
    public var serviceName: String
    /// The ticket number, e.g. "A001".
    public var number: String
    public var issuedAt: Date
    /// The office's time zone; the date and time are printed in it.
    public var timeZone: TimeZone
    /// People waiting before this ticket in its service.
    public var waitingAhead: Int
    /// Estimated wait; nil prints no estimate.
    public var estimatedWaitMinutes: Int?
    /// Numbers of the counters that serve the service ("Quầy 1, 3"); empty prints no line.
    public var counters: [Int]
    /// Why the ticket has priority ("Người cao tuổi"), nil for none.
    public var priority: String?
    /// The hotline for feedback and complaints, printed in the footer.
    public var hotline: String
    /// A URL for the QR code (e.g. to follow the queue), nil for none.
    public var qrURL: String?

    public init(
        officeName: String, serviceName: String, number: String, issuedAt: Date,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!,
        waitingAhead: Int, estimatedWaitMinutes: Int?, counters: [Int], priority: String? = nil,
        hotline: String, qrURL: String? = nil
    ) {
        self.officeName = officeName
        self.serviceName = serviceName
        self.number = number
        self.issuedAt = issuedAt
        self.timeZone = timeZone
        self.waitingAhead = waitingAhead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.counters = counters
        self.priority = priority
        self.hotline = hotline
        self.qrURL = qrURL
    }

    /// The ticket as a 1-bit bitmap `width` dots wide (`PrinterWidth.mm58` = 384,
    /// `PrinterWidth.mm80` = 576). Long names wrap; the height is whatever the content needs.
    public func renderBitmap(width: Int = PrinterWidth.mm80) throws -> MonochromeBitmap {
        try PrinterWidth.check(width)
        let qr = try qrURL.map { try QRCode($0) }
        let metrics = TicketMetrics(width: width)
        return try Raster.render(width: width, sideMargin: metrics.margin, topMargin: metrics.margin,
                                 bottomMargin: metrics.margin, layout(metrics: metrics, qr: qr))
    }

    /// The ticket as a PNG (grayscale, black and white only), for previews.
    public func renderPNG(width: Int = PrinterWidth.mm80) throws -> [UInt8] {
        try renderBitmap(width: width).pngData()
    }

    func layout(metrics m: TicketMetrics, qr: QRCode?) -> Block {
        let when = VietnameseDate(issuedAt, timeZone: timeZone)
        var blocks: [Block] = [
            .text(officeName, TextStyle(size: m.office, bold: true, align: .center)),
            .gap(m.small),
            .rule(fraction: 1, thickness: m.thick, align: .center),
            .gap(m.medium),
            .text(serviceName, TextStyle(size: m.service, bold: true, align: .center)),
            .gap(m.medium),
            .text(PrintTexts.ticketNumberCaption, TextStyle(size: m.caption, align: .center)),
            .fitLine(number, TextStyle(size: m.number, bold: true, align: .center), minimumSize: m.service),
        ]
        if let priority {
            var markup = Markup()
            markup.bold(PrintTexts.ticketPriority)
            if !priority.isEmpty { markup.plain(" – " + priority) }
            blocks += [.markup(markup.string, TextStyle(size: m.body, align: .center)), .gap(m.small)]
        }
        blocks += [
            .text(PrintTexts.ticketIssued(when.dateTime), TextStyle(size: m.caption, align: .center)),
            .gap(m.medium),
            .rule(fraction: 1, thickness: m.thin, align: .center),
            .gap(m.medium),
        ]
        let body = TextStyle(size: m.body, align: .center, lineSpacing: m.lineSpacing)
        if waitingAhead > 0 {
            blocks.append(.markup(Markup.field(PrintTexts.waitingAheadLabel, String(waitingAhead)), body))
        } else {
            blocks.append(.text(PrintTexts.nobodyAhead, body))
        }
        if let minutes = estimatedWaitMinutes {
            blocks += [.gap(m.small),
                       .markup(Markup.field(PrintTexts.estimatedWaitLabel, PrintTexts.estimatedWait(minutes: minutes)), body)]
        }
        if !counters.isEmpty {
            blocks += [.gap(m.small),
                       .markup(Markup.field(PrintTexts.countersLabel, PrintTexts.counters(counters)), body)]
        }
        if let qr {
            blocks += [
                .gap(m.medium),
                .qr(qr, module: m.qrModule, quietZone: 4, align: .center),
                .text(PrintTexts.ticketQRCaption, TextStyle(size: m.footer, align: .center)),
            ]
        }
        let footer = TextStyle(size: m.footer, align: .center, lineSpacing: m.lineSpacing)
        blocks += [
            .gap(m.medium),
            .rule(fraction: 1, thickness: m.thin, align: .center),
            .gap(m.medium),
            .markup(Markup.field(PrintTexts.ticketHotlineLabel, hotline), footer),
            .gap(m.small),
            .text(PrintTexts.ticketKeep, footer),
        ]
        return .stack(blocks)
    }
}

/// Sizes of a ticket, in dots, for a printer width. Text grows by a quarter from 58 to 80 mm
/// paper; the number grows with the width.
struct TicketMetrics {
    let margin: Int
    let office: Double
    let service: Double
    let caption: Double
    let number: Double
    let body: Double
    let footer: Double
    let small: Double
    let medium: Double
    let lineSpacing: Double
    let thick: Double
    let thin: Double
    let qrModule: Double

    init(width: Int) {
        let s = Double(width) / Double(PrinterWidth.mm58)
        let k = 0.5 + 0.5 * s
        margin = Int((8 * s).rounded())
        office = (24 * k).rounded()
        service = (28 * k).rounded()
        caption = (20 * k).rounded()
        number = (112 * s).rounded()
        body = (24 * k).rounded()
        footer = (20 * k).rounded()
        small = (4 * k).rounded()
        medium = (10 * k).rounded()
        lineSpacing = (2 * k).rounded()
        thick = 3
        thin = 1
        qrModule = width >= PrinterWidth.mm80 ? 5 : 4
    }
}
