import Foundation
import KioskPrint
import KioskPrintSamples
import Testing

/// Slips with many documents: on paper they run onto further pages at full size, on a roll they
/// grow longer.
@Suite struct SlipPaginationTests {
    /// The sample slip with `count` documents: its own four, then "Giấy tờ kèm theo số 5", ….
    static func slip(documents count: Int) -> SlipPrintout {
        var slip = SamplePrintouts.slip
        slip.documents += (slip.documents.count + 1...count).map {
            .init(name: "Giấy tờ kèm theo số \($0)", form: "Bản sao", copies: 2)
        }
        return slip
    }

    /// "12) Giấy tờ kèm theo số 12 (Bản sao: 02)", as printed.
    static func entry(_ number: Int, of slip: SlipPrintout) -> String {
        let document = slip.documents[number - 1]
        return "\(number)) " + PrintTexts.document(name: document.name, form: document.form, copies: document.copies)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var paper: PaperSize
        var documents: Int
        var pagesPerCopy: Int
        var testDescription: String { "\(documents) documents on \(paper)" }
    }

    static let cases = [
        Case(paper: .a5, documents: 40, pagesPerCopy: 2), Case(paper: .a5, documents: 120, pagesPerCopy: 4),
        Case(paper: .a4, documents: 40, pagesPerCopy: 2), Case(paper: .a4, documents: 120, pagesPerCopy: 4),
    ]

    static let hasPdftotext = PrintTestSupport.program("pdftotext") != nil
    static let code = SamplePrintouts.slip.dossierCode
    static let labels = SlipPrintout.Copy.allCases.map(\.label)

    /// The page texts of each copy, Liên 1 then Liên 2.
    static func copies(_ pdf: [UInt8], pagesPerCopy: Int) throws -> [[String]] {
        let pages = try PrintTestSupport.pdfPageTexts(pdf)
        return stride(from: 0, to: pages.count, by: pagesPerCopy).map { Array(pages[$0..<min($0 + pagesPerCopy, pages.count)]) }
    }

    static func pageNumbers(_ text: String) -> [String] {
        text.matches(of: /Trang [0-9]+\/[0-9]+/).map { String($0.output) }
    }

    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"), arguments: cases)
    func everyPageOfACopyHasTheDossierCodeAndItsPageNumber(_ test: Case) throws {
        let pdf = try Self.slip(documents: test.documents).renderPDF(paper: test.paper)
        let copies = try Self.copies(pdf, pagesPerCopy: test.pagesPerCopy)
        #expect(copies.map(\.count) == [test.pagesPerCopy, test.pagesPerCopy])
        for (copy, pages) in copies.enumerated() {
            for (index, text) in pages.enumerated() {
                let page = "Liên \(copy + 1), page \(index + 1)"
                #expect(text.contains(Self.labels[copy]), "\(page)")
                #expect(!text.contains(Self.labels[1 - copy]), "\(page)")
                // In the foot; page 1 also has it under the header, by the QR code.
                #expect(text.ranges(of: "\(PrintTexts.dossierCode) \(Self.code)").count == (index == 0 ? 2 : 1), "\(page)")
                #expect(Self.pageNumbers(text) == ["Trang \(index + 1)/\(test.pagesPerCopy)"], "\(page)")
            }
        }
    }

    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"), arguments: cases)
    func everyDocumentIsPrintedOnceInEachCopyInOrder(_ test: Case) throws {
        let slip = Self.slip(documents: test.documents)
        let copies = try Self.copies(try slip.renderPDF(paper: test.paper), pagesPerCopy: test.pagesPerCopy)
        #expect(copies.count == 2)
        for (copy, pages) in copies.enumerated() {
            let text = pages.joined(separator: " ")
            var previous = text.startIndex
            for number in 1...test.documents {
                let entry = Self.entry(number, of: slip)
                let found = text.ranges(of: entry)
                #expect(found.count == 1, "Liên \(copy + 1): \(entry) printed \(found.count) times")
                if let range = found.first {
                    #expect(range.lowerBound >= previous, "Liên \(copy + 1): \(entry) out of order")
                    previous = range.lowerBound
                }
            }
        }
    }

