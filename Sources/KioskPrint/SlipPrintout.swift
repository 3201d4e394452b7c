import Foundation
import KioskCore

/// "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the receipt of a dossier and the appointment for its
/// result, with the fields of the national form. The return time comes in already computed (the
/// working-day calendar is KioskCore's).
public struct SlipPrintout: Sendable, Equatable {
    /// The superior body, printed above the issuing body ("UBND QUẬN HOÀN KIẾM"); nil for none.
    public var parentBody: String?
    /// The body that receives the dossier ("UBND PHƯỜNG HÀNG TRỐNG").
    public var issuingBody: String
    /// The place in the date line ("Hà Nội").
    public var place: String
    /// Mã hồ sơ; printed and encoded in the QR code.
    public var dossierCode: String
    public var applicant: Applicant
    /// The procedure requested ("Đăng ký khai sinh").
    public var procedure: String
    public var documents: [Document]
    /// Number of sets of the dossier.
    public var numberOfSets: Int
    /// The legal processing time in working days (halves allowed: 0.5, 2.5).
    public var processingWorkingDays: Double
    public var receivedAt: Date
    /// The appointment: when the result will be returned.
    public var returnAt: Date
    public var collection: Collection
    /// Record book (Quyển số) and serial number (Số thứ tự) in the office's dossier register.
    public var recordBook: String
    public var serialNumber: String
    /// Who takes feedback and complaints: required on the slip.
    public var feedback: FeedbackContact
    /// The receiving officer's name, printed under the signature line; nil leaves it blank.
    public var receivingOfficer: String?
    public var timeZone: TimeZone

    /// The request's applicant, documents and way of collecting the result, as the slip request gave them.
    public typealias Applicant = SlipRequest.Applicant
    public typealias Document = SlipRequest.Document
    public typealias Collection = SlipRequest.Collection

    public struct FeedbackContact: Sendable, Equatable {
        /// The body that takes feedback ("UBND phường Hàng Trống"), nil: the issuing body.
        public var body: String?
        public var address: String
        public var hotline: String

        public init(body: String? = nil, address: String, hotline: String) {
            self.body = body
            self.address = address
            self.hotline = hotline
        }
    }

    /// Which of the two copies.
    public enum Copy: Int, Sendable, CaseIterable {
        /// Liên 1: Lưu (kept by the office).
        case archive = 1
        /// Liên 2: Giao người nộp (handed to the applicant).
        case applicant = 2

        public var label: String {
            switch self {
            case .archive: PrintTexts.copyArchive
            case .applicant: PrintTexts.copyApplicant
            }
        }
    }

