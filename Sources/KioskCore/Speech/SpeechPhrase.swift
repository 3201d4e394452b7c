/// Everything speech mode says, in Vietnamese, in one place. Numbers and ticket numbers are
/// spelled out here (`VietnameseNumber`, `SpokenTicketNumber`) so that the voice never guesses.
public enum SpeechPhrase: Sendable, Equatable {
    /// Where the entrance terminal is, then its menu: the services on keys 1–9 and how to ask for
    /// a priority ticket.
    case entranceMenu(place: String, services: [String], priorityChoices: [String])
    /// After a service with priority tickets: regular (nil) or one of the priority classes.
    case priorityMenu(service: String, choices: [String?])
    case ticketPrinting
    case ticketIssued(number: String, service: String, counters: [Int], ahead: Int, printed: Bool = true)
    case ticketNotIssued
    /// Which counter the rating terminal rates, and where it is.
    case ratingWelcome(counter: Int, place: String)
    case ratingQuestion(text: String, choices: [String])
    /// Headphones only: the choice said back before it is committed.
    case choiceRepeated(String)
    case answerCancelled
    case answerRecorded
    case answerNotRecorded
    /// A rating terminal that takes a rating only after the counter's staff key: not yet.
    case ratingNotOpen
    /// A rating terminal that waits a little after each rating: not yet.
    case ratingLockedOut
    case ratingFinished
    case settingsMenu
    case volume(Int)
    case rate(Int)
    case keyNotInMenu(PhoneKey)
    case timeoutWarning
    case speechModeEnded

    public var text: String {
        switch self {
        case .entranceMenu(let place, let services, let priorityChoices):
            var sentences = ["Máy lấy số thứ tự, \(place).", "Mời chọn dịch vụ."]
            sentences += services.enumerated().map { "\(Self.key($0.offset + 1)): \($0.element)." }
            if !priorityChoices.isEmpty {
                sentences.append("Vé ưu tiên cho \(Self.list(priorityChoices)): chọn dịch vụ, rồi chọn ưu tiên.")
            }
            return (sentences + [Self.commonKeys]).joined(separator: " ")
        case .priorityMenu(let service, let choices):
            let lines = choices.enumerated().map { "\(Self.key($0.offset + 1)): \($0.element.map { "vé ưu tiên, \($0)" } ?? "vé thường")." }
            return ([service + "."] + lines + ["Phím sao: quay lại."]).joined(separator: " ")
        case .ticketPrinting:
            return "Đang in vé, xin chờ."
        case .ticketIssued(let number, let service, let counters, let ahead, let printed):
            var sentences = ["Số của bạn là \(SpokenTicketNumber.words(number)).", "Dịch vụ: \(service)."]
            if !counters.isEmpty {
                sentences.append("Quầy phục vụ: \(Self.list(counters.map { "quầy số \(VietnameseNumber.cardinal($0))" })).")
            }
            sentences.append(ahead == 0 ? "Không có ai chờ trước bạn." : "Có \(VietnameseNumber.cardinal(ahead)) người chờ trước bạn.")
            sentences.append(printed ? "Vé ở khe in." : "Máy in chưa in được vé, nhưng số của bạn vẫn được giữ. Xin hãy nhớ số và báo cán bộ.")
            sentences.append("Khi đến lượt, số của bạn được gọi trong sảnh. Phím không: nghe lại. Phím sao: lấy số khác.")
            return sentences.joined(separator: " ")
        case .ticketNotIssued:
            return "Chưa lấy được số. Xin mời hỏi cán bộ ở bàn hướng dẫn."
        case .ratingWelcome(let counter, let place):
            return "Máy đánh giá quầy số \(VietnameseNumber.cardinal(counter)), \(place). Đánh giá của bạn là ẩn danh."
        case .ratingQuestion(let text, let choices):
            let lines = choices.enumerated().map { "\(Self.key($0.offset + 1)): \($0.element)." }
            return ([text] + lines + [Self.commonKeys]).joined(separator: " ")
        case .choiceRepeated(let label):
            return "Bạn chọn: \(label). Phím một: xác nhận. Phím sao: hủy."
        case .answerCancelled:
            return "Đã hủy, chưa ghi nhận."
        case .answerRecorded:
            return "Câu trả lời đã được ghi nhận."
        case .answerNotRecorded:
            return "Chưa ghi nhận được câu trả lời. Xin mời bấm lại."
        case .ratingNotOpen:
            return "Máy chưa mở để đánh giá. Xin mời cán bộ quầy bấm phím mở đánh giá, rồi bấm lại."
        case .ratingLockedOut:
            return "Máy vừa nhận một đánh giá. Xin chờ một lát rồi bấm lại."
        case .ratingFinished:
            return "Cảm ơn bạn đã đánh giá."
        case .settingsMenu:
            return "Phím hai: to hơn. Phím tám: nhỏ hơn. Phím bốn: chậm hơn. Phím sáu: nhanh hơn. Phím sao: quay lại."
        case .volume(let level):
            return "Âm lượng mức \(VietnameseNumber.cardinal(level))\(Self.limit(level))."
        case .rate(let level):
            return "Tốc độ mức \(VietnameseNumber.cardinal(level))\(Self.limit(level))."
        case .keyNotInMenu(let key):
            return "\(Self.keyName(key)) không có trong danh sách. Phím không: nghe lại."
        case .timeoutWarning:
            return "Sắp hết thời gian chờ. Bấm phím bất kỳ để tiếp tục."
        case .speechModeEnded:
            return "Kết thúc chế độ đọc."
        }
    }

    /// The file name (without extension) of an office's recorded clip for this phrase, for the
    /// phrases that say the same words every time; phrases with names and numbers in them are
    /// always synthesized.
    public var clipName: String? {
        switch self {
        case .ticketPrinting: "ticket-printing"
        case .ticketNotIssued: "ticket-not-issued"
        case .answerCancelled: "answer-cancelled"
        case .answerRecorded: "answer-recorded"
        case .answerNotRecorded: "answer-not-recorded"
        case .ratingNotOpen: "rating-not-open"
        case .ratingLockedOut: "rating-locked-out"
        case .ratingFinished: "rating-finished"
        case .settingsMenu: "settings-menu"
        case .timeoutWarning: "timeout-warning"
        case .speechModeEnded: "speech-mode-ended"
        case .entranceMenu, .priorityMenu, .ticketIssued, .ratingWelcome, .ratingQuestion, .choiceRepeated, .volume, .rate,
            .keyNotInMenu:
            nil
        }
    }

    private static func limit(_ level: Int) -> String {
        level == SpeechConfig.levels.upperBound ? ", cao nhất" : level == SpeechConfig.levels.lowerBound ? ", thấp nhất" : ""
    }

    private static func key(_ number: Int) -> String {
        "Phím \(VietnameseNumber.cardinal(number))"
    }

    private static func keyName(_ key: PhoneKey) -> String {
        switch key {
        case .star: "Phím sao"
        case .pound: "Phím thăng"
        default: "Phím \(VietnameseNumber.cardinal(Int(key.rawValue)!))"
        }
    }

    private static let commonKeys = "Phím không: nghe lại. Phím sao: thoát. Phím thăng: âm lượng và tốc độ."

    /// "a", "a và b", "a, b và c".
    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " và " + items.last!
    }
}
