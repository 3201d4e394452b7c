/// What kioskctl prints for people: Vietnamese first, English second.
enum Texts {
    static let office = "Văn phòng / Office"
    static let day = "Ngày / Day"
    static let terminal = "Điểm đánh giá / Rating terminal"
    static let counter = "Quầy / Counter"
    static let question = "Câu hỏi / Question"
    static let index = "Tỷ lệ hài lòng / Satisfied"
    static let meanScore = "Điểm trung bình / Mean score"
    static let answers = "câu trả lời / answers"
    static let misuse = "Bấm sai quy định / Misuse"
    static let ignored = "Bỏ qua / Ignored"
    static let officeTotal = "Cả văn phòng / Whole office"
    static let uptime = "chạy được / up"
    static let devices = "Thiết bị / Devices"
    static let connected = "đã kết nối / connected"
    static let notConnected = "chưa kết nối / not connected"
    static let noVotes = "Chưa có đánh giá nào / No ratings yet"
    static let printers = "Máy in / Printers"
    static let printerOK = "sẵn sàng / ready"
    static let ticketsAwaiting = "phiếu chờ in / tickets awaiting print"
    static let testPagePrinted = "đã in trang thử / test page printed"
    static let slipPrinted = "đã in giấy tiếp nhận / slip printed"
    static let slipReturn = "Hẹn trả kết quả / Return"
    static let slipRefused = "yêu cầu in giấy tiếp nhận không hợp lệ / invalid slip request"
    static let cancelled = "Đã hủy in / Printing cancelled"
    static let nothingCancelled = "Không có phiếu nào chờ in / No ticket awaits printing"
    static let reprinting = "Đang in lại phiếu / Reprinting ticket"

    static func rejected(_ kind: String) -> String {
        switch kind {
        case "misuse-lockout": "trong thời gian khoá / during lockout"
        case "misuse-unarmed": "chưa được mở / not armed"
        case "ignored-short": "chạm quá ngắn / too short"
        case "ignored-long": "chạm quá lâu / too long"
        case "ignored-outside": "ngoài vùng chọn / outside the choices"
        default: kind
        }
    }
}
