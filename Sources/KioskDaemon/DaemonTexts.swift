import KioskCups
import KioskInput
import KioskPrint

/// A message in both languages; shown Vietnamese first, then English.
struct Bilingual: Sendable, Equatable {
    var vietnamese: String
    var english: String

    var text: String { "\(vietnamese) / \(english)" }
}

/// What kioskd tells people through the terminals and `kioskctl`: Vietnamese first, then English.
enum DaemonTexts {
    static func condition(_ condition: PrinterCondition) -> Bilingual {
        switch condition {
        case .outOfPaper: Bilingual(vietnamese: "Máy in hết giấy.", english: "The printer is out of paper.")
        case .paperJam: Bilingual(vietnamese: "Máy in bị kẹt giấy.", english: "The printer has a paper jam.")
        case .coverOpen: Bilingual(vietnamese: "Nắp máy in đang mở.", english: "The printer cover is open.")
        case .offline: Bilingual(vietnamese: "Máy in mất kết nối.", english: "The printer is offline.")
        case .stopped: Bilingual(vietnamese: "Máy in đang tạm dừng.", english: "The printer is stopped.")
        case .notAccepting: Bilingual(vietnamese: "Máy in không nhận lệnh in.", english: "The printer is not accepting jobs.")
        }
    }

    static let cupsUnreachable = Bilingual(
        vietnamese: "Không kết nối được dịch vụ in (CUPS).", english: "The print service (CUPS) cannot be reached.")
    static let cupsCrashed = Bilingual(
        vietnamese: "Dịch vụ in (CUPS) bị dừng đột ngột khi nhận lệnh in.",
        english: "The print service (CUPS) stopped suddenly on a print job.")
    static let timedOut = Bilingual(
        vietnamese: "Máy in không in xong trong thời gian cho phép.", english: "The printer did not finish in time.")
    static let aborted = Bilingual(vietnamese: "Lệnh in bị hủy hoặc lỗi.", english: "The print job was cancelled or failed.")
    static func refused(_ detail: String) -> Bilingual {
        Bilingual(vietnamese: "Dịch vụ in từ chối lệnh in.", english: "CUPS refused the job: \(detail)")
    }
    static func renderFailed(_ detail: String) -> Bilingual {
        Bilingual(vietnamese: "Không tạo được bản in.", english: "The printout could not be made: \(detail)")
    }

    /// On the entrance screen when cupsd crashed twice on the ticket's job: kioskd does not send
    /// it again by itself.
    static func ticketHeld(_ number: String) -> String {
        Bilingual(
            vietnamese: "Số \(number) của bạn đã được ghi nhận nhưng chưa in được phiếu. Dịch vụ in gặp sự cố. Xin hãy nhớ số \(number) và báo cán bộ.",
            english: "Your number \(number) is recorded but the ticket could not be printed: the print service failed. Please remember \(number) and tell a staff member."
        ).text
    }

    /// In the journal and `kioskctl status` when a ticket is held.
    static func heldForStaff(_ numbers: [String]) -> Bilingual {
        let list = numbers.joined(separator: ", ")
        return Bilingual(
            vietnamese: "Không tự in lại \(list): dịch vụ in đã dừng đột ngột hai lần khi in. Chạy `kioskctl print retry` để thử lại.",
            english: "Not resubmitting \(list): CUPS stopped twice on its job. Run `kioskctl print retry` to try again.")
    }

    /// In the journal and `kioskctl status` when a device configured as a touchscreen is not one.
    static func notATouchscreen(path: String, name: String, role: String, _ refusal: TouchscreenCheck.Refusal) -> Bilingual {
        let device = "\(path) (\(name))"
        let fixPath = (
            vietnamese: "Hãy sửa `path` của thiết bị \(role) trong tệp cấu hình cho đúng màn hình cảm ứng",
            english: "Point the \(role)'s `path` in the office file at the touchscreen")
        let override = (
            vietnamese: "; nếu đây đúng là màn hình cảm ứng, đặt `accept_indirect = true` cho thiết bị này.",
            english: ", or, if this really is the screen, set `accept_indirect = true` for it.")
        switch refusal {
        case .pointerProperty:
            return Bilingual(
                vietnamese: "Không dùng \(device) làm \(role): đây là bàn di chuột (touchpad) hoặc thiết bị trỏ (INPUT_PROP_POINTER), tọa độ của nó không phải vị trí trên màn hình. \(fixPath.vietnamese)\(override.vietnamese)",
                english: "Not reading \(device) as a \(role): it is a touchpad or another pointer device (INPUT_PROP_POINTER), whose coordinates are not places on the screen. \(fixPath.english)\(override.english)")
        case .fingersWithoutDirect:
            return Bilingual(
                vietnamese: "Không dùng \(device) làm \(role): thiết bị báo ngón tay (BTN_TOOL_FINGER) mà không gắn trên màn hình (thiếu INPUT_PROP_DIRECT), như một bàn di chuột (touchpad). \(fixPath.vietnamese)\(override.vietnamese)",
                english: "Not reading \(device) as a \(role): it reports fingers (BTN_TOOL_FINGER) and is not on a screen (no INPUT_PROP_DIRECT), as a touchpad does. \(fixPath.english)\(override.english)")
        case .noAbsolutePosition:
            return Bilingual(
                vietnamese: "Không dùng \(device) làm \(role): thiết bị không có trục tọa độ tuyệt đối (ABS_X/ABS_Y) nên không biết chạm vào đâu trên màn hình (chuột hoặc bàn phím). \(fixPath.vietnamese).",
                english: "Not reading \(device) as a \(role): it has no absolute position axes (ABS_X/ABS_Y), so it cannot tell where the screen was touched (a mouse or a keyboard). \(fixPath.english).")
        }
    }

