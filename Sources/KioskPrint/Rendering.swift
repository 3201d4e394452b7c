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

/// Vector documents: one PDF page per block, text as embedded DejaVu Sans glyphs.
enum VectorDocument {
    static func pdf(paper: PaperSize, margin: Double, title: String, created: Date?,
                    pages: [Block]) throws -> [UInt8] {
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
            let engine = TextEngine(medium: .vector)
            let composer = Composer(engine: engine)
            let contentWidth = size.width - 2 * margin
            let contentHeight = size.height - 2 * margin
            for block in pages {
                let placed = composer.place(block, width: contentWidth)
                cairo_save(cr.pointer)
                cairo_translate(cr.pointer, margin, margin)
                if placed.height > contentHeight {
                    // Too long for the sheet (many documents): shrink the page uniformly rather than
                    // cut anything off. The layout was made at full width, so re-centre it.
                    let scale = contentHeight / placed.height
                    cairo_translate(cr.pointer, contentWidth * (1 - scale) / 2, 0)
                    cairo_scale(cr.pointer, scale, scale)
                }
                placed.draw(cr, 0, 0)
                cairo_restore(cr.pointer)
                cr.showPage()
            }
            try cr.status()
            try surface.finish()
            return sink.bytes
        }
    }
}
