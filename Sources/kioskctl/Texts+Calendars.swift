import KioskProtocol
import KioskSync

/// What `kioskctl push` prints about the calendars fetched from the collector.
extension Texts {
    static let calendarKeyUnusable =
        "[sync] collector_key không phải khóa Ed25519 dùng được; hỏi lại quản trị tỉnh khóa mà `collectord key` in ra / [sync] collector_key is not a usable Ed25519 key; ask the province admin for what `collectord key` prints"

    static func calendarsReloaded(_ calendar: StatusReport.Calendar) -> String {
        let years = calendar.officialYears.map(String.init).joined(separator: ", ")
        return "kioskd đã nạp lại lịch (năm chính thức: \(years)) / kioskd reloaded its calendar (official years: \(years))"
    }

    static func calendarReloadRefused(_ refusal: ControlFailure) -> String {
        let problems = (refusal.problems ?? []).map { "\n  \($0.field): \($0.reason)" }.joined()
        return "kioskd không nạp lại lịch, vẫn dùng lịch cũ / kioskd did not reload its calendar and keeps the old one: \(refusal.error)\(problems)"
    }

    static func calendarReloadAtStart(_ reason: String) -> String {
        "kioskd chưa chạy, sẽ đọc lịch mới khi khởi động / kioskd is not running and reads the new calendar when it starts (\(reason))"
    }

    static func calendarInstalled(_ holding: CalendarHolding, path: String) -> String {
        "Lịch \(holding.year) phiên bản \(holding.version): đã cài \(path) / calendar \(holding.year) version \(holding.version) installed"
    }

    static func calendarsCurrent(_ had: [CalendarHolding]) -> String {
        let list = had.isEmpty ? "—" : had.map { "\($0.year) v\($0.version)" }.joined(separator: ", ")
        return "Lịch đã mới nhất (\(list)) / calendars are up to date (\(list))"
    }

    static func calendarRefused(_ refused: CalendarFetchReport.Refused) -> String {
        let what = "lịch \(refused.year) phiên bản \(refused.version) bị từ chối, lịch cũ giữ nguyên / calendar \(refused.year) version \(refused.version) refused, the old one stays"
        let why: String
        switch refused.reason {
        case .tampered: why = "nội dung không khớp mã băm (bị sửa trên đường truyền) / the text does not match its hash (altered)"
        case .badSignature:
            why = "chữ ký không phải của máy chủ tổng hợp ([sync] collector_key) / the signature is not the collector's ([sync] collector_key)"
        case .stale(let installed): why = "không mới hơn phiên bản đã cài (\(installed)) / not newer than the installed version (\(installed))"
        case .invalid(let issues): why = "tệp không hợp lệ / the file is invalid:\n" + issues.map { "  \($0)" }.joined(separator: "\n")
        }
        return "\(what): \(why)"
    }

    static func calendarFailure(_ failure: CalendarFetchReport.Failure) -> String {
        switch failure {
        case .unreachable(let problem): "không lấy được lịch, sẽ thử lại lần sau / calendars not fetched, will try again next run: \(problem)"
        case .refused(let status, let reason): "máy chủ từ chối yêu cầu lịch / the collector refused the calendar request (HTTP \(status)): \(reason)"
        case .unreadable(let problem): "không đọc được câu trả lời về lịch / the collector's calendar answer does not read: \(problem)"
        case .notInstalled(let year, let problem): "không cài được lịch \(year) / could not install calendar \(year): \(problem)"
        }
    }
}
