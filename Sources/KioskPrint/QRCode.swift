import CPangoCairo
import CQREncode
import Foundation

/// A QR code symbol made by libqrencode: error correction level M, 8-bit mode for everything
/// that is not a digit or an upper-case alphanumeric run (`QRcode_encodeString` with the
/// `QR_MODE_8` hint, case-sensitive), smallest version that holds the text.
public struct QRCode: Sendable, Hashable {
    /// The text encoded (as UTF-8 bytes).
    public let text: String
    /// QR version, 1…40.
    public let version: Int
    /// Modules per side: `17 + 4 × version`.
    public let size: Int
    private let modules: [Bool]

    public init(_ text: String) throws {
        guard !text.isEmpty else { throw PrintRenderError.qr(PrintTexts.qrEmpty) }
        guard !text.utf8.contains(0) else { throw PrintRenderError.qr(PrintTexts.qrNul) }
        errno = 0
        guard let symbol = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw PrintRenderError.qr(errno == ERANGE ? PrintTexts.qrTooLong(text.utf8.count) : PrintTexts.qrFailed)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        self.text = text
        version = Int(symbol.pointee.version)
        size = width
        // libqrencode: one byte per module, bit 0 = dark.
        modules = (0..<width * width).map { symbol.pointee.data[$0] & 1 != 0 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public subscript(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }

    /// The symbol at `module` dots per module with a white quiet zone of `quietZone` modules
    /// (the standard asks for 4), drawn through the same Cairo path as on printouts.
    public func bitmap(module: Int = 4, quietZone: Int = 4) throws -> MonochromeBitmap {
        let side = (size + 2 * quietZone) * module
        let surface = try CairoSurface.image(CAIRO_FORMAT_A8, width: side, height: side)
        let cr = try CairoContext(surface)
        draw(in: cr, x: 0, y: 0, module: Double(module), quietZone: quietZone, crisp: true)
        try cr.status()
        return try surface.monochrome()
    }

    /// Draws the dark modules as one path of rectangles (one per horizontal run), without
    /// anti-aliasing on raster: modules are whole dots, edges crisp. The quiet zone is left unpainted
    /// (paper white).
    func draw(in cr: CairoContext, x: Double, y: Double, module: Double, quietZone: Int, crisp: Bool) {
        var runs: [(x: Double, y: Double, width: Double, height: Double)] = []
        let origin = Double(quietZone) * module
        for row in 0..<size {
            var column = 0
            while column < size {
                guard self[column, row] else { column += 1; continue }
                let start = column
                while column < size && self[column, row] { column += 1 }
                runs.append((x + origin + Double(start) * module, y + origin + Double(row) * module,
                             Double(column - start) * module, module))
            }
        }
        cr.fillRectangles(runs, crisp: crisp)
    }
}