    /// On the screens, in the journal and `kioskctl status` when a commit failed.
    static func cannotStore(reason: String, directory: String) -> Bilingual {
        Bilingual(
            vietnamese: "Không ghi được vào đĩa (\(reason)): lượt đánh giá và số thứ tự mới không được lưu. Hãy giải phóng dung lượng ở \(directory); máy tự ghi tiếp khi có chỗ.",
            english: "Cannot write to the disk (\(reason)): new ratings and tickets are not stored. Free space in \(directory); counting resumes by itself when there is room.")
    }

    static let waitingForRoom = Bilingual(
        vietnamese: "kioskd chờ có chỗ trống rồi tự chạy tiếp.", english: "kioskd waits for room, then starts by itself.")

    static let storingAgain = Bilingual(
        vietnamese: "Đã ghi được vào đĩa trở lại: lượt đánh giá và số thứ tự được lưu như bình thường.",
        english: "Writing to the disk again: ratings and tickets are stored as usual.")

    static func lowSpace(freeBytes: UInt64, directory: String) -> Bilingual {
        let size = freeBytes >= 1 << 20 ? "\(freeBytes >> 20) MB" : "\(freeBytes >> 10) KB"
        return Bilingual(
            vietnamese: "Đĩa sắp đầy: ở \(directory) chỉ còn \(size). Hãy giải phóng dung lượng trước khi không lưu được lượt đánh giá.",
            english: "The disk is nearly full: \(size) left in \(directory). Free space before ratings can no longer be stored.")
    }

    static func spaceBack(directory: String) -> Bilingual {
        Bilingual(vietnamese: "Đĩa ở \(directory) đã có đủ chỗ trống.", english: "\(directory) has enough free space again.")
    }

    static func checkpointFailed(_ reason: String, walBytes: UInt64) -> Bilingual {
        Bilingual(
            vietnamese: "Không chép được nhật ký WAL (\(walBytes >> 10) KB) vào tệp dữ liệu (\(reason)); không mất gì, sẽ thử lại sau một phút.",
            english: "The WAL (\(walBytes >> 10) KB) could not be checkpointed into the database (\(reason)); nothing is lost, trying again in a minute.")
    }

    /// In the journal when the kernel's event buffer overflowed during a touch.
    static let touchLostToOverflow = Bilingual(
        vietnamese: "Bộ đệm sự kiện của màn hình cảm ứng bị tràn trong lúc chạm: lần chạm này không được tính (ignored-overflow).",
        english: "the kernel's event buffer overflowed during a touch: that touch was not counted (ignored-overflow).")

    /// On the entrance screen when a ticket is kept but not printed.
    static func ticketKept(_ number: String, problem: Bilingual) -> String {
        Bilingual(
            vietnamese: "Số \(number) của bạn đã được ghi nhận nhưng chưa in được phiếu. \(problem.vietnamese) Xin hãy nhớ số \(number) và báo cán bộ.",
            english: "Your number \(number) is recorded but the ticket could not be printed. \(problem.english) Please remember \(number) and tell a staff member."
        ).text
    }

    /// In the slip's answer and the journal when the return date was counted through a year
    /// without an official calendar.
    static func provisionalReturnDate(years: [Int]) -> Bilingual {
        let list = years.map(String.init).joined(separator: ", ")
        return Bilingual(
            vietnamese: "Ngày hẹn trả là tạm tính: năm \(list) chưa có lịch nghỉ lễ, tết chính thức, ngày nghỉ được tính theo Bộ luật Lao động 2019 và có thể thay đổi khi Chính phủ công bố lịch của năm.",
            english: "The return date is provisional: \(list) has no official holiday calendar yet; its days off follow the Labour Code 2019 and may change when the Government publishes the year's decisions.")
    }

    /// In the journal at start and in `kioskctl status` when this year, or from 1 October next
    /// year, has no official calendar file.
    static func officialCalendarMissing(year: Int) -> Bilingual {
        Bilingual(
            vietnamese: "Chưa có lịch ngày làm việc chính thức năm \(year) (calendar/\(year).toml): ngày hẹn trả rơi vào năm \(year) đang được tạm tính theo Bộ luật Lao động. Hãy cài lịch chính thức khi Chính phủ công bố.",
            english: "No official working-day calendar for \(year) (calendar/\(year).toml): return dates in \(year) are provisional, computed from the Labour Code. Install the official calendar once the Government publishes it.")
    }
}
