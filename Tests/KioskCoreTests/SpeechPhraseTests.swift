import KioskCore
import Testing

/// What speech mode says, phrase by phrase, with its numbers spelled out.
@Suite struct SpeechPhraseTests {
    static let table: [(SpeechPhrase, String)] = [
        (
            .entranceMenu(place: "bên phải cửa ra vào", services: ["Tư pháp – Hộ tịch", "Đất đai"], priorityChoices: ["Người cao tuổi"]),
            "Máy lấy số thứ tự, bên phải cửa ra vào. Mời chọn dịch vụ. Phím một: Tư pháp – Hộ tịch. Phím hai: Đất đai. "
                + "Vé ưu tiên cho Người cao tuổi: chọn dịch vụ, rồi chọn ưu tiên. "
                + "Phím không: nghe lại. Phím sao: thoát. Phím thăng: âm lượng và tốc độ."
        ),
        (
            .entranceMenu(place: "tầng một", services: ["Đất đai"], priorityChoices: []),
            "Máy lấy số thứ tự, tầng một. Mời chọn dịch vụ. Phím một: Đất đai. Phím không: nghe lại. Phím sao: thoát. Phím thăng: âm lượng và tốc độ."
        ),
        (
            .priorityMenu(service: "Đất đai", choices: [nil, "Người cao tuổi", "Người khuyết tật"]),
            "Đất đai. Phím một: vé thường. Phím hai: vé ưu tiên, Người cao tuổi. Phím ba: vé ưu tiên, Người khuyết tật. Phím sao: quay lại."
        ),
        (
            .ticketIssued(number: "A012", service: "Đất đai", counters: [15], ahead: 21),
            "Số của bạn là a không một hai. Dịch vụ: Đất đai. Quầy phục vụ: quầy số mười lăm. Có hai mươi mốt người chờ trước bạn. "
                + "Vé ở khe in. Khi đến lượt, số của bạn được gọi trong sảnh. Phím không: nghe lại. Phím sao: lấy số khác."
        ),
        (
            .ticketIssued(number: "B105", service: "Hộ tịch", counters: [2, 4, 5], ahead: 0),
            "Số của bạn là bê một không năm. Dịch vụ: Hộ tịch. Quầy phục vụ: quầy số hai, quầy số bốn và quầy số năm. Không có ai chờ trước bạn. "
                + "Vé ở khe in. Khi đến lượt, số của bạn được gọi trong sảnh. Phím không: nghe lại. Phím sao: lấy số khác."
        ),
        (
            .ticketIssued(number: "C1", service: "Thuế", counters: [], ahead: 105),
            "Số của bạn là xê một. Dịch vụ: Thuế. Có một trăm linh năm người chờ trước bạn. "
                + "Vé ở khe in. Khi đến lượt, số của bạn được gọi trong sảnh. Phím không: nghe lại. Phím sao: lấy số khác."
        ),
        (.ticketPrinting, "Đang in vé, xin chờ."),
        (.ticketNotIssued, "Chưa lấy được số. Xin mời hỏi cán bộ ở bàn hướng dẫn."),
        (.ratingWelcome(counter: 24, place: "quầy Đất đai"), "Máy đánh giá quầy số hai mươi tư, quầy Đất đai. Đánh giá của bạn là ẩn danh."),
        (
            .ratingQuestion(text: "Bạn có hài lòng không?", choices: ["Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Không hài lòng"]),
            "Bạn có hài lòng không? Phím một: Rất hài lòng. Phím hai: Hài lòng. Phím ba: Chưa hài lòng. Phím bốn: Không hài lòng. "
                + "Phím không: nghe lại. Phím sao: thoát. Phím thăng: âm lượng và tốc độ."
        ),
        (.choiceRepeated("Hài lòng"), "Bạn chọn: Hài lòng. Phím một: xác nhận. Phím sao: hủy."),
        (.answerCancelled, "Đã hủy, chưa ghi nhận."),
        (.answerRecorded, "Câu trả lời đã được ghi nhận."),
        (.answerNotRecorded, "Chưa ghi nhận được câu trả lời. Xin mời bấm lại."),
        (.ratingFinished, "Cảm ơn bạn đã đánh giá."),
        (.settingsMenu, "Phím hai: to hơn. Phím tám: nhỏ hơn. Phím bốn: chậm hơn. Phím sáu: nhanh hơn. Phím sao: quay lại."),
        (.volume(7), "Âm lượng mức bảy."),
        (.volume(10), "Âm lượng mức mười, cao nhất."),
        (.rate(1), "Tốc độ mức một, thấp nhất."),
        (.keyNotInMenu(.seven), "Phím bảy không có trong danh sách. Phím không: nghe lại."),
        (.keyNotInMenu(.pound), "Phím thăng không có trong danh sách. Phím không: nghe lại."),
        (.timeoutWarning, "Sắp hết thời gian chờ. Bấm phím bất kỳ để tiếp tục."),
        (.speechModeEnded, "Kết thúc chế độ đọc."),
    ]

    @Test(arguments: Self.table)
    func everyPhraseSaysThis(phrase: SpeechPhrase, text: String) {
        #expect(phrase.text == text)
    }

    @Test(arguments: Self.table)
    func noDigitIsLeftForTheVoiceToGuess(phrase: SpeechPhrase, text: String) {
        #expect(!phrase.text.contains { $0.isASCII && $0.isNumber }, "\(phrase.text)")
    }

    @Test func onlyPhrasesThatNeverChangeHaveRecordedClips() {
        for (phrase, _) in Self.table {
            let varies: Bool = switch phrase {
            case .entranceMenu, .priorityMenu, .ticketIssued, .ratingWelcome, .ratingQuestion, .choiceRepeated, .volume, .rate, .keyNotInMenu: true
            default: false
            }
            #expect((phrase.clipName == nil) == varies, "\(phrase)")
        }
        #expect(SpeechPhrase.answerRecorded.clipName == "answer-recorded")
    }
}
