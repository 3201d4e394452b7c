import CPangoCairo
import Foundation

/// Printer widths in dots at 203 dpi (8 dots/mm).
public enum PrinterWidth {
    /// 58 mm paper: 48 mm printable, 384 dots.
    public static let mm58 = 384
    /// 80 mm paper: 72 mm printable, 576 dots.
    public static let mm80 = 576
    /// Widths the layouts accept.
    public static let supported = 200...2000

    static func check(_ width: Int) throws {
        guard supported.contains(width) else { throw PrintRenderError.invalidWidth(width) }
    }
}

/// Paper for document printers (PDF).
public enum PaperSize: String, Sendable, CaseIterable {
    case a5
    case a4

    /// Width and height in points (1/72 inch).
    public var points: (width: Double, height: Double) {
        switch self {
        case .a5: (419.53, 595.28)
        case .a4: (595.28, 841.89)
        }
    }
}

/// Text drawing on 1-bit raster: glyphs are rendered bi-level (no anti-aliasing) with the font's
/// hinting into an A8 surface, shapes without anti-aliasing, so the threshold only sees 0 or 255
/// and any value in 1…255 gives the same bitmap.
enum Raster {
    static let threshold: UInt8 = 128

    /// Lays `content` out at `width` dots (less the side margins) and draws it on a bitmap whose
    /// height is what the content needs plus the top and bottom margins.
    static func render(width: Int, sideMargin: Int, topMargin: Int, bottomMargin: Int,
                       _ block: Block) throws -> MonochromeBitmap {
        let composer = Composer(engine: TextEngine(medium: .raster))
        let placed = composer.place(block, width: Double(width - 2 * sideMargin))
        let height = Int(placed.height.rounded(.up)) + topMargin + bottomMargin
        let surface = try CairoSurface.image(CAIRO_FORMAT_A8, width: width, height: height)
        let cr = try CairoContext(surface)
        placed.draw(cr, Double(sideMargin), Double(topMargin))
        try cr.status()
        return try surface.monochrome(threshold: threshold)
    }
}

/// One copy of a printout for a document printer: its content and, should it not fit on one
/// page, what each later page starts with and what every page ends with.
struct DocumentCopy {
    var content: Block
    var laterPagesHead: Block = .stack([])
    /// The foot of page `page` of `pageCount`, on a copy that runs over several pages.
    var foot: ((_ page: Int, _ pageCount: Int) -> Block)?
}

/// Vector documents: each copy on its own page or pages, text as embedded DejaVu Sans glyphs.
enum VectorDocument {
    static func pdf(paper: PaperSize, margin: Double, title: String, created: Date?,
                    copies: [DocumentCopy]) throws -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            let size = paper.points
            let surface = try CairoSurface.pdf(width: size.width, height: size.height, sink: sink)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, title)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "counter-kiosk KioskPrint")
            if let created {
                // A fixed date (the slip's own) keeps the file reproducible.
                let stamp = ISO8601DateFormatter.string(from: created, timeZone: TimeZone(identifier: "UTC")!,
                                                        formatOptions: [.withInternetDateTime])
                cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
                cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, stamp)
            }
            let cr = try CairoContext(surface)
            let composer = Composer(engine: TextEngine(medium: .vector))
            let area = PageArea(margin: margin, width: size.width - 2 * margin, height: size.height - 2 * margin)
            for copy in copies {
                let placed = composer.place(copy.content, width: area.width)
                if placed.height <= area.height {
                    cairo_save(cr.pointer)
                    cairo_translate(cr.pointer, margin, margin)
                    placed.draw(cr, 0, 0)
                    cairo_restore(cr.pointer)
                    cr.showPage()
                } else {
                    drawPages(of: copy, composer: composer, area: area, cr: cr)
                }
            }
            try cr.status()
            try surface.finish()
            return sink.bytes
        }
    }

    private struct PageArea {
        var margin: Double
        var width: Double
        var height: Double
    }

    /// A copy too tall for one page, at full size over as many pages as it takes.
    private static func drawPages(of copy: DocumentCopy, composer: Composer, area: PageArea, cr: CairoContext) {
        let head = composer.place(copy.laterPagesHead, width: area.width)
        let pieces = composer.pieces(copy.content, width: area.width)
        func foot(_ page: Int, _ count: Int) -> Placed? {
            copy.foot.map { composer.place($0(page, count), width: area.width) }
        }
        func breaker(footHeight: Double) -> PageBreaker {
            PageBreaker(firstPage: area.height - footHeight, laterPages: area.height - head.height - footHeight)
        }
        var footHeight = foot(1, 1)?.height ?? 0
        var pages = breaker(footHeight: footHeight).pages(pieces)
        // Laid out again should the real page numbers make the foot taller.
        let tallestFoot = (1...pages.count).map { foot($0, pages.count)?.height ?? 0 }.max() ?? 0
        if tallestFoot > footHeight {
            footHeight = tallestFoot
            pages = breaker(footHeight: footHeight).pages(pieces)
        }
        for (index, page) in pages.enumerated() {
            cairo_save(cr.pointer)
            cairo_translate(cr.pointer, area.margin, area.margin)
            var top = 0.0
            if index > 0 {
                head.draw(cr, 0, 0)
                top = head.height
            }
            let room = area.height - footHeight - top
            cairo_save(cr.pointer)
            cairo_translate(cr.pointer, 0, top)
            if page.height > room {
                // One unbreakable block taller than a page (a signature block under a name of
                // thousands of letters): shrunk to the page rather than cut off. Re-centred, as
                // it was laid out at full width.
                let scale = room / page.height
                cairo_translate(cr.pointer, area.width * (1 - scale) / 2, 0)
                cairo_scale(cr.pointer, scale, scale)
            }
            var y = 0.0
            if let pageHead = page.head {
                pageHead.draw(cr, 0, y)
                y += pageHead.height
            }
            for piece in page.pieces {
                pieces[piece].placed.draw(cr, 0, y)
                y += pieces[piece].height
            }
            cairo_restore(cr.pointer)
            if let foot = foot(index + 1, pages.count) {
                foot.draw(cr, 0, area.height - foot.height)
            }
            cairo_restore(cr.pointer)
            cr.showPage()
        }
    }
}
