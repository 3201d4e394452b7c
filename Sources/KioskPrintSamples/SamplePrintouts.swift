import Foundation
import KioskPrint

/// Sample content for previews (`kioskctl preview`), the golden images and the benchmark. The
/// office, people and numbers are made up; the shapes are realistic (long Vietnamese names,
/// stacked marks, a dossier code as offices format them).
public enum SamplePrintouts {
    static let timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// A date in Asia/Ho_Chi_Minh.
    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// Ticket A001 of "Tư pháp – Hộ tịch", Monday 23/11/2026 08:15, with a QR code.
    public static let ticket = TicketPrintout(
        officeName: "UBND phường Hoàn Kiếm",
        serviceName: "Tư pháp – Hộ tịch",
        number: "A001",
        issuedAt: date(2026, 11, 23, 8, 15),
        timeZone: timeZone,
        waitingAhead: 5,
        estimatedWaitMinutes: 15,
        counters: [1, 3],
        hotline: "1022",
        qrURL: "https://motcua.example.vn/ve/A001")

    /// A birth registration received Monday 23/11/2026 08:40, result Thursday 26/11/2026 14:00.
    public static let slip = SlipPrintout(
        parentBody: "UBND thành phố Hà Nội",
        issuingBody: "UBND phường Hoàn Kiếm",
        place: "Hà Nội",
        dossierCode: "000.20.36.H26-261123-0042",
        applicant: .init(
            name: "Nguyễn Thị Huyền Trang",
            address: "Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội",
            phone: "0912 345 678",
            email: "huyentrang.nguyen@example.vn"),
        procedure: "Đăng ký khai sinh (thủ tục liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi)",
        documents: [
            .init(name: "Tờ khai đăng ký khai sinh", form: "Bản chính", copies: 1),
            .init(name: "Giấy chứng sinh", form: "Bản chính", copies: 1),
            .init(name: "Giấy chứng nhận kết hôn của cha, mẹ", form: "Bản sao chứng thực", copies: 1),
            .init(name: "Tờ khai thay đổi thông tin cư trú", form: "Bản chính", copies: 1),
        ],
        numberOfSets: 1,
        processingWorkingDays: 3,
        receivedAt: date(2026, 11, 23, 8, 40),
        returnAt: date(2026, 11, 26, 14, 0),
        collection: .atCounter,
        recordBook: "05",
        serialNumber: "0042",
        feedback: .init(
            body: "Văn phòng HĐND và UBND phường Hoàn Kiếm",
            address: "Số 126 phố Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội",
            hotline: "1022"),
        receivingOfficer: "Lê Minh Đức",
        timeZone: timeZone)
}
