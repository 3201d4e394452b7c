import Foundation
@testable import KioskPrint
import KioskPrintSamples
import Testing

@Suite struct TicketRenderingTests {
    static let longService =
        "Chứng thực bản sao từ bản chính, chứng thực chữ ký, chứng thực hợp đồng, giao dịch liên quan đến "
        + "động sản, quyền sử dụng đất và nhà ở; đăng ký khai sinh, kết hôn, khai tử có yếu tố nước ngoài"

    /// No black dot within `margin` of any edge: nothing is cut off.
    func expectNothingAtTheEdges(_ bitmap: MonochromeBitmap, margin: Int, _ what: String) throws {
        let ink = try #require(bitmap.inkBounds)
        #expect(ink.x >= margin, "\(what): ink at the left edge (\(ink))")
        #expect(ink.maxX <= bitmap.width - margin, "\(what): ink at the right edge (\(ink))")
        #expect(ink.y >= margin, "\(what): ink at the top edge (\(ink))")
        #expect(ink.maxY <= bitmap.height - margin, "\(what): ink at the bottom edge (\(ink))")
    }

    @Test(arguments: [PrinterWidth.mm58, PrinterWidth.mm80])
    func longNamesWrapAndTheTicketGrows(width: Int) throws {
        let short = try SamplePrintouts.ticket.renderBitmap(width: width)
        var long = SamplePrintouts.ticket
        long.serviceName = Self.longService
        long.officeName = "Bộ phận tiếp nhận và trả kết quả – Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"
        let tall = try long.renderBitmap(width: width)
        #expect(tall.width == width)
        #expect(tall.height > short.height + 100)
        try expectNothingAtTheEdges(tall, margin: 4, "long names at \(width)")
        try expectNothingAtTheEdges(short, margin: 4, "sample at \(width)")

        // A word longer than the line is broken inside, not cut off.
        var unbreakable = SamplePrintouts.ticket
        unbreakable.serviceName = String(repeating: "Đăngkýkhaisinh", count: 8)
        try expectNothingAtTheEdges(try unbreakable.renderBitmap(width: width), margin: 4, "one long word at \(width)")
    }

    @Test func aLongTicketNumberShrinksInsteadOfOverflowing() throws {
        var ticket = SamplePrintouts.ticket
        ticket.number = "TP-12345"
        let bitmap = try ticket.renderBitmap(width: PrinterWidth.mm58)
        try expectNothingAtTheEdges(bitmap, margin: 4, "number TP-12345")
    }

    @Test func optionalLinesCanBeLeftOut() throws {
        var ticket = SamplePrintouts.ticket
        ticket.qrURL = nil
        ticket.estimatedWaitMinutes = nil
        ticket.counters = []
        ticket.waitingAhead = 0
        let bare = try ticket.renderBitmap(width: PrinterWidth.mm58)
        #expect(bare.height < (try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm58)).height - 150)
        ticket.priority = "Người cao tuổi"
        #expect(try ticket.renderBitmap(width: PrinterWidth.mm58).height > bare.height)
    }

    @Test func widthsOutsideTheSupportedRangeAreRefused() {
        #expect(throws: PrintRenderError.invalidWidth(100)) { try SamplePrintouts.ticket.renderBitmap(width: 100) }
    }

    @Test func theFontIsDejaVuSans() {
        #expect(PrintFont.resolvedFamily() == "DejaVu Sans")
    }

    /// One line of text at 48 dots, rendered like a ticket line.
    func line(_ text: String) throws -> MonochromeBitmap {
        try Raster.render(width: 200, sideMargin: 10, topMargin: 10, bottomMargin: 10,
                          .text(text, TextStyle(size: 48)))
    }

    @Test func vietnameseMarksAreDrawnAboveAndBelowTheLetter() throws {
        let plain = try line("e")
        let plainInk = try #require(plain.inkBounds)
        for marked in ["ế", "ề", "ệ", "ầ", "ộ"] {
            let bitmap = try line(marked)
            #expect(bitmap.height == plain.height, "same line height for \(marked)")
            let ink = try #require(bitmap.inkBounds)
            let base = marked == "ộ" || marked == "ầ" ? try line(marked == "ộ" ? "o" : "a").inkBounds! : plainInk
            // The letter is the same; the marks add ink above its top.
            #expect(ink.y < base.y - 8, "\(marked): ink above the letter (\(ink) vs \(base))")
            let above = bitmap.cropped(to: PixelRect(x: 0, y: 0, width: bitmap.width, height: base.y))
            #expect(above.blackPixelCount > 20, "\(marked)")
        }
        let e = plain.cropped(to: PixelRect(x: 0, y: 0, width: plain.width, height: plainInk.y))
        #expect(e.blackPixelCount == 0)
        // ệ: the dot below.
        let dotBelow = try #require(try line("ệ").inkBounds)
        #expect(dotBelow.maxY > plainInk.maxY + 4)
        // Stacked marks (circumflex + acute) are two separate marks, not one blob: between the
        // letter and the top of the acute there is a blank row.
        let stacked = try line("ế")
        let rows = (0..<plainInk.y).map { y in (0..<stacked.width).contains { stacked[$0, y] } }
        let firstInk = try #require(rows.firstIndex(of: true))
        #expect(rows[firstInk...].contains(false), "a gap between the letter and its marks")
    }

    @Test func capitalsWithStackedMarksAreNotClipped() throws {
        let bitmap = try Raster.render(width: 300, sideMargin: 0, topMargin: 0, bottomMargin: 0,
                                       .text("ẨỖẾ", TextStyle(size: 48, bold: true)))
        let ink = try #require(bitmap.inkBounds)
        #expect(ink.y > 0, "the top mark is inside the bitmap")
        #expect(ink.maxY < bitmap.height)
    }

    @Test func decomposedInputRendersLikePrecomposed() throws {
        let nfc = "Nguy\u{1EC5}n Th\u{1ECB} Huy\u{1EC1}n"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(nfc.unicodeScalars))
        #expect(try line(nfd) == line(nfc))
    }
}
