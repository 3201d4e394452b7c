import CollectorCore
import Foundation
import Hummingbird
import KioskCore

/// The calendars on the dashboard, for province admins only (district staff get 403): upload a
/// year's file (checked as kioskd checks it, versioned, signed with the collector's key; the same
/// as `collectord calendar add`, in the audit trail), the stored versions, which years and versions
/// each kiosk has, and from 1 October the kiosks that lack next year's calendar.
extension DashboardRoutes {
    func addCalendarAdmin(to router: Router<CollectorRequestContext>) {
        router.get("/calendars") { request, _ in
            let checked = try await adminRequest(request, posted: false)
            guard case .admin(let account, let fields) = checked else { return checked.response! }
            let notice = fields["added"].map { "Đã thêm lịch \($0). / Calendar added." }
                ?? fields["identical"].map { "Lịch \($0) đã có đúng nội dung này; không thêm phiên bản mới. / That calendar already has this text; no new version." }
            return try await calendarPage(account, status: .ok, notice: notice, problems: [])
        }
        router.post("/calendars") { request, _ in
            guard let account = try await signedIn(request) else { return Response.redirect(to: "/login", type: .found) }
            guard account.role == .provinceAdmin else { return adminOnly(account) }
            var request = request
            let form: MultipartForm
            switch try await FormPost.checkUpload(&request, host: host(of: request), session: account) {
            case .failure(let refused): return refusal(refused.status, refused.reason, session: account)
            case .success(let checked): form = checked
            }
            guard let signer = calendarSigner else {
                return try await calendarPage(
                    account, status: .serviceUnavailable, notice: nil,
                    problems: ["Máy chủ chưa có khóa ký lịch. / This collector runs without its signing key (collectord serve loads it)."])
            }
            guard let file = form["file"], let fileName = file.fileName, !fileName.isEmpty, !file.content.isEmpty else {
                return try await calendarPage(
                    account, status: .unprocessableContent, notice: nil, problems: ["Hãy chọn tệp lịch YYYY.toml. / Choose a calendar file YYYY.toml."])
            }
            guard let text = String(validating: file.content, as: UTF8.self) else {
                return try await calendarPage(
                    account, status: .unprocessableContent, notice: nil, problems: ["\(fileName): tệp không phải UTF-8. / expected UTF-8 text."])
            }
            switch CalendarUpload.check(fileName: fileName, text: text) {
            case .failure(let errors):
                return try await calendarPage(account, status: .unprocessableContent, notice: nil, problems: errors.issues.map(\.description))
            case .success(let upload):
                switch try await calendars.addCalendar(upload, sign: signer.signCalendar, by: "dashboard:" + account.name) {
                case .added(let calendar):
                    return Response.redirect(to: "/calendars?added=\(calendar.year)%20v\(calendar.version)", type: .normal)
                case .identical(let calendar):
                    return Response.redirect(to: "/calendars?identical=\(calendar.year)%20v\(calendar.version)", type: .normal)
                }
            }
        }
    }

    private func calendarPage(_ account: DashboardSession, status: HTTPResponse.Status, notice: String?, problems: [String]) async throws -> Response {
        let coverage = CalendarCoverage(
            kiosks: try await registry.kiosks(), holdings: try await calendars.calendarHoldings(), today: clock.today)
        let page = CalendarAdminPage(
            user: account.name, records: try await calendars.calendarRecords(), coverage: coverage, signer: calendarSigner?.publicKey,
            notice: notice, problems: problems)
        return self.page("calendars", status: status, page, session: account)
    }
}
