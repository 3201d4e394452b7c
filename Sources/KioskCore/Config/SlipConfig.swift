/// What every receipt-and-appointment slip of the office says about the office, and where slips print.
public struct SlipConfig: Sendable, Equatable {
    /// The superior body ("UBND thành phố Hà Nội"), nil for none.
    public var parentBody: String?
    /// The body receiving dossiers ("UBND phường Hoàn Kiếm").
    public var issuingBody: String
    /// The place in the date line ("Hà Nội").
    public var place: String
    /// The `[[printers]]` id slips go to unless the request's counter has its own `slip_printer`.
    public var printer: String
    /// Who takes feedback and complaints (required on the slip).
    public var feedbackBody: String?
    public var feedbackAddress: String
    public var feedbackHotline: String

    public init(
        parentBody: String?, issuingBody: String, place: String, printer: String, feedbackBody: String?,
        feedbackAddress: String, feedbackHotline: String
    ) {
        self.parentBody = parentBody
        self.issuingBody = issuingBody
        self.place = place
        self.printer = printer
        self.feedbackBody = feedbackBody
        self.feedbackAddress = feedbackAddress
        self.feedbackHotline = feedbackHotline
    }
}
