/// ESC/POS jobs that print a bitmap as raster graphics, and their decoding for tests.
///
/// A job is, byte for byte:
///
/// ```
/// NUL × (b·x + 1)                         00 00 …         resynchronisation (below): b = band height,
///                                                         x = bytes per row of the widest page
/// ESC @                                   1B 40           initialise (clears any earlier mode)
/// ESC d n, GS V 66 0                      1B 64 n …       only when cutting off a cut-short job's stub:
///                                                         the page end below, before any page
/// GS v 0 m xL xH yL yH d…                 1D 76 30 00 …   one band: m = 0 (normal density),
///   (repeated per band)                                   x = bytes per row, y = rows in the band,
///                                                         then x·y bytes, rows MSB first, 1 = black
/// ESC d n                                 1B 64 n         print and feed n lines
/// GS V 66 0                               1D 56 42 00     feed to the cutter, partial cut
/// ```
///
/// Never text mode, never a code page (`ESC t`), never a character set: Vietnamese is pixels.
///
/// **Band height: 24 rows by default.** A `GS v 0` block is buffered whole by many cheap
/// printers before it prints; blocks over 255 rows (`yH ≠ 0`) are refused or garbled by some, and
/// a few clones with small input buffers only behave with 24-row blocks (the height of the
/// classic 24-dot bit-image band). 24 rows cost 8 header bytes per 3 mm of paper: about 0.7 % on
/// 58 mm paper (48 bytes/row) and 0.5 % on 80 mm (72 bytes/row). A printer known to take larger
/// blocks can be given up to 255.
///
/// **Cut: `GS V 66 0`** (function B, partial cut): the printer itself feeds the paper until the
/// last printed line has passed the cutter, whatever the head-to-cutter distance of the model,
/// then cuts leaving a hinge. `ESC d 2` before it leaves a small bottom margin. `GS V 1` (cut
/// where the paper is, no feed) is available for printers without function B; give it a feed of
/// 4–5 lines so the last line clears the cutter.
///
/// **Resynchronisation: a cut-short job does not spoil the next one.** When paper runs out or a
/// job is cancelled, the printer keeps the bytes it has and stays inside the command it was
/// reading, most likely a band: `GS v 0` takes its k = x·y data bytes whatever they are
/// (Epson, "GS v 0", ESC/POS Command Reference). A next job starting with a bare `ESC @` is
/// swallowed as pixels, and its own bands are then read from the wrong offsets. So every job
/// starts with b·x + 1 NUL bytes, which finish any command a job of this encoder can leave open:
/// taken as band data they are white dots (b·x is a whole band; the + 1 is `yH` when the header
/// stopped after `yL`); as the rest of a band header they make x or y 0, a header with no data
/// (Epson's range is k ≠ 0; "k must not be equal to 0 or the bit image will be discarded", Daisy
/// 1200 manual); after `ESC d` they feed nothing; after `GS V` they make the cut (`GS V 0`) that
/// job was about to make; after a lone `ESC` or `GS`, an undefined code, which printers drop
/// ("ESC or GS and the following code … are ignored", Bixolon SPP-100 manual). Outside a
/// command a NUL is ignored ("NUL command is ignored when used alone", SPRT SP series manual),
/// so whatever a printer does not consume is harmless. This assumes the cut-short job came from
/// an encoder with the same band height and width (one printer, one configuration). It costs
/// 1,729 bytes on 80 mm paper and 1,153 on 58 mm: 2.6 % and 3.3 % more for the sample ticket.
///
/// The real-time "clear buffers" command (`DLE DC4 8`, 10 14 08 01 03 14 01 06 02 08) would
/// also break into a band, since real-time commands are recognised inside other commands' data,
/// but Epson says not to embed it in another command, to send nothing after it until its reply
/// has come back (a raw CUPS job cannot wait), and that it is ignored while the printer sends
/// block data; and it is not in every clone's command set.
///
/// After the NULs the printer is at a command boundary in standard mode; `ESC @` (which clears the
/// print buffer and modes but not the receive buffer, and does not cut) then sets the default line
/// spacing. The stub of the cut-short job is cut off only when the caller knows there is one:
/// function B feeds to the cutting position, which is the head-to-cutter gap beyond the print
/// position, so with nothing printed since the last cut it cuts off a blank piece of that length;
/// a normal ticket does not pay for it.
public struct EscPosRaster: Sendable, Equatable {
    public enum Cut: Sendable, Equatable {
        /// No cut command (printers without a cutter: tear-off).
        case none
        /// `GS V 1`: partial cut at the current position.
        case partial
        /// `GS V 66 0`: feed to the cutting position, then partial cut.
        case feedAndPartial
    }

    /// Rows per `GS v 0` block, 1…255.
    public var bandHeight: Int
    /// Lines fed (`ESC d n`) after the image, 0…255.
    public var feedLines: Int
    public var cut: Cut