    public init(
        parentBody: String? = nil, issuingBody: String, place: String, dossierCode: String,
        applicant: Applicant, procedure: String, documents: [Document], numberOfSets: Int,
        processingWorkingDays: Double, receivedAt: Date, returnAt: Date, collection: Collection,
        recordBook: String, serialNumber: String, feedback: FeedbackContact, receivingOfficer: String? = nil,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    ) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.place = place
        self.dossierCode = dossierCode
        self.applicant = applicant
        self.procedure = procedure
        self.documents = documents
        self.numberOfSets = numberOfSets
        self.processingWorkingDays = processingWorkingDays
        self.receivedAt = receivedAt
        self.returnAt = returnAt
        self.collection = collection
        self.recordBook = recordBook
        self.serialNumber = serialNumber
        self.feedback = feedback
        self.receivingOfficer = receivingOfficer
        self.timeZone = timeZone
    }

    /// The fields a slip cannot be printed without, by name (empty when complete).
    public var missingFields: [String] {
        var missing: [String] = []
        func check(_ value: String, _ name: String) {
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append(name) }
        }
        check(issuingBody, "issuingBody")
        check(dossierCode, "dossierCode")
        check(applicant.name, "applicant.name")
        check(procedure, "procedure")
        check(feedback.address, "feedback.address")
        check(feedback.hotline, "feedback.hotline")
        return missing
    }

    /// One copy on a thermal printer: a 1-bit bitmap `width` dots wide (normally 576, 80 mm), as
    /// long as the content needs at full size, however many documents. A roll copy carries no
    /// "Trang n/m": it is one piece of paper, cut off whole, with its Liên label at the top.
    public func renderBitmap(width: Int = PrinterWidth.mm80, copy: Copy) throws -> MonochromeBitmap {
        try PrinterWidth.check(width)
        try checkComplete()
        let qr = try QRCode(dossierCode)
        let style = SlipStyle.raster(width: width)
        return try Raster.render(width: width, sideMargin: Int(style.margin), topMargin: Int(style.margin),
                                 bottomMargin: Int(style.margin), layout(style: style, copy: copy, qr: qr))
    }

    /// Both copies on a thermal printer, Liên 1 then Liên 2 (encode with
    /// `EscPosRaster.encode(pages:)` so each is cut off).
    public func renderBitmaps(width: Int = PrinterWidth.mm80) throws -> [MonochromeBitmap] {
        try Copy.allCases.map { try renderBitmap(width: width, copy: $0) }
    }

    /// One copy as a PNG (grayscale, black and white only), for previews.
    public func renderPNG(width: Int = PrinterWidth.mm80, copy: Copy) throws -> [UInt8] {
        try renderBitmap(width: width, copy: copy).pngData()
    }

    /// A PDF with both copies (Liên 1: Lưu, Liên 2: Giao người nộp), each on its own page, vector
    /// text; `copies: 1` gives Liên 1 only. A copy too long for the sheet (many documents) runs
    /// onto further pages at the same size, every page of it with the dossier code and
    /// "Trang n/m"; both copies break at the same places.
    public func renderPDF(paper: PaperSize = .a4, copies: Int = 2) throws -> [UInt8] {
        try checkComplete()
        let qr = try QRCode(dossierCode)
        let style = SlipStyle.document(paper)
        return try VectorDocument.pdf(
            paper: paper, margin: style.margin, title: PrintTexts.slipTitle + " – " + dossierCode, created: receivedAt,
            copies: Copy.allCases.prefix(max(1, copies)).map { copy in
                DocumentCopy(content: layout(style: style, copy: copy, qr: qr),
                             laterPagesHead: .stack(copyLabel(copy, style)),
                             foot: { page, count in pageFoot(page: page, of: count, style) })
            })
    }

    private func checkComplete() throws {
        if let first = missingFields.first { throw PrintRenderError.missingField(first) }
    }

    func layout(style s: SlipStyle, copy: Copy, qr: QRCode) -> Block {
        let received = VietnameseDate(receivedAt, timeZone: timeZone)
        let returned = VietnameseDate(returnAt, timeZone: timeZone)
        let body = TextStyle(size: s.body, lineSpacing: s.lineSpacing)
        let heading = TextStyle(size: s.heading, bold: true, align: .center)

        // Header: the issuing body on the left, the national motto on the right (stacked on a
        // narrow roll).
        var left: [Block] = []
        if let parentBody, !parentBody.isEmpty {
            left.append(.text(parentBody.uppercased(), TextStyle(size: s.heading, align: .center)))
        }
        left += [
            .text(issuingBody.uppercased(), heading),
            .fitLine(PrintTexts.receivingUnitHeading, heading, minimumSize: s.heading * 0.75),
            .gap(s.gap / 3),
            .rule(fraction: 0.3, thickness: s.hairline, align: .center),
        ]
        let right: [Block] = [
            .fitLine(PrintTexts.motto, heading, minimumSize: s.heading * 0.75),
            .fitLine(PrintTexts.mottoSubtitle, TextStyle(size: s.heading * 1.05, bold: true, align: .center),
                     minimumSize: s.heading * 0.75),
            .gap(s.gap / 3),
            .rule(fraction: 0.45, thickness: s.hairline, align: .center),
        ]
        let header: Block = s.stackHeader
            ? .stack(right + [.gap(s.gap)] + left)
            : .columns([Column(fraction: 0.43, blocks: left), Column(fraction: 0.57, blocks: right)],
                       spacing: s.gap, stackBelow: 0)

        let codeBlock: [Block] = [
            .gap(s.gap),
            .markup(Markup.field(PrintTexts.dossierCode, dossierCode), body),
            .gap(s.gap / 2),
            .text(received.placeAndDate(place), TextStyle(size: s.body, italic: true)),
        ]

        var blocks: [Block] = copyLabel(copy, s) + [
            header,
            .gap(s.gap),
            .columns([Column(fraction: 0.72, blocks: codeBlock),
                      Column(fraction: 0.28, blocks: [.qr(qr, module: s.qrModule, quietZone: 4, align: .right)])],
                     spacing: s.gap, stackBelow: 0),
            .gap(s.gap),
            .keepWithNext(.stack([
                .fitLine(PrintTexts.slipTitle, TextStyle(size: s.title, bold: true, align: .center),
                         minimumSize: s.title * 0.75),
                .gap(s.gap),
            ])),
            .markup(Markup.field(PrintTexts.receivingUnit, PrintTexts.keepTogetherIfShort(issuingBody)), body),
            .keepWithNext(.text(PrintTexts.applicantIntro, body)),
            .keepTogether(.inset(left: s.indent, right: 0, .stack(applicantBlocks(body)))),
            .markup(Markup.field(PrintTexts.procedure, procedure), body),
            .gap(s.gap / 2),
            .keepWithNext(.text(PrintTexts.documentsHeading, TextStyle(size: s.body, bold: true))),
            .continuing(.stack(documentEntries(body, s)),
                        headOnLaterPages: .text(PrintTexts.documentsContinued, TextStyle(size: s.body, bold: true))),
        ]
        let place: String
        switch collection {
        case .atCounter: place = PrintTexts.collectAtCounter
        case .byPost(let address): place = PrintTexts.byPost(to: address ?? applicant.address)
        }
        // The close of the form stays on one page: the signatures attest the times and the place
        // of collection above them, and the feedback contact alone on a last page would look
        // like a page printed by mistake.
        blocks.append(.keepTogether(.stack([
            .markup(Markup.field(PrintTexts.numberOfSets, PrintTexts.sets(numberOfSets)), body),
            .markup(Markup.field(PrintTexts.processingTime, PrintTexts.workingDays(processingWorkingDays)), body),
            .markup(Markup.field(PrintTexts.timeReceived, PrintTexts.formDateTime(received)), body),
            .markup(Markup.field(PrintTexts.timeReturned, PrintTexts.formDateTime(returned, weekday: true)), body),
            .markup(Markup.field(PrintTexts.collectAt, place), body),
            .gap(s.gap / 2),
            .text(PrintTexts.recordBook(book: recordBook, serial: serialNumber), TextStyle(size: s.body, italic: true)),
            .gap(s.gap),
            .columns([
                Column(fraction: 0.5, blocks: signature(PrintTexts.submitter, name: applicant.name, s)),
                Column(fraction: 0.5, blocks: signature(PrintTexts.receivingOfficer, name: receivingOfficer, s)),
            ], spacing: s.gap, stackBelow: 0),
            .gap(s.gap),
            .rule(fraction: 1, thickness: s.hairline, align: .center),
            .gap(s.gap / 2),
            .text(PrintTexts.feedbackHeading, TextStyle(size: s.small, bold: true)),
            .text((feedback.body ?? issuingBody), TextStyle(size: s.small)),
            .markup(Markup.field(PrintTexts.feedbackAddress, feedback.address), TextStyle(size: s.small)),
            .markup(Markup.field(PrintTexts.feedbackHotline, feedback.hotline), TextStyle(size: s.small)),
        ])))
        return .stack(blocks)
    }

    /// "Liên 2: Giao người nộp" at the top right: the first thing on every page of a copy.
    private func copyLabel(_ copy: Copy, _ s: SlipStyle) -> [Block] {
        [.text(copy.label, TextStyle(size: s.small, bold: true, align: .right)), .gap(s.gap / 2)]
    }

    /// The foot of each page of a copy that runs over several: "Mã hồ sơ: …" and "Trang n/m".
    private func pageFoot(page: Int, of count: Int, _ s: SlipStyle) -> Block {
        .stack([
            .gap(s.gap),
            .columns([
                Column(fraction: 0.75, blocks: [.markup(Markup.field(PrintTexts.dossierCode, dossierCode),
                                                        TextStyle(size: s.small))]),
                Column(fraction: 0.25, blocks: [.text(PrintTexts.page(page, of: count),
                                                      TextStyle(size: s.small, align: .right))]),
            ], spacing: s.gap, stackBelow: 0),
        ])
    }

    /// "1) Tờ khai đăng ký khai sinh (Bản chính: 01)", … Across pages the list keeps together like
    /// the lines of a paragraph: its first two entries under the heading, its last two with the
    /// close of the form, so that the last page does not open on the signatures without the list.
    private func documentEntries(_ body: TextStyle, _ s: SlipStyle) -> [Block] {
        documents.enumerated().map { index, document in
            let entry = Block.inset(left: s.indent, right: 0, .text(
                "\(index + 1)) " + PrintTexts.document(name: document.name, form: document.form, copies: document.copies),
                body))
            let kept = Composer.linesKeptTogether
            return index < kept - 1 || index >= documents.count - kept ? .keepWithNext(entry) : entry
        }
    }

    private func applicantBlocks(_ body: TextStyle) -> [Block] {
        var blocks: [Block] = [
            .markup(Markup.field(PrintTexts.applicantName, applicant.name), body),
            .markup(Markup.field(PrintTexts.applicantAddress, applicant.address), body),
            .markup(Markup.field(PrintTexts.applicantPhone, applicant.phone), body),
        ]
        if let email = applicant.email, !email.isEmpty {
            blocks.append(.markup(Markup.field(PrintTexts.applicantEmail, email), body))
        }
        return blocks
    }

    private func signature(_ title: String, name: String?, _ s: SlipStyle) -> [Block] {
        var blocks: [Block] = [
            .text(title, TextStyle(size: s.signature, bold: true, align: .center)),
            .text(PrintTexts.signHint, TextStyle(size: s.small, italic: true, align: .center)),
            .gap(s.signatureSpace),
        ]
        if let name, !name.isEmpty {
            blocks.append(.text(name, TextStyle(size: s.signature, bold: true, align: .center)))
        }
        return blocks
    }
}

