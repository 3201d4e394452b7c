import Foundation
import KioskPrint
import KioskPrintSamples
import Testing

@Suite struct SlipRenderingTests {
    func pageCount(_ pdf: [UInt8]) -> Int {
        // Cairo writes page objects uncompressed: "/Type /Page" (and one "/Type /Pages").
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
    }

    @Test(arguments: PaperSize.allCases)
    func pdfHasBothCopiesAsVectorText(paper: PaperSize) throws {
        let pdf = try SamplePrintouts.slip.renderPDF(paper: paper)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        #expect(pageCount(pdf) == 2)
        let text = String(decoding: pdf, as: UTF8.self)
        let size = paper.points
        #expect(text.contains("/MediaBox [ 0 0 \(size.width) \(size.height) ]"))
        // Text is the embedded DejaVu Sans (subset), not a picture of text.
        #expect(text.contains("DejaVuSans"))
        #expect(text.contains("/FontFile"))
        #expect(!text.contains("/Subtype /Image"))
    }

    @Test(.enabled(if: PrintTestSupport.program("pdftotext") != nil, "needs pdftotext (poppler-utils)"))
    func pdfTextIsTheFormsVietnamese() throws {
        let path = try PrintTestSupport.temporaryFile(try SamplePrintouts.slip.renderPDF(paper: .a5), name: "slip.pdf")
        for (page, label) in [(1, "Liên 1: Lưu"), (2, "Liên 2: Giao người nộp")] {
            let result = try PrintTestSupport.run(PrintTestSupport.program("pdftotext")!,
                                                  ["-f", "\(page)", "-l", "\(page)", path, "-"])
            let text = result.output.precomposedStringWithCanonicalMapping
                .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains(label))
            for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                             "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "000.20.36.H26-261123-0042",
                             "Nguyễn Thị Huyền Trang", "08 giờ 40 phút, ngày 23 tháng 11 năm 2026",
                             "14 giờ 00 phút, thứ Năm, ngày 26 tháng 11 năm 2026", "03 ngày làm việc",
                             "Quyển số: 05, Số thứ tự: 0042", "Giấy chứng sinh (Bản chính: 01)",
                             "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "1022"] {
                #expect(text.contains(expected), "page \(page): \(expected)")
            }
        }
    }

    @Test func rasterCopiesDifferOnlyInTheirLabel() throws {
        let slip = SamplePrintouts.slip
        let archive = try slip.renderBitmap(width: PrinterWidth.mm80, copy: .archive)
        let applicant = try slip.renderBitmap(width: PrinterWidth.mm80, copy: .applicant)
        #expect(archive.width == 576)
        #expect(archive.height == applicant.height)
        #expect(archive != applicant)
        // Everything below the label line is identical.
        let below = PixelRect(x: 0, y: 40, width: 576, height: archive.height - 40)
        #expect(archive.cropped(to: below) == applicant.cropped(to: below))
        let ink = try #require(applicant.inkBounds)
        #expect(ink.x >= 4 && ink.maxX <= 572 && ink.y >= 4 && ink.maxY <= applicant.height - 4)
    }

    @Test func onA58mmRollTheSlipWrapsAtTheSameTextSize() throws {
        let narrow = try SamplePrintouts.slip.renderBitmap(width: PrinterWidth.mm58, copy: .applicant)
        let wide = try SamplePrintouts.slip.renderBitmap(width: PrinterWidth.mm80, copy: .applicant)
        #expect(narrow.width == 384)
        #expect(narrow.height > wide.height + 200)
        let ink = try #require(narrow.inkBounds)
        #expect(ink.x >= 4 && ink.maxX <= 380 && ink.y >= 4 && ink.maxY <= narrow.height - 4)
        if PrintTestSupport.program("zbarimg") != nil {
            #expect(try PrintTestSupport.zbarDecode(png: narrow.pngData()) == ["000.20.36.H26-261123-0042"])
        }
    }

    @Test(.enabled(if: PrintTestSupport.program("zbarimg") != nil, "needs zbarimg (zbar-tools)"))
    func theSlipsQRCodeIsTheDossierCode() throws {
        let png = try SamplePrintouts.slip.renderPNG(copy: .applicant)
        #expect(try PrintTestSupport.zbarDecode(png: png) == ["000.20.36.H26-261123-0042"])
        let ticket = try SamplePrintouts.ticket.renderPNG(width: PrinterWidth.mm58)
        #expect(try PrintTestSupport.zbarDecode(png: ticket) == ["https://motcua.example.vn/ve/A001"])
    }

    @Test func theFeedbackContactIsRequired() {
        var slip = SamplePrintouts.slip
        slip.feedback.hotline = " "
        #expect(slip.missingFields == ["feedback.hotline"])
        #expect(throws: PrintRenderError.missingField("feedback.hotline")) { try slip.renderPDF() }
        slip.feedback.address = ""
        #expect(throws: PrintRenderError.missingField("feedback.address")) {
            try slip.renderBitmap(copy: .archive)
        }
    }
}