    public static let defaultBandHeight = 24

    public init(bandHeight: Int = EscPosRaster.defaultBandHeight, feedLines: Int = 2, cut: Cut = .feedAndPartial) {
        precondition((1...255).contains(bandHeight), "band height must be 1…255 rows")
        precondition((0...255).contains(feedLines), "feed must be 0…255 lines")
        self.bandHeight = bandHeight
        self.feedLines = feedLines
        self.cut = cut
    }

    /// A complete job printing one bitmap: resynchronise, initialise, raster bands, feed, cut. A
    /// width that is not a multiple of 8 is padded with white on the right.
    ///
    /// - Parameter cuttingOffStub: the previous job on this printer was cut short: feed and cut
    ///   off what it printed before printing this one.
    public func encode(_ bitmap: MonochromeBitmap, cuttingOffStub: Bool = false) -> [UInt8] {
        encode(pages: [bitmap], cuttingOffStub: cuttingOffStub)
    }

    /// One job printing several bitmaps, each followed by the feed and the cut (a slip's two
    /// copies come out as two pieces of paper).
    ///
    /// - Parameter cuttingOffStub: the previous job on this printer was cut short: feed and cut
    ///   off what it printed before printing these pages.
    public func encode(pages: [MonochromeBitmap], cuttingOffStub: Bool = false) -> [UInt8] {
        let widestRow = pages.map(\.bytesPerRow).max() ?? 0
        var out = [UInt8](repeating: 0, count: resynchronisationLength(bytesPerRow: widestRow))
        out += [0x1B, 0x40]
        if cuttingOffStub {
            appendPageEnd(to: &out)
        }
        for bitmap in pages {
            let bytesPerRow = bitmap.bytesPerRow
            precondition(bytesPerRow <= 0xFFFF, "bitmap too wide for GS v 0")
            var top = 0
            while top < bitmap.height {
                let rows = min(bandHeight, bitmap.height - top)
                out += [0x1D, 0x76, 0x30, 0x00,
                        UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8),
                        UInt8(rows & 0xFF), UInt8(rows >> 8)]
                out += bitmap.packedRows[top * bytesPerRow ..< (top + rows) * bytesPerRow]
                top += rows
            }
            appendPageEnd(to: &out)
        }
        return out
    }

    /// The NULs every job starts with for pages of `bytesPerRow`: a whole band of data plus the
    /// last header byte, the most that a command of a cut-short job of this encoder can still
    /// expect.
    public func resynchronisationLength(bytesPerRow: Int) -> Int {
        bandHeight * bytesPerRow + 1
    }

    private func appendPageEnd(to out: inout [UInt8]) {
        if feedLines > 0 {
            out += [0x1B, 0x64, UInt8(feedLines)]
        }
        switch cut {
        case .none: break
        case .partial: out += [0x1D, 0x56, 0x01]
        case .feedAndPartial: out += [0x1D, 0x56, 0x42, 0x00]
        }
    }
}

/// One command of an ESC/POS raster job, as `EscPosRaster.commands(in:)` reads it.
public enum EscPosCommand: Sendable, Equatable {
    /// A run of NUL bytes (printers ignore NUL outside a command): the resynchronisation a job
    /// starts with.
    case nulPadding(count: Int)
    /// `ESC @`
    case initialize
    /// `GS v 0 m xL xH yL yH d…` (only m = 0 / 48, normal density, is accepted).
    case raster(bytesPerRow: Int, rows: Int, data: [UInt8])
    /// `ESC d n`
    case feed(lines: Int)
    /// `GS V m` / `GS V m n`: `partial` for m = 1, 49, 66; `feed` is n for m = 65, 66.
    case cut(partial: Bool, feed: Int?)
}

/// Why an ESC/POS job could not be decoded: what was found, at which byte offset.
public struct EscPosDecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let reason: String

    public var description: String { PrintTexts.escPosDecodeError(offset: offset, reason: reason) }
}

