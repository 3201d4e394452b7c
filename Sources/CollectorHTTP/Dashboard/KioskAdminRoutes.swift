import CollectorCore
import Foundation
import Hummingbird
import KioskSeal
import SealVerification

/// The kiosk registry on the dashboard, for province admins only (district staff get 403): the
/// registered kiosks with their key fingerprints, registering a kiosk (or replacing an active
/// kiosk's registration after it enrolled again), revoking one, and reinstating a revoked one with a
/// reason. The same as `collectord kiosk …`; each action goes in the audit trail.
extension DashboardRoutes {
    func addKioskAdmin(to router: Router<CollectorRequestContext>) {
        router.get("/kiosks") { request, _ in
            let checked = try await adminRequest(request, posted: false)
            guard case .admin(let account, let fields) = checked else { return checked.response! }
            let notice = fields["registered"].map { "Đã đăng ký máy \($0). / Kiosk registered." }
                ?? fields["revoked"].map { "Đã thu hồi máy \($0): máy không gửi số liệu được nữa. / Kiosk revoked." }
                ?? fields["reinstated"].map { "Đã khôi phục máy \($0): máy gửi số liệu lại được. / Kiosk reinstated." }
            return try await kioskPage(account, status: .ok, notice: notice, error: nil, form: [:])
        }
        router.post("/kiosks") { request, _ in
            let checked = try await adminRequest(request, posted: true)
            guard case .admin(let account, let form) = checked else { return checked.response! }
            switch KioskForm.registration(form) {
            case .failure(let problem):
                return try await kioskPage(account, status: .unprocessableContent, notice: nil, error: problem.message, form: form.values)
            case .success(let kiosk):
                let change = try await registry.register(kiosk, by: "dashboard:" + account.name)
                if let refusal = change.refusal {
                    return try await kioskPage(account, status: .conflict, notice: nil, error: refusal, form: form.values)
                }
                return Response.redirect(to: "/kiosks?registered=\(Self.queryValue(kiosk.id))", type: .normal)
            }
        }
        router.post("/kiosks/revoke") { request, _ in
            let checked = try await adminRequest(request, posted: true)
            guard case .admin(let account, let form) = checked else { return checked.response! }
            guard let id = form["id"], form["confirm"] == "yes" else {
                return try await kioskPage(
                    account, status: .unprocessableContent, notice: nil,
                    error: "Hãy đánh dấu ô xác nhận để thu hồi máy. / Tick the box to confirm the revocation.", form: [:])
            }
            guard try await registry.revoke(kiosk: id, by: "dashboard:" + account.name, reason: form["reason"] ?? "") else {
                return try await kioskPage(
                    account, status: .notFound, notice: nil, error: "Không có máy đang hoạt động \(id). / No such active kiosk.", form: [:])
            }
            return Response.redirect(to: "/kiosks?revoked=\(Self.queryValue(id))", type: .normal)
        }
        router.post("/kiosks/reinstate") { request, _ in
            let checked = try await adminRequest(request, posted: true)
            guard case .admin(let account, let form) = checked else { return checked.response! }
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let id = form["id"], !reason.isEmpty, reason.count <= 500 else {
                return try await kioskPage(
                    account, status: .unprocessableContent, notice: nil,
                    error: "Hãy ghi lý do khôi phục máy (tối đa 500 ký tự). / Give the reason for reinstating the kiosk (at most 500 characters).",
                    form: [:])
            }
            guard try await registry.reinstate(kiosk: id, by: "dashboard:" + account.name, reason: reason) else {
                return try await kioskPage(
                    account, status: .notFound, notice: nil, error: "Không có máy bị thu hồi \(id). / No such revoked kiosk.", form: [:])
            }
            return Response.redirect(to: "/kiosks?reinstated=\(Self.queryValue(id))", type: .normal)
        }
    }

    private func kioskPage(_ account: DashboardSession, status: HTTPResponse.Status, notice: String?, error: String?, form: [String: String]) async throws
        -> Response
    {
        let kiosks = try await registry.kiosks().map(KioskAdminPage.Kiosk.init)
        return page(
            "kiosks", status: status, KioskAdminPage(user: account.name, kiosks: kiosks, form: form, notice: notice, error: error), session: account)
    }

    func adminOnly(_ account: DashboardSession) -> Response {
        page(
            "forbidden", status: .forbidden,
            ForbiddenPage(message: "Chỉ quản trị viên cấp tỉnh được làm việc này (tài khoản \(account.name)). / Only a province admin may do this."),
            session: account)
    }

    private static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

/// The register form's fields, checked: every field filled in, and a real Ed25519 public key.
enum KioskForm {
    struct Problem: Error {
        let message: String
    }

    static let fields: [(name: String, label: String)] = [
        ("id", "Mã máy / Kiosk id"), ("office_code", "Mã văn phòng / Office code"), ("office_name", "Tên văn phòng / Office name"),
        ("district", "Quận/huyện / District"), ("province", "Tỉnh/thành phố / Province"), ("public_key", "Khóa công khai / Public key"),
    ]

    static func registration(_ form: FormFields) -> Result<KioskRegistration, Problem> {
        var values: [String: String] = [:]
        for field in fields {
            let value = (form[field.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { return .failure(Problem(message: "Thiếu \(field.label). / \(field.label) is missing.")) }
            guard value.count <= 200 else { return .failure(Problem(message: "\(field.label) quá dài (tối đa 200 ký tự). / Too long.")) }
            values[field.name] = value
        }
        guard let key = KioskPublicKey(base64: values["public_key"]!), SealVerifier(key).isUsable else {
            return .failure(Problem(message:
                "Khóa công khai không hợp lệ: cần khóa Ed25519 32 byte dạng base64 mà lệnh “kioskctl enroll” in ra. / Expected the base64 Ed25519 public key that “kioskctl enroll” prints."))
        }
        return .success(KioskRegistration(
            id: values["id"]!, officeCode: values["office_code"]!, officeName: values["office_name"]!, district: values["district"]!,
            province: values["province"]!, publicKey: key.base64))
    }
}