/// Sizes of a slip in device units: dots on a thermal roll, points on paper.
struct SlipStyle {
    var margin: Double
    var body: Double
    var heading: Double
    var title: Double
    var small: Double
    var gap: Double
    var indent: Double
    var lineSpacing: Double
    var hairline: Double
    var qrModule: Double
    var signatureSpace: Double
    /// Titles and names under the signatures.
    var signature: Double
    /// The motto above the issuing body instead of beside it.
    var stackHeader: Bool

    /// On a roll, sizes are dots, so physical sizes: the same on 58 and 80 mm paper (a narrower
    /// roll wraps more and grows longer rather than printing smaller).
    static func raster(width: Int) -> SlipStyle {
        let k = 1.0
        return SlipStyle(
            margin: (8 * k).rounded(), body: (20 * k).rounded(), heading: (19 * k).rounded(),
            title: (22 * k).rounded(), small: (18 * k).rounded(), gap: (10 * k).rounded(), indent: (16 * k).rounded(),
            lineSpacing: 1, hairline: 1, qrModule: width >= PrinterWidth.mm80 ? 4 : 3,
            signatureSpace: (90 * k).rounded(), signature: (17 * k).rounded(), stackHeader: width < 700)
    }

    static func document(_ paper: PaperSize) -> SlipStyle {
        switch paper {
        case .a5:
            SlipStyle(margin: 26, body: 9.5, heading: 8.5, title: 11.5, small: 8.5, gap: 7, indent: 10,
                      lineSpacing: 0.5, hairline: 0.6, qrModule: 1.8, signatureSpace: 48, signature: 9.5,
                      stackHeader: false)
        case .a4:
            SlipStyle(margin: 56, body: 12, heading: 11, title: 14.5, small: 10.5, gap: 10, indent: 14,
                      lineSpacing: 1, hairline: 0.7, qrModule: 2.4, signatureSpace: 72, signature: 12,
                      stackHeader: false)
        }
    }
}
