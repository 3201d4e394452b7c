import Foundation

/// `kioskctl print test`: a page that shows at a glance that a printer works end to end — the
/// office, which printer and queue, the time, every Vietnamese vowel with its marks, and a ruler
/// of the full width (a cut-off edge shows as a missing end mark).
public struct TestPagePrintout: Sendable, Equatable {
    public var officeName: String
    public var printerID: String
    public var queue: String
    public var printedAt: Date
    public var timeZone: TimeZone

    public init(officeName: String, printerID: String, queue: String, printedAt: Date, timeZone: TimeZone) {
        self.officeName = officeName
        self.printerID = printerID
        self.queue = queue
        self.printedAt = printedAt
        self.timeZone = timeZone
    }

    public func renderBitmap(width: Int = PrinterWidth.mm80) throws -> MonochromeBitmap {
        try PrinterWidth.check(width)
        let metrics = TicketMetrics(width: width)
        return try Raster.render(width: width, sideMargin: 0, topMargin: metrics.margin, bottomMargin: metrics.margin,
                                 layout(metrics: metrics))
    }

    public func renderPNG(width: Int = PrinterWidth.mm80) throws -> [UInt8] {
        try renderBitmap(width: width).pngData()
    }

    public func renderPDF(paper: PaperSize = .a4) throws -> [UInt8] {
        try VectorDocument.pdf(paper: paper, margin: 56, title: PrintTexts.testPageTitle, created: printedAt,
                               copies: [DocumentCopy(content: layout(metrics: TicketMetrics(width: PrinterWidth.mm80), scale: 0.5))])
    }

    func layout(metrics m: TicketMetrics, scale: Double = 1) -> Block {
        let when = VietnameseDate(printedAt, timeZone: timeZone)
        let body = TextStyle(size: m.body * scale, align: .center, lineSpacing: m.lineSpacing)
        return .stack([
            .rule(fraction: 1, thickness: m.thick, align: .center),
            .gap(m.medium),
            .text(PrintTexts.testPageTitle, TextStyle(size: m.service * scale, bold: true, align: .center)),
            .text(officeName, TextStyle(size: m.office * scale, align: .center)),
            .gap(m.medium),
            .markup(Markup.field(PrintTexts.testPagePrinter, "\(printerID) (\(queue))"), body),
            .text(PrintTexts.ticketIssued(when.dateTime), body),
            .gap(m.medium),
            .text(PrintTexts.testPageMarks, TextStyle(size: m.body * scale, align: .center, lineSpacing: m.lineSpacing)),
            .gap(m.medium),
            .rule(fraction: 1, thickness: m.thick, align: .center),
        ])
    }
}