    /// Measured on the page: pdftotext's word boxes are the font's ascent to descent at the size
    /// drawn, so a page shrunk to fit has smaller boxes.
    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"), arguments: cases)
    func laterPagesPrintAtTheSizeOfAOnePageSlip(_ test: Case) throws {
        // The sample fills an A5 page: a document in it is renamed, not added.
        var onePage = SamplePrintouts.slip
        onePage.documents[3] = .init(name: "Giấy tờ kèm theo số 4", form: "Bản sao", copies: 2)
        let reference = try PrintTestSupport.pdfPageWords(try onePage.renderPDF(paper: test.paper))
        try #require(reference.count == 2, "one page per copy")
        // Body text, the copy label (small bold) and the signature titles.
        var sizes: [String: (width: Double, height: Double)] = [:]
        for word in reference[1] where ["kèm", "Liên", "NGƯỜI"].contains(word.text) {
            sizes[word.text] = (word.width, word.height)
        }
        try #require(sizes.count == 3)
        let pages = try PrintTestSupport.pdfPageWords(try Self.slip(documents: test.documents).renderPDF(paper: test.paper))
        #expect(pages.count == 2 * test.pagesPerCopy)
        for (index, words) in pages.enumerated() {
            let measured = words.filter { sizes[$0.text] != nil }
            #expect(measured.contains { $0.text == "kèm" }, "page \(index + 1) has documents")
            for word in measured {
                let size = sizes[word.text]!
                #expect(abs(word.height - size.height) < 0.01 && abs(word.width - size.width) < 0.01,
                        "page \(index + 1): \(word.text) is \(word.width)×\(word.height), one page: \(size)")
            }
        }
    }

    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"), arguments: cases)
    func headingsStayWithTheirTextAndTheCloseOfTheFormWithTheLastDocuments(_ test: Case) throws {
        let slip = Self.slip(documents: test.documents)
        let copies = try Self.copies(try slip.renderPDF(paper: test.paper), pagesPerCopy: test.pagesPerCopy)
        let close = [PrintTexts.numberOfSets, PrintTexts.timeReturned, PrintTexts.collectAt, PrintTexts.submitter,
                     PrintTexts.receivingOfficer, PrintTexts.feedbackHeading, PrintTexts.feedbackHotline,
                     Self.entry(test.documents - 1, of: slip), Self.entry(test.documents, of: slip)]
        for (copy, pages) in copies.enumerated() {
            for (index, text) in pages.enumerated() {
                let page = "Liên \(copy + 1), page \(index + 1)"
                let isLast = index == pages.count - 1
                for expected in close {
                    #expect(text.contains(expected) == isLast, "\(page): \(expected)")
                }
                if index == 0 {
                    let heading = try #require(text.range(of: PrintTexts.documentsHeading), "\(page)")
                    let first = try #require(text.range(of: Self.entry(2, of: slip)), "\(page): two documents under the heading")
                    #expect(heading.upperBound <= first.lowerBound)
                } else {
                    // Every later page opens inside the list (its last two documents go with the close).
                    let heading = try #require(text.range(of: PrintTexts.documentsContinued), "\(page)")
                    let entry = try #require(text.range(of: ") Giấy tờ kèm theo số "), "\(page)")
                    #expect(heading.upperBound <= entry.lowerBound, "\(page)")
                    #expect(!text.contains(PrintTexts.documentsHeading), "\(page)")
                }
            }
        }
    }

    /// A longer and longer place name (above the title) or request (above the documents) moves
    /// the headings down page 1 and past its foot: wherever the break falls, no heading is left
    /// at the bottom of a page.
    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"))
    func noHeadingEndsAPage() throws {
        let headings = [(PrintTexts.slipTitle, PrintTexts.receivingUnit),
                        (PrintTexts.applicantIntro, PrintTexts.applicantName),
                        (PrintTexts.documentsHeading, "2) Giấy chứng sinh")]
        let sample = Self.slip(documents: 40)
        let clause = ", kèm theo giấy tờ chứng minh"
        // Clause by clause (under a line each) from the headings' approach to the foot until each
        // has gone over.
        let growths: [(name: String, clauses: ClosedRange<Int>, grow: (inout SlipPrintout, Int) -> Void)] = [
            ("place", 30...66, { $0.place = sample.place + String(repeating: clause, count: $1) }),
            ("request", 36...50, { $0.procedure = sample.procedure + String(repeating: clause, count: $1) }),
        ]
        var movedToPage2: Set<String> = []
        for growth in growths {
            for clauses in growth.clauses {
                var slip = sample
                growth.grow(&slip, clauses)
                let pages = try PrintTestSupport.pdfPageTexts(try slip.renderPDF(paper: .a5, copies: 1))
                for (index, text) in pages.enumerated() {
                    for (heading, next) in headings {
                        guard let found = text.range(of: heading) else { continue }
                        let page = "\(growth.name) + \(clauses) clauses, page \(index + 1): \(heading)"
                        let following = try #require(text.range(of: next), "\(page) without \(next)")
                        #expect(found.upperBound <= following.lowerBound, "\(page)")
                        if index > 0 { movedToPage2.insert(heading) }
                    }
                }
            }
        }
        // The sweeps did reach the cases they are about.
        #expect(movedToPage2 == Set(headings.map(\.0)))
    }

    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"), arguments: cases)
    func bothCopiesBreakAtTheSamePlaces(_ test: Case) throws {
        let copies = try Self.copies(try Self.slip(documents: test.documents).renderPDF(paper: test.paper),
                                     pagesPerCopy: test.pagesPerCopy)
        try #require(copies.count == 2)
        let unlabelled = copies.enumerated().map { copy, pages in
            pages.map { $0.replacingOccurrences(of: Self.labels[copy], with: "") }
        }
        #expect(unlabelled[0] == unlabelled[1])
    }

    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"))
    func oneCopyIsEveryPageOfLien1() throws {
        let pages = try PrintTestSupport.pdfPageTexts(try Self.slip(documents: 120).renderPDF(paper: .a5, copies: 1))
        #expect(pages.count == 4)
        #expect(pages.allSatisfy { $0.contains(Self.labels[0]) })
    }

    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"), arguments: PaperSize.allCases)
    func aSlipThatFitsItsPageHasNoPageNumbers(paper: PaperSize) throws {
        let pages = try PrintTestSupport.pdfPageTexts(try SamplePrintouts.slip.renderPDF(paper: paper))
        #expect(pages.count == 2)
        for text in pages {
            #expect(Self.pageNumbers(text).isEmpty)
            #expect(text.ranges(of: Self.code).count == 1)
            #expect(!text.contains(PrintTexts.documentsContinued))
        }
    }

    /// The one block still shrunk: an unbreakable one taller than a whole page (here the
    /// signatures, under a name of thousands of letters), rather than cut off at the page's foot.
    @Test(.enabled(if: hasPdftotext, "needs pdftotext (poppler-utils)"))
    func aBlockTallerThanAPageIsShrunkOntoItNotCutOff() throws {
        var slip = Self.slip(documents: 40)
        slip.receivingOfficer = String(repeating: "Lê Minh Đức ", count: 300)
        let pdf = try slip.renderPDF(paper: .a5, copies: 1)
        let pages = try PrintTestSupport.pdfPageWords(pdf)
        #expect(pages.count >= 3)
        let height = PaperSize.a5.points.height
        for (index, words) in pages.enumerated() {
            #expect(words.allSatisfy { $0.yMin >= 0 && $0.yMax <= height }, "page \(index + 1)")
        }
        #expect(pages.joined().filter { $0.text == "Đức" }.count == 300)
        let texts = try PrintTestSupport.pdfPageTexts(pdf)
        #expect(texts.last.map { $0.contains(PrintTexts.feedbackHotline) } == true)
    }

    /// On a roll, 116 more documents only add their lines: everything above them and everything
    /// below them is the same, dot for dot, as on the short slip.
    @Test(arguments: [PrinterWidth.mm80, PrinterWidth.mm58])
    func onARollAManyDocumentSlipOnlyGrowsLonger(width: Int) throws {
        for copy in SlipPrintout.Copy.allCases {
            let short = try SamplePrintouts.slip.renderBitmap(width: width, copy: copy)
            let long = try Self.slip(documents: 120).renderBitmap(width: width, copy: copy)
            func rows(_ bitmap: MonochromeBitmap, _ range: Range<Int>) -> ArraySlice<UInt8> {
                bitmap.packedRows[(range.lowerBound * bitmap.bytesPerRow)..<(range.upperBound * bitmap.bytesPerRow)]
            }
            let firstDifference = try #require((0..<short.height).first { rows(short, $0..<$0 + 1) != rows(long, $0..<$0 + 1) })
            // The first four documents are the same: the slips part after them, past the middle.
            #expect(firstDifference > short.height / 2, "\(width) dots, Liên \(copy.rawValue)")
            let tail = short.height - firstDifference
            let closeUnchanged = rows(short, firstDifference..<short.height) == rows(long, (long.height - tail)..<long.height)
            #expect(closeUnchanged, "\(width) dots, Liên \(copy.rawValue): the close of the form is unchanged")
            // At least a 20-dot line for each added document.
            #expect(long.height - short.height >= 116 * 20, "\(width) dots, Liên \(copy.rawValue)")
        }
    }
}