extension EscPosRaster {
    /// Reads a job as a list of commands. Only the commands this encoder writes are understood
    /// (NUL, `ESC @`, `GS v 0`, `ESC d`, `GS V`); anything else, text included, is an error naming
    /// the byte and its offset.
    public static func commands(in bytes: [UInt8]) throws -> [EscPosCommand] {
        var commands: [EscPosCommand] = []
        var i = 0
        func need(_ count: Int, _ what: String) throws {
            guard i + count <= bytes.count else {
                throw EscPosDecodeError(offset: i, reason: PrintTexts.escPosTruncated(what))
            }
        }
        while i < bytes.count {
            let start = i
            switch bytes[i] {
            case 0x00:
                while i < bytes.count, bytes[i] == 0 { i += 1 }
                commands.append(.nulPadding(count: i - start))
            case 0x1B:
                try need(2, "ESC")
                switch bytes[i + 1] {
                case 0x40:
                    commands.append(.initialize)
                    i += 2
                case 0x64:
                    try need(3, "ESC d")
                    commands.append(.feed(lines: Int(bytes[i + 2])))
                    i += 3
                default:
                    throw EscPosDecodeError(offset: start, reason: PrintTexts.escPosUnknown(
                        "ESC " + hex(bytes[i + 1])))
                }
            case 0x1D:
                try need(2, "GS")
                switch bytes[i + 1] {
                case 0x76:
                    try need(8, "GS v 0")
                    guard bytes[i + 2] == 0x30 else {
                        throw EscPosDecodeError(offset: start, reason: PrintTexts.escPosUnknown(
                            "GS v " + hex(bytes[i + 2])))
                    }
                    let mode = bytes[i + 3]
                    guard mode == 0 || mode == 48 else {
                        throw EscPosDecodeError(offset: start, reason: PrintTexts.escPosRasterMode(Int(mode)))
                    }
                    let bytesPerRow = Int(bytes[i + 4]) | Int(bytes[i + 5]) << 8
                    let rows = Int(bytes[i + 6]) | Int(bytes[i + 7]) << 8
                    i += 8
                    let count = bytesPerRow * rows
                    try need(count, "GS v 0 (\(bytesPerRow)×\(rows))")
                    commands.append(.raster(bytesPerRow: bytesPerRow, rows: rows, data: Array(bytes[i ..< i + count])))
                    i += count
                case 0x56:
                    try need(3, "GS V")
                    let m = bytes[i + 2]
                    switch m {
                    case 0, 48:
                        commands.append(.cut(partial: false, feed: nil))
                        i += 3
                    case 1, 49:
                        commands.append(.cut(partial: true, feed: nil))
                        i += 3
                    case 65, 66:
                        try need(4, "GS V \(m)")
                        commands.append(.cut(partial: m == 66, feed: Int(bytes[i + 3])))
                        i += 4
                    default:
                        throw EscPosDecodeError(offset: start, reason: PrintTexts.escPosUnknown("GS V " + hex(m)))
                    }
                default:
                    throw EscPosDecodeError(offset: start, reason: PrintTexts.escPosUnknown(
                        "GS " + hex(bytes[i + 1])))
                }
            default:
                throw EscPosDecodeError(offset: start, reason: PrintTexts.escPosUnknown(hex(bytes[i])))
            }
        }
        return commands
    }

    /// The pages of a job: the raster bands between cuts, stacked (feeds are not pixels). A page's
    /// width is its bytes per row × 8. Raster after the last cut is a page too; a cut with no
    /// raster since the previous one (a stub cut off) is not a page. NULs are skipped.
    public static func decodePages(_ bytes: [UInt8]) throws -> [MonochromeBitmap] {
        var pages: [MonochromeBitmap] = []
        var bytesPerRow: Int?
        var rows = 0
        var data: [UInt8] = []
        var offset = 0
        func finishPage() {
            if let width = bytesPerRow {
                pages.append(MonochromeBitmap(width: width * 8, height: rows, packedRows: data)!)
            }
            bytesPerRow = nil
            rows = 0
            data = []
        }
        let commands = try commands(in: bytes)
        guard commands.first(where: { !$0.isNulPadding }) == .initialize else {
            throw EscPosDecodeError(offset: 0, reason: PrintTexts.escPosNoInitialize)
        }
        for command in commands {
            switch command {
            case .nulPadding, .initialize, .feed:
                break
            case .raster(let width, let bandRows, let bandData):
                if let current = bytesPerRow, current != width {
                    throw EscPosDecodeError(offset: offset, reason: PrintTexts.escPosWidthChanged(current, width))
                }
                bytesPerRow = width
                rows += bandRows
                data += bandData
            case .cut:
                finishPage()
            }
            offset += command.encodedLength
        }
        finishPage()
        return pages
    }

    /// The one page of a job (a ticket): an error if there is none or more than one.
    public static func decode(_ bytes: [UInt8]) throws -> MonochromeBitmap {
        let pages = try decodePages(bytes)
        guard pages.count == 1 else {
            throw EscPosDecodeError(offset: bytes.count, reason: PrintTexts.escPosPageCount(pages.count))
        }
        return pages[0]
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}

extension EscPosCommand {
    /// Bytes the command takes in the stream.
    var encodedLength: Int {
        switch self {
        case .nulPadding(let count): count
        case .initialize: 2
        case .raster(_, _, let data): 8 + data.count
        case .feed: 3
        case .cut(_, let feed): feed == nil ? 3 : 4
        }
    }

    var isNulPadding: Bool {
        if case .nulPadding = self { true } else { false }
    }
}
