import KioskPrint

/// What kioskd tells people through the terminals and `kioskctl`: Vietnamese first, then English.
enum DaemonTexts {
    static func condition(_ condition: PrinterCondition) -> String {
        switch condition {
        case .outOfPaper: "Máy in hết giấy. / The printer is out of paper."
        case .paperJam: "Máy in bị kẹt giấy. / The printer has a paper jam."
        case .coverOpen: "Nắp máy in đang mở. / The printer cover is open."
        case .offline: "Máy in mất kết nối. / The printer is offline."
        case .stopped: "Máy in đang tạm dừng. / The printer is stopped."
        case .notAccepting: "Máy in không nhận lệnh in. / The printer is not accepting jobs."
        }
    }

    static let cupsUnreachable = "Không kết nối được dịch vụ in (CUPS). / The print service (CUPS) cannot be reached."
    static let timedOut = "Máy in không in xong trong thời gian cho phép. / The printer did not finish in time."
    static let aborted = "Lệnh in bị hủy hoặc lỗi. / The print job was cancelled or failed."
    static func refused(_ detail: String) -> String { "Dịch vụ in từ chối lệnh in. / CUPS refused the job: \(detail)" }
    static func renderFailed(_ detail: String) -> String { "Không tạo được bản in. / The printout could not be made: \(detail)" }

    static let callStaff = "Vui lòng báo cán bộ. / Please tell a staff member."

    /// On the entrance screen when a ticket is kept but not printed.
    static func ticketKept(_ number: String, problem: String) -> String {
        "Số \(number) của bạn đã được ghi nhận nhưng chưa in được phiếu. \(problem) \(callStaff) "
            + "Your number \(number) is recorded but the ticket could not be printed."
    }
}
