import Foundation

/// Every string KioskPrint shows to people, in one place: what goes on paper (Vietnamese, the
/// language of the form) and error messages (Vietnamese first, then English). All literals are
/// NFC (precomposed: ế is U+1EBF, not e + U+0302 + U+0301); a test checks it.
public enum PrintTexts {
    // MARK: Queue ticket

    public static let ticketNumberCaption = "SỐ THỨ TỰ"
    public static let ticketPriority = "ƯU TIÊN"
    // U+00A0 (no-break space) keeps the last words together when the line wraps.
    public static let ticketKeep = "Vui lòng giữ phiếu cho đến khi được\u{00A0}phục\u{00A0}vụ."
    public static let ticketQRCaption = "Quét mã để theo dõi lượt của bạn"

    public static func ticketIssued(_ dateTime: String) -> String { "Thời gian lấy số: \(dateTime)" }

    public static let waitingAheadLabel = "Số người chờ trước bạn:"
    public static let nobodyAhead = "Không có ai chờ trước bạn"
    public static let estimatedWaitLabel = "Thời gian chờ dự kiến:"
    public static let countersLabel = "Nơi phục vụ:"
    public static let ticketHotlineLabel = "Góp ý, phản ánh, kiến nghị:"

    /// "khoảng 15 phút", "khoảng 1 giờ 20 phút", "dưới 1 phút" (with no-break spaces: a value
    /// wraps as a whole).
    public static func estimatedWait(minutes: Int) -> String {
        let text: String
        if minutes < 1 {
            text = "dưới 1 phút"
        } else if minutes < 60 {
            text = "khoảng \(minutes) phút"
        } else {
            let hours = minutes / 60, rest = minutes % 60
            text = rest == 0 ? "khoảng \(hours) giờ" : "khoảng \(hours) giờ \(rest) phút"
        }
        return text.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// "Quầy 3", "Quầy 1, 3" (no-break space after "Quầy").
    public static func counters(_ numbers: [Int]) -> String {
        "Quầy\u{00A0}" + numbers.map(String.init).joined(separator: ", ")
    }

    // MARK: Receipt-and-appointment slip (the national form)

    public static let testPageTitle = "TRANG IN THỬ – TEST PAGE"
    public static let testPagePrinter = "Máy in / Printer:"
    /// Every Vietnamese vowel with each tone mark, capitals and small letters: a missing or
    /// misplaced mark shows at once.
    public static let testPageMarks = """
        A Á À Ả Ã Ạ Ă Ắ Ằ Ẳ Ẵ Ặ Â Ấ Ầ Ẩ Ẫ Ậ Đ E É È Ẻ Ẽ Ẹ Ê Ế Ề Ể Ễ Ệ \
        I Í Ì Ỉ Ĩ Ị O Ó Ò Ỏ Õ Ọ Ô Ố Ồ Ổ Ỗ Ộ Ơ Ớ Ờ Ở Ỡ Ợ U Ú Ù Ủ Ũ Ụ Ư Ứ Ừ Ử Ữ Ự Y Ý Ỳ Ỷ Ỹ Ỵ
        a á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ đ e é è ẻ ẽ ẹ ê ế ề ể ễ ệ \
        i í ì ỉ ĩ ị o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ u ú ù ủ ũ ụ ư ứ ừ ử ữ ự y ý ỳ ỷ ỹ ỵ
        """

    public static let motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public static let mottoSubtitle = "Độc lập - Tự do - Hạnh phúc"
    public static let receivingUnitHeading = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"
    public static let receivingUnit = "Bộ phận tiếp nhận và trả kết quả"
    public static let slipTitle = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    public static let dossierCode = "Mã hồ sơ:"
    public static let applicantIntro = "Tiếp nhận hồ sơ của:"
    public static let applicantName = "Ông/Bà:"
    public static let applicantAddress = "Địa chỉ:"
    public static let applicantPhone = "Số điện thoại:"
    public static let applicantEmail = "Email:"
    public static let procedure = "Nội dung yêu cầu giải quyết:"
    public static let documentsHeading = "1. Thành phần hồ sơ nộp gồm:"
    /// At the top of a page the list of documents runs onto.
    public static let documentsContinued = "1. Thành phần hồ sơ nộp gồm (tiếp theo):"
    public static let numberOfSets = "2. Số lượng hồ sơ:"
    public static let processingTime = "3. Thời gian giải quyết hồ sơ theo quy định là:"
    public static let timeReceived = "4. Thời gian nhận hồ sơ:"
    public static let timeReturned = "5. Thời gian trả kết quả giải quyết hồ sơ:"
    public static let collectAt = "6. Đăng ký nhận kết quả tại:"
    public static let collectAtCounter = "Bộ phận tiếp nhận và trả kết quả"
    public static let collectByPost = "Qua dịch vụ bưu chính công ích"
    public static let feedbackHeading = "Mọi phản ánh, kiến nghị xin gửi về:"
    public static let feedbackAddress = "Địa chỉ:"
    public static let feedbackHotline = "Điện thoại (đường dây nóng):"
    public static let submitter = "NGƯỜI NỘP HỒ SƠ"
    public static let receivingOfficer = "NGƯỜI TIẾP NHẬN HỒ SƠ"
    public static let signHint = "(Ký và ghi rõ họ tên)"
    public static let copyArchive = "Liên 1: Lưu"
    public static let copyApplicant = "Liên 2: Giao người nộp"

    /// "Trang 2/3": the foot of every page of a copy that runs over several pages (Vietnamese
    /// only, like the rest of the form).
    public static func page(_ page: Int, of count: Int) -> String { "Trang \(page)/\(count)" }

    /// "Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 0123".
    public static func recordBook(book: String, serial: String) -> String {
        "Vào Sổ theo dõi hồ sơ, Quyển số: \(book), Số thứ tự: \(serial)"
    }

    /// "(bộ)" after the number of sets: "01 (bộ)" (kept on one line).
    public static func sets(_ count: Int) -> String { "\(twoDigits(count))\u{00A0}(bộ)" }

    /// "03 ngày làm việc", "2,5 ngày làm việc" (kept on one line).
    public static func workingDays(_ days: Double) -> String {
        let text: String
        if days == days.rounded() {
            text = twoDigits(Int(days))
        } else {
            text = String(format: "%.1f", days).replacingOccurrences(of: ".", with: ",")
        }
        return "\(text)\u{00A0}ngày\u{00A0}làm\u{00A0}việc"
    }

    /// One received document: "Tờ khai đăng ký khai sinh (Bản chính: 01)".
    public static func document(name: String, form: String?, copies: Int) -> String {
        if let form, !form.isEmpty {
            return "\(name) (\(form): \(twoDigits(copies)))"
        }
        return "\(name) (số lượng: \(twoDigits(copies)))"
    }

    public static let documentForms = (original: "Bản chính", copy: "Bản sao", certifiedCopy: "Bản sao chứng thực")

    public static func byPost(to address: String?) -> String {
        guard let address, !address.isEmpty else { return collectByPost }
        return "\(collectByPost), đến địa chỉ: \(address)"
    }

    /// Numbers on administrative forms are written with at least two digits: "03 ngày".
    static func twoDigits(_ value: Int) -> String {
        value >= 0 && value < 10 ? "0\(value)" : String(value)
    }

    // MARK: Dates and times

    /// The text with no-break spaces (U+00A0), so a line never wraps inside it ("ngày 26 tháng 11
    /// năm 2026" stays on one line).
    static func keepTogether(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// "08 giờ 15 phút, ngày 22 tháng 11 năm 2026", or with the weekday "14 giờ 00 phút, thứ Năm,
    /// ngày 26 tháng 11 năm 2026"; lines wrap only after a comma.
    static func formDateTime(_ date: VietnameseDate, weekday: Bool = false) -> String {
        var parts = [keepTogether("\(twoDigits(date.hour)) giờ \(twoDigits(date.minute)) phút,")]
        if weekday {
            parts.append(keepTogether(date.weekdayInSentence + ","))
        }
        parts.append(keepTogether(date.longDate))
        return parts.joined(separator: " ")
    }

    /// Short names (up to 32 characters) kept on one line; longer ones wrap normally.
    static func keepTogetherIfShort(_ text: String) -> String {
        text.count <= 32 ? keepTogether(text) : text
    }

    // MARK: Errors (Vietnamese / English)

    static let notAPNG = "Không đọc được ảnh PNG / Not a readable PNG image"
    static let noImageData = "Ảnh không có dữ liệu điểm ảnh / Image surface has no pixel data"
    static let unsupportedImageFormat = "Định dạng ảnh không hỗ trợ / Unsupported image surface format"
    static let qrEmpty = "Không thể tạo mã QR cho chuỗi rỗng / Cannot make a QR code of an empty text"
    static let qrNul = "Nội dung mã QR chứa ký tự NUL / QR text contains a NUL character"
    static let qrFailed = "Không tạo được mã QR / libqrencode could not encode the text"

    static func qrTooLong(_ bytes: Int) -> String {
        "Nội dung quá dài cho mã QR (\(bytes) byte) / Text too long for a QR code (\(bytes) bytes)"
    }

    static func cairoFailed(_ message: String) -> String { "Lỗi vẽ (Cairo) / Drawing failed (Cairo): \(message)" }
    static func pngFailed(_ message: String) -> String { "Lỗi ảnh PNG / PNG error: \(message)" }
    static func qrError(_ message: String) -> String { "Lỗi mã QR / QR code error: \(message)" }

    static func invalidSize(width: Int, height: Int) -> String {
        "Kích thước ảnh không hợp lệ / Invalid image size: \(width)×\(height)"
    }

    static func invalidWidth(_ width: Int) -> String {
        "Khổ in không hợp lệ: \(width) điểm (cần 200…2000, ví dụ 384 cho giấy 58 mm, 576 cho 80 mm) / "
            + "Invalid printer width: \(width) dots (expected 200…2000, e.g. 384 for 58 mm, 576 for 80 mm)"
    }

    static func missingField(_ field: String) -> String {
        "Thiếu thông tin bắt buộc: \(field) / Required field missing: \(field)"
    }

    static func escPosDecodeError(offset: Int, reason: String) -> String {
        "Lệnh ESC/POS không hợp lệ tại byte \(offset) / Invalid ESC/POS at byte \(offset): \(reason)"
    }

    static func escPosUnknown(_ command: String) -> String {
        "lệnh không được hỗ trợ \(command) / unsupported command \(command)"
    }

    static func escPosTruncated(_ command: String) -> String {
        "lệnh \(command) bị cắt cụt / \(command) truncated"
    }

    static func escPosRasterMode(_ mode: Int) -> String {
        "GS v 0 chế độ \(mode) không được hỗ trợ (chỉ 0) / GS v 0 mode \(mode) unsupported (only 0)"
    }

    static let escPosNoInitialize = "lệnh in không bắt đầu bằng ESC @ / job does not start with ESC @"

    static func escPosWidthChanged(_ before: Int, _ after: Int) -> String {
        "độ rộng đổi giữa trang (\(before) → \(after) byte/dòng) / width changed within a page "
            + "(\(before) → \(after) bytes per row)"
    }

    static func escPosPageCount(_ count: Int) -> String {
        "cần đúng 1 trang ảnh, có \(count) / expected exactly 1 raster page, found \(count)"
    }
}

/// Why a printout could not be rendered.
public enum PrintRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    case cairo(String)
    case png(String)
    case qr(String)
    case invalidSize(width: Int, height: Int)
    case invalidWidth(Int)
    case missingField(String)

    public var description: String {
        switch self {
        case .cairo(let message): PrintTexts.cairoFailed(message)
        case .png(let message): PrintTexts.pngFailed(message)
        case .qr(let message): PrintTexts.qrError(message)
        case .invalidSize(let width, let height): PrintTexts.invalidSize(width: width, height: height)
        case .invalidWidth(let width): PrintTexts.invalidWidth(width)
        case .missingField(let field): PrintTexts.missingField(field)
        }
    }
}
