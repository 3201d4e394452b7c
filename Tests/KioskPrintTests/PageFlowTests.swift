import CPangoCairo
@testable import KioskPrint
import KioskPrintSamples
import Testing

@Suite struct PageFlowTests {
    let composer = Composer(engine: TextEngine(medium: .vector))

    static let longParagraph = String(repeating: "Bản sao chứng thực giấy tờ tùy thân của người được ủy quyền. ", count: 8)

    @Test func aLongParagraphBreaksBetweenLinesKeepingTwoOnEachPage() throws {
        let style = TextStyle(size: 10, lineSpacing: 1)
        let lines = composer.engine.layout(text: Self.longParagraph, style: style, width: 200).lineCount
        try #require(lines >= 6)
        let pieces = composer.pieces(.text(Self.longParagraph, style), width: 200)
        #expect(pieces.count == lines)
        #expect(pieces.map(\.keepWithNext) == [true] + Array(repeating: false, count: lines - 3) + [true, false])
        let placed = composer.place(.text(Self.longParagraph, style), width: 200)
        #expect(abs(pieces.reduce(0) { $0 + $1.height } - placed.height) < 1e-9)
    }

    @Test func paragraphsOfUpToThreeLinesAreOnePiece() throws {
        let style = TextStyle(size: 10)
        let text = String(Self.longParagraph.prefix(90))
        #expect(composer.engine.layout(text: text, style: style, width: 200).lineCount == 3)
        #expect(composer.pieces(.text(text, style), width: 200).count == 1)
    }

    @Test func keepsLinkThePiecesTheyHold() {
        let style = TextStyle(size: 10)
        let together = composer.pieces(.keepTogether(.stack([.text("a", style), .gap(4), .text("b", style)])), width: 200)
        #expect(together.map(\.keepWithNext) == [true, true, false])
        #expect(together.map(\.vanishesAtPageTop) == [false, true, false])
        let heading = composer.pieces(.keepWithNext(.stack([.text("a", style), .text("b", style)])), width: 200)
        #expect(heading.map(\.keepWithNext) == [true, true])
        let list = composer.pieces(.continuing(.stack([.text("a", style), .text("b", style)]),
                                               headOnLaterPages: .text("tiếp theo", style)), width: 200)
        #expect(list.allSatisfy { $0.headOnNewPage != nil })
    }

    /// The whole slip cut into pieces takes the height it takes placed whole, so a page of
    /// pieces puts every line where a one-page slip would.
    @Test(arguments: PaperSize.allCases)
    func theSlipsPiecesAddUpToItsHeight(paper: PaperSize) throws {
        var slip = SamplePrintouts.slip
        slip.documents += (5...60).map { .init(name: "Giấy tờ kèm theo số \($0)", form: "Bản sao", copies: 2) }
        let style = SlipStyle.document(paper)
        let block = slip.layout(style: style, copy: .applicant, qr: try QRCode(slip.dossierCode))
        let width = paper.points.width - 2 * style.margin
        let pieces = composer.pieces(block, width: width)
        #expect(pieces.count > 60)
        #expect(abs(pieces.reduce(0) { $0 + $1.height } - composer.place(block, width: width).height) < 1e-6)
    }

    /// Drawn line by line, a paragraph (centred, in an inset, with bold markup) is the same
    /// picture as drawn whole.
    @Test func piecesDrawWhatTheWholeBlockDraws() throws {
        var markup = Markup()
        markup.plain(Self.longParagraph)
        markup.bold("Nguyễn Thị Huyền Trang")
        markup.plain(" ẨỖẾ ệ")
        let block = Block.inset(left: 13.5, right: 7, .markup(markup.string, TextStyle(size: 11, align: .center, lineSpacing: 1)))
        let width = 300.0
        let placed = composer.place(block, width: width)
        let pieces = composer.pieces(block, width: width)
        try #require(pieces.count >= 6)
        func picture(_ draw: (CairoContext) -> Void) throws -> MonochromeBitmap {
            let surface = try CairoSurface.image(CAIRO_FORMAT_A8, width: Int(width) + 20, height: Int(placed.height) + 20)
            let cr = try CairoContext(surface)
            draw(cr)
            return try surface.monochrome()
        }
        let whole = try picture { placed.draw($0, 10, 10.25) }
        let inPieces = try picture { cr in
            var y = 10.25
            for piece in pieces {
                piece.placed.draw(cr, 10, y)
                y += piece.height
            }
        }
        #expect(whole.blackPixelCount > 1000)
        #expect(whole == inPieces)
    }
}
