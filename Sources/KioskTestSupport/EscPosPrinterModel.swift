import KioskPrint

/// A strict ESC/POS printer for tests: it reads a byte stream command by command, as a printer
/// does, and lays out the paper. Its state carries over from one `receive` to the next, so it can
/// be fed jobs (or parts of jobs, as they arrive) one after another, like a printer that keeps
/// what it was in the middle of when a connection ends.
///
/// It knows the commands kioskd's jobs are made of, as Epson's ESC/POS reference describes them:
/// - `GS v 0 m xL xH yL yH d1…dk` takes exactly k = (xL + xH·256)·(yL + yH·256) data bytes,
///   whatever they are (bytes that look like commands are pixels); m = 0 or 48 prints, other
///   modes are errors whose data is still consumed; k = 0 is out of range and ignored.
/// - `ESC @`; `ESC d n` (feed n lines), `ESC J n` (feed n dots), `LF` (feed one line);
///   `GS V m` (m = 0, 1, 48, 49: cut) and `GS V m n` (m = 65, 66: feed n dots, cut).
/// - NUL outside a command is ignored; `ESC NUL`, `GS NUL` and `GS v NUL` are undefined commands,
///   which printers ignore ("ESC or GS and the following code … are ignored", Bixolon SPP-100
///   manual, exception processing). These, and k = 0 headers, are listed in `ignored`.
/// Anything else is an error (`errors`), and the model goes on with the next byte. Real-time
/// commands (`DLE EOT`, `DLE ENQ`, `DLE DC4`) are not modelled: kioskd sends none; inside band
/// data their bytes are data here, and `DLE` at a command boundary is an error.
///
/// Paper is seen from the print head: a cut ends the piece right after the last row that passed
/// the head, for every form of `GS V` (the head-to-cutter gap is not modelled). One line is
/// `lineSpacingDots` rows; a dot of feed is one row. Raster rows are left-aligned on the paper;
/// a band wider than the paper is an error.
public struct EscPosPrinterModel: Sendable {
    public let widthDots: Int
    public let lineSpacingDots: Int
    /// Commands the model does not know or accept.
    public private(set) var errors: [EscPosModelNote] = []
    /// Commands printers are documented to ignore (undefined `ESC`/`GS` codes, empty bands).
    public private(set) var ignored: [EscPosModelNote] = []
    /// Bytes received so far; the offsets of notes count from the first.
    public private(set) var bytesReceived = 0

    private var state = State.boundary
    private var commandStart = 0
    private var rasterHeader: [UInt8] = []
    private var band = Band(mode: 0, bytesPerRow: 0, rows: 0, data: [])
    private var cutPieces: [PaperPiece] = []
    /// The current piece's rows, packed like MonochromeBitmap's.
    private var rows: [UInt8] = []

    /// - Parameters:
    ///   - widthDots: the print width (576 for 80 mm paper, 384 for 58 mm).
    ///   - lineSpacingDots: the default line spacing; 30 dots is 1/6 inch at 180 dpi (Epson's
    ///     `ESC 2`) and 3.75 mm at 203 dpi.
    public init(widthDots: Int = PrinterWidth.mm80, lineSpacingDots: Int = 30) {
        precondition(widthDots > 0 && widthDots % 8 == 0, "the print width is whole bytes")
        self.widthDots = widthDots
        self.lineSpacingDots = lineSpacingDots
    }

    /// The paper so far: the pieces cut off, then the paper still in the printer if any has passed
    /// the head since the last cut.
    public var pieces: [PaperPiece] {
        let current = rows.isEmpty ? [] : [PaperPiece(paper: bitmap(of: rows), isCut: false)]
        return cutPieces + current
    }

    /// Whether the next byte starts a command (false: the printer is inside one and will take the
    /// next bytes as its parameters or data).
    public var isAtCommandBoundary: Bool {
        if case .boundary = state { true } else { false }
    }

    /// The command the printer is inside, and what it still expects; nil at a boundary.
    public var openCommand: String? {
        switch state {
        case .boundary: nil
        case .escape: "ESC, waiting for its code"
        case .feedLines: "ESC d, waiting for n"
        case .feedDots: "ESC J, waiting for n"
        case .groupSeparator: "GS, waiting for its code"
        case .rasterFunction: "GS v, waiting for 0"
        case .rasterHeader: "GS v 0, \(5 - rasterHeader.count) header bytes to come"
        case .rasterData: "GS v 0 \(band.bytesPerRow)×\(band.rows), \(band.remaining) data bytes to come"
        case .cutFunction: "GS V, waiting for m"
        case .cutFeed(let m): "GS V \(m), waiting for n"
        }
    }

