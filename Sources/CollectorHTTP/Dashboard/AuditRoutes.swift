import CollectorCore
import Foundation
import Hummingbird

/// The audit trail on the dashboard, for province admins only: a page (`/audit`) and the same as
/// CSV (`/audit.csv`).
extension DashboardRoutes {
    func addAuditTrail(to router: Router<CollectorRequestContext>) {
        router.get("/audit") { request, _ in
            let checked = try await adminRequest(request, posted: false)
            guard case .admin(let account, _) = checked else { return checked.response! }
            let entries = try await accounts.auditTrail().map(AuditPage.Entry.init)
            return page("audit", status: .ok, AuditPage(user: account.name, entries: entries), session: account)
        }
        router.get("/audit.csv") { request, _ in
            let checked = try await adminRequest(request, posted: false)
            guard case .admin = checked else { return checked.response! }
            let text = ReportCSV.audit(try await accounts.auditTrail())
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"nhat-ky-quan-tri.csv\"",
                    .cacheControl: "no-store",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
