import KioskSync

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
    static let storage = "Lưu trữ / Storage"
    static let storageOK = "ghi được / writable"
    static let free = "còn trống / free"
    static let ticketsAwaiting = "phiếu chờ in / tickets awaiting print"
    static let testPagePrinted = "đã in trang thử / test page printed"
    static let slipPrinted = "đã in giấy tiếp nhận / slip printed"
    static let slipReturn = "Hẹn trả kết quả / Return"
    static let calendar = "Lịch ngày làm việc / Working-day calendar"
    static let official = "chính thức / official"
    static let provisional = "tạm tính / provisional"
    static func provisionalRange(_ from: Int, _ to: Int) -> String {
        "các năm khác \(from)–\(to) tạm tính theo Bộ luật Lao động / other years \(from)–\(to) provisional, from the Labour Code"
    }
    static let daysOff = "Ngày nghỉ / Days off"
    static let swappedWorkingDays = "Ngày làm bù (thứ Bảy, Chủ nhật đi làm) / Swapped working days (Saturdays, Sundays worked)"
    static let none = "không có / none"
    static let speech = "Chế độ đọc / Speech mode"
    static let speechOn = "đang dùng / in use"
    static let speechOff = "chờ / idle"
    static let source = "nguồn / source"
    static func calendarOfYear(_ year: Int, official: Bool) -> String {
        official
            ? "Lịch năm \(year): chính thức / Calendar \(year): official"
            : "Lịch năm \(year): TẠM TÍNH, chưa có tệp lịch chính thức / Calendar \(year): PROVISIONAL, no official file"
    }
    static let provisionalExplained =
        "Ngày nghỉ tính theo Bộ luật Lao động 2019 (Điều 111, 112) và quy tắc chọn ngày như các năm trước; không có ngày làm bù. Cài lịch chính thức khi Chính phủ công bố. / Days off computed from the Labour Code 2019 (Articles 111, 112) and a rule from past decisions; no swapped days. Install the official calendar once the Government publishes it."
    static func calendarFile(_ path: String) -> String { "tệp / file: \(path)" }
    static let slipNotUTF8 = "tệp không phải văn bản UTF-8 / the file is not UTF-8 text"
    static let cancelled = "Đã hủy in / Printing cancelled"
    static func ticketsHeld(_ numbers: [String]) -> String {
        let list = numbers.joined(separator: ", ")
        return "Không tự in lại \(list): dịch vụ in đã dừng đột ngột hai lần khi in; chạy `kioskctl print retry` để thử lại. / "
            + "Not resubmitting \(list): CUPS stopped twice on its job; run `kioskctl print retry` to try again."
    }
    static let retrying = "Đang in lại các phiếu chờ / Printing the kept tickets now"
    static let released = "Bỏ giữ, in lại / Released, printing again"
    static let nothingCancelled = "Không có phiếu nào chờ in / No ticket awaits printing"
    static let reprinting = "Đang in lại phiếu / Reprinting ticket"
    static let keyCreated = "Đã tạo khoá ký của máy / Kiosk signing key created"
    static let keyExists = "Máy đã có khoá ký (giữ nguyên) / The kiosk already has its signing key (kept)"
    static let kiosk = "Máy / Kiosk"
    static let publicKey = "Khoá công khai / Public key"
    static let fingerprint = "Dấu vân tay / Fingerprint"
    static let registerAtCollector =
        "Gửi khoá công khai và dấu vân tay cho cán bộ quận/huyện để đăng ký máy trên máy chủ tổng hợp. / Send the public key and fingerprint to district staff to register the kiosk at the collector."
    static let noSealedDays = "Chưa có ngày nào được niêm phong / No day sealed yet"
    static let notSealed = "ngày này chưa được niêm phong / this day is not sealed"
    static let nothingToSeal = "Không có ngày nào cần niêm phong / No day to seal"
    static let sealedNow = "Đã niêm phong / Sealed"
    static let outbox = "Số ngày chờ gửi / Days waiting to be pushed"
    static let noCollector =
        "chưa cấu hình máy chủ tổng hợp ([sync] collector trong tệp cấu hình) / no collector is configured ([sync] collector in the office file)"
    static let outboxEmpty = "Không có ngày nào chờ gửi / No sealed day waits to be pushed"
    static let pushed = "đã gửi / pushed"
    static let waitingToPush = "chờ gửi / waiting to be pushed"

    static func pushResult(_ result: PushReport.DayResult) -> String {
        switch result {
        case .stored: "đã gửi / stored by the collector"
        case .alreadyStored: "máy chủ đã có / the collector already had it"
        case .refused(let status, let reason): "bị từ chối / refused (HTTP \(status)): \(reason)"
        case .unreachable(let problem): "không gửi được, sẽ thử lại lần sau / not delivered, will try again next run: \(problem)"
        }
    }

    static func rejected(_ kind: String) -> String {
        switch kind {
        case "misuse-lockout": "trong thời gian khoá / during lockout"
        case "misuse-unarmed": "chưa được mở / not armed"
        case "ignored-short": "chạm quá ngắn / too short"
        case "ignored-long": "chạm quá lâu / too long"
        case "ignored-outside": "ngoài vùng chọn / outside the choices"
        case "ignored-overflow": "mất do tràn bộ đệm / lost to an input overflow"
        default: kind
        }
    }

    static func pageReady(_ address: String) -> String { "Trang đã sẵn sàng / The page answers: \(address)" }
    static func pageWaiting(_ address: String, _ problem: String) -> String {
        "Đang chờ kioskd phục vụ trang / Waiting for kioskd to serve \(address): \(problem)"
    }
    static func pageMissing(_ address: String) -> String {
        "kioskd không có trang này (HTTP 404) — kiểm tra tên màn hình của dịch vụ / kioskd has no such page (HTTP 404), check the unit's screen name: \(address)"
    }
    static func pageTimedOut(_ address: String, seconds: Int) -> String {
        "kioskd chưa phục vụ trang sau \(seconds) giây / kioskd did not serve the page within \(seconds) s: \(address)"
    }
}
