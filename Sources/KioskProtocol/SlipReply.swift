/// A slip printed or not (`print-slip` and `POST /api/v1/slips`): the outcome, the request's
/// dossier code and times, and the return time in words for the counter's screen.
public struct SlipReply: Codable, Sendable, Equatable {
    public var printer: String
    public var printed: Bool
    public var job: Int?
    public var problem: String?
    public var message: String?
    public var dossierCode: String
    /// ISO 8601 with the office's offset.
    public var receivedAt: String
    public var returnAt: String
    /// "08:00 thứ Hai, 07/12/2026".
    public var returnText: String
    /// The return date was counted through a year without an official calendar: its days off
    /// come from the law and a rule, and may move when the year's decisions are installed.
    public var provisional: Bool
    /// Why the date is provisional, Vietnamese first, then English; nil when it is not.
    public var calendarNotice: String?

    public init(
        outcome: PrintOutcome, dossierCode: String, receivedAt: String, returnAt: String, returnText: String,
        provisional: Bool = false, calendarNotice: String? = nil
    ) {
        printer = outcome.printer
        printed = outcome.printed
        job = outcome.job
        problem = outcome.problem
        message = outcome.message
        self.dossierCode = dossierCode
        self.receivedAt = receivedAt
        self.returnAt = returnAt
        self.returnText = returnText
        self.provisional = provisional
        self.calendarNotice = calendarNotice
    }
}
