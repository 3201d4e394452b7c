import KioskPrint

/// One piece of paper out of `EscPosPrinterModel`: what passed the print head between two cuts.
public struct PaperPiece: Sendable, Equatable {
    /// Top first, the printer's width: printed rows, and fed rows as blank rows.
    public var paper: MonochromeBitmap
    /// Whether the cutter cut it off; the last piece may be paper still in the printer.
    public var isCut: Bool

    public init(paper: MonochromeBitmap, isCut: Bool) {
        self.paper = paper
        self.isCut = isCut
    }

    /// No ink: a cut with nothing printed since the previous one (on a real printer, a blank
    /// strip the length of the head-to-cutter gap).
    public var isBlank: Bool { paper.blackPixelCount == 0 }
}
