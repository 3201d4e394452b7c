import Foundation

/// What an office's case software asks the kiosk to print: a "Giấy tiếp nhận hồ sơ và hẹn trả
/// kết quả" (receipt of a dossier and appointment for its result), already validated.
///
/// Built by `SlipRequestParser` from the JSON the daemon receives; the return time, when not
/// given, is computed by `SlipAppointment` from the office's working calendar.
public struct SlipRequest: Sendable, Equatable {
    /// Mã hồ sơ; printed and encoded in the QR code.
    public var dossierCode: String
    public var applicant: Applicant
    /// The procedure requested ("Đăng ký khai sinh").
    public var procedure: String
    /// The documents handed in, in the order given.
    public var documents: [Document]
    /// Number of sets of the dossier.
    public var numberOfSets: Int
    /// The legal processing time in working days, a multiple of 0.5.
    public var processingWorkingDays: Double
    public var receivedAt: Date
    /// The appointment the case software fixed itself; nil: computed from the working calendar.
    public var returnAt: Date?
    public var collection: Collection
    /// Record book (Quyển số) and serial number (Số thứ tự) in the office's dossier register.
    public var recordBook: String
    public var serialNumber: String
    /// The receiving officer's name, printed under the signature line; nil leaves it blank.
    public var receivingOfficer: String?
    /// The counter whose printer prints the slip; nil: the office's slip printer.
    public var counter: String?
    /// How many copies (liên) to print: 1, or 2 ("Liên 1: Lưu", "Liên 2: Giao người nộp").
    public var copies: Int

    public struct Applicant: Sendable, Equatable {
        public var name: String
        public var address: String
        public var phone: String
        public var email: String?

        public init(name: String, address: String, phone: String, email: String? = nil) {
            self.name = name
            self.address = address
            self.phone = phone
            self.email = email
        }
    }

    public struct Document: Sendable, Equatable {
        public var name: String
        /// "Bản chính", "Bản sao", …; nil for none.
        public var form: String?
        public var copies: Int

        public init(name: String, form: String? = nil, copies: Int = 1) {
            self.name = name
            self.form = form
            self.copies = copies
        }
    }

    /// How the applicant collects the result.
    public enum Collection: Sendable, Equatable {
        /// At the counter (Bộ phận tiếp nhận và trả kết quả).
        case atCounter
        /// By the public postal service, to an address (nil: the applicant's).
        case byPost(address: String?)
    }

    public init(
        dossierCode: String, applicant: Applicant, procedure: String, documents: [Document],
        numberOfSets: Int = 1, processingWorkingDays: Double, receivedAt: Date, returnAt: Date? = nil,
        collection: Collection = .atCounter, recordBook: String, serialNumber: String,
        receivingOfficer: String? = nil, counter: String? = nil, copies: Int = 2
    ) {
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
        self.receivingOfficer = receivingOfficer
        self.counter = counter
        self.copies = copies
    }
}
