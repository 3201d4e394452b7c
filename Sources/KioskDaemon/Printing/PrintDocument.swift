import KioskCore
import KioskCups
import KioskPrint

/// Bytes ready for one printer, in the format its mode takes.
struct PrintDocument: Sendable {
    var title: String
    var bytes: [UInt8]
    var format: CupsClient.DocumentFormat
}

/// Renders printouts for a printer: raw printers get ESC/POS raster, document printers PNG
/// (roll) or PDF (A4/A5 slips).
struct PrinterRenderer {
    let printer: PrinterConfig

    /// A ticket's job title: how CUPS lists it, and how kioskd knows the job again after a restart.
    static func ticketTitle(_ number: String) -> String { "Số \(number)" }

    /// - Parameter stubToCut: the printer may hold part of an earlier job that ended early (raw
    ///   printers only: the job first brings it back to a command boundary and cuts that part off).
    func ticket(_ printout: TicketPrintout, stubToCut: Bool = false) throws -> [PrintDocument] {
        let title = Self.ticketTitle(printout.number)
        switch printer.mode {
        case .raw:
            return [PrintDocument(title: title, bytes: raster([try printout.renderBitmap(width: printer.width)], stubToCut: stubToCut), format: .raw)]
        case .document:
            return [PrintDocument(title: title, bytes: try printout.renderPNG(width: printer.width), format: .png)]
        }
    }

    func slip(_ printout: SlipPrintout, copies: Int, stubToCut: Bool = false) throws -> [PrintDocument] {
        let title = "Giấy tiếp nhận \(printout.dossierCode)"
        let chosen = Array(SlipPrintout.Copy.allCases.prefix(copies))
        switch (printer.mode, printer.paper) {
        case (.raw, _):
            let pages = try chosen.map { try printout.renderBitmap(width: printer.width, copy: $0) }
            return [PrintDocument(title: title, bytes: raster(pages, stubToCut: stubToCut), format: .raw)]
        case (.document, .roll):
            return try chosen.map { PrintDocument(title: title, bytes: try printout.renderPNG(width: printer.width, copy: $0), format: .png) }
        case (.document, .a4), (.document, .a5):
            return [PrintDocument(title: title, bytes: try printout.renderPDF(paper: paperSize, copies: copies), format: .pdf)]
        }
    }

    func testPage(_ printout: TestPagePrintout, stubToCut: Bool = false) throws -> [PrintDocument] {
        let title = "Trang in thử"
        switch (printer.mode, printer.paper) {
        case (.raw, _):
            return [PrintDocument(title: title, bytes: raster([try printout.renderBitmap(width: printer.width)], stubToCut: stubToCut), format: .raw)]
        case (.document, .roll):
            return [PrintDocument(title: title, bytes: try printout.renderPNG(width: printer.width), format: .png)]
        case (.document, .a4), (.document, .a5):
            return [PrintDocument(title: title, bytes: try printout.renderPDF(paper: paperSize), format: .pdf)]
        }
    }

    private func raster(_ pages: [MonochromeBitmap], stubToCut: Bool) -> [UInt8] {
        EscPosRaster().encode(pages: pages, cuttingOffStub: stubToCut)
    }

    private var paperSize: PaperSize { printer.paper == .a5 ? .a5 : .a4 }
}