    /// Takes the next bytes as the printer receives them.
    public mutating func receive(_ bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        var i = 0
        while i < bytes.count {
            if case .rasterData = state {
                let take = min(band.remaining, bytes.count - i)
                band.data += bytes[i ..< i + take]
                i += take
                bytesReceived += take
                if band.remaining == 0 { finishBand() }
            } else {
                step(bytes[i])
                i += 1
                bytesReceived += 1
            }
        }
    }

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .boundary:
            commandStart = bytesReceived
            switch byte {
            case 0x00: break
            case 0x0A: feed(dots: lineSpacingDots)
            case 0x1B: state = .escape
            case 0x1D: state = .groupSeparator
            default: fail("unknown command \(hex(byte))")
            }
        case .escape:
            state = .boundary
            switch byte {
            case 0x40: break  // ESC @: no mode of this model to reset; the print buffer is always empty
            case 0x64: state = .feedLines
            case 0x4A: state = .feedDots
            case 0x00: ignore("ESC NUL")
            default: fail("unknown command ESC \(hex(byte))")
            }
        case .feedLines:
            state = .boundary
            feed(dots: Int(byte) * lineSpacingDots)
        case .feedDots:
            state = .boundary
            feed(dots: Int(byte))
        case .groupSeparator:
            state = .boundary
            switch byte {
            case 0x76: state = .rasterFunction
            case 0x56: state = .cutFunction
            case 0x00: ignore("GS NUL")
            default: fail("unknown command GS \(hex(byte))")
            }
        case .rasterFunction:
            state = .boundary
            switch byte {
            case 0x30:
                rasterHeader = []
                state = .rasterHeader
            case 0x00: ignore("GS v NUL")
            default: fail("unknown command GS v \(hex(byte))")
            }
        case .rasterHeader:
            rasterHeader.append(byte)
            if rasterHeader.count == 5 { startBand() }
        case .rasterData:
            preconditionFailure("band data is taken in bulk by receive")
        case .cutFunction:
            state = .boundary
            switch byte {
            case 0, 1, 48, 49: cut()
            case 65, 66: state = .cutFeed(byte)
            default: fail("unknown cut GS V \(byte)")
            }
        case .cutFeed:
            state = .boundary
            feed(dots: Int(byte))
            cut()
        }
    }

    private mutating func startBand() {
        let header = rasterHeader
        let bytesPerRow = Int(header[1]) | Int(header[2]) << 8
        let rowCount = Int(header[3]) | Int(header[4]) << 8
        band = Band(mode: header[0], bytesPerRow: bytesPerRow, rows: rowCount, data: [])
        band.data.reserveCapacity(bytesPerRow * rowCount)
        if band.remaining == 0 {
            state = .boundary
            ignore("GS v 0 \(bytesPerRow)×\(rowCount): no data")
        } else {
            state = .rasterData
        }
    }

    private mutating func finishBand() {
        state = .boundary
        guard band.mode == 0 || band.mode == 48 else {
            fail("GS v 0 mode \(band.mode) (only normal density, 0 or 48, is modelled)")
            return
        }
        let paperBytes = widthDots / 8
        guard band.bytesPerRow <= paperBytes else {
            fail("GS v 0 \(band.bytesPerRow) bytes wide on paper \(paperBytes) bytes wide")
            return
        }
        if band.bytesPerRow == paperBytes {
            rows += band.data
            return
        }
        for row in 0..<band.rows {
            let start = row * band.bytesPerRow
            rows += band.data[start ..< start + band.bytesPerRow]
            rows += repeatElement(0, count: paperBytes - band.bytesPerRow)
        }
    }

    private mutating func feed(dots: Int) {
        rows += repeatElement(0, count: dots * widthDots / 8)
    }

    private mutating func cut() {
        cutPieces.append(PaperPiece(paper: bitmap(of: rows), isCut: true))
        rows = []
    }

    private mutating func fail(_ what: String) {
        errors.append(EscPosModelNote(offset: commandStart, what: what))
    }

    private mutating func ignore(_ what: String) {
        ignored.append(EscPosModelNote(offset: commandStart, what: what))
    }

    private func bitmap(of rows: [UInt8]) -> MonochromeBitmap {
        MonochromeBitmap(width: widthDots, height: rows.count / (widthDots / 8), packedRows: rows)!
    }

    private func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// Where the parser is: at a boundary, or inside a command after the bytes named.
    private enum State: Sendable {
        case boundary
        case escape
        case feedLines
        case feedDots
        case groupSeparator
        case rasterFunction
        case rasterHeader
        case rasterData
        case cutFunction
        case cutFeed(UInt8)
    }

    /// The `GS v 0` band being received.
    private struct Band: Sendable {
        var mode: UInt8
        var bytesPerRow: Int
        var rows: Int
        var data: [UInt8]

        var remaining: Int { bytesPerRow * rows - data.count }
    }
}
