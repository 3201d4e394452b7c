/// The surveys an office can name with `survey.preset` instead of writing its questions out.
///
/// User-facing text of KioskCore's presets lives here, Vietnamese first, English second.
public enum SurveyPresets {
    public static let names = ["default", "sipas5"]

    public static func named(_ name: String) -> Survey? {
        switch name {
        case "default": single
        case "sipas5": sipasFive
        default: nil
        }
    }

    /// The four satisfaction levels; the first two count as satisfied.
    public static let satisfactionChoices: [Choice] = [
        Choice(id: "rat-hai-long", label: "Rất hài lòng", labelEnglish: "Very satisfied", score: 100, satisfied: true),
        Choice(id: "hai-long", label: "Hài lòng", labelEnglish: "Satisfied", score: 75, satisfied: true),
        Choice(id: "binh-thuong", label: "Bình thường", labelEnglish: "Neutral", score: 50, satisfied: false),
        Choice(id: "khong-hai-long", label: "Không hài lòng", labelEnglish: "Not satisfied", score: 0, satisfied: false),
    ]

    /// One question about the service just received.
    public static let single = Survey(questions: [
        Question(
            id: "chung",
            text: "Ông/Bà có hài lòng với sự phục vụ tại quầy không?",
            textEnglish: "Are you satisfied with the service at this counter?",
            choices: satisfactionChoices
        )
    ])

    /// One question per element of the SIPAS index of satisfaction with public administrative services.
    public static let sipasFive = Survey(questions: [
        Question(
            id: "tiep-can",
            text: "Ông/Bà đánh giá thế nào về việc tiếp cận dịch vụ?",
            textEnglish: "How do you rate access to the service?",
            choices: satisfactionChoices
        ),
        Question(
            id: "thu-tuc",
            text: "Ông/Bà đánh giá thế nào về thủ tục hành chính?",
            textEnglish: "How do you rate the administrative procedure?",
            choices: satisfactionChoices
        ),
        Question(
            id: "cong-chuc",
            text: "Ông/Bà đánh giá thế nào về công chức trực tiếp giải quyết công việc?",
            textEnglish: "How do you rate the civil servant who handled your case?",
            choices: satisfactionChoices
        ),
        Question(
            id: "ket-qua",
            text: "Ông/Bà đánh giá thế nào về kết quả giải quyết thủ tục?",
            textEnglish: "How do you rate the result of the procedure?",
            choices: satisfactionChoices
        ),
        Question(
            id: "gop-y",
            text: "Ông/Bà đánh giá thế nào về việc tiếp nhận, xử lý góp ý, phản ánh, kiến nghị?",
            textEnglish: "How do you rate the handling of feedback and complaints?",
            choices: satisfactionChoices
        ),
    ])
}
