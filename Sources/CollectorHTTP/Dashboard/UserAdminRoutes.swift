import Foundation
import Hummingbird

/// The dashboard accounts, for province admins only: who has an account, and disabling one (its
/// sessions end at once) or enabling it again. The same as `collectord user list|disable|enable`;
/// each change goes in the audit trail. Passwords are set with `collectord user add`.
extension DashboardRoutes {
    func addUserAdmin(to router: Router<CollectorRequestContext>) {
        router.get("/users") { request, _ in
            let checked = try await adminRequest(request, posted: false)
            guard case .admin(let account, let fields) = checked else { return checked.response! }
            let notice = fields["disabled"].map { "Đã khóa tài khoản \($0). / Account disabled." }
                ?? fields["enabled"].map { "Đã mở lại tài khoản \($0). / Account enabled." }
            return try await userPage(account, status: .ok, notice: notice, error: nil)
        }
        for (path, disable) in [("/users/disable", true), ("/users/enable", false)] {
            router.post(RouterPath(path)) { request, _ in
                let checked = try await adminRequest(request, posted: true)
                guard case .admin(let account, let form) = checked else { return checked.response! }
                guard let name = form["name"], !name.isEmpty else {
                    return try await userPage(account, status: .unprocessableContent, notice: nil, error: "Thiếu tên tài khoản. / The account name is missing.")
                }
                if disable && name == account.name {
                    return try await userPage(
                        account, status: .unprocessableContent, notice: nil,
                        error: "Không tự khóa tài khoản của mình được. / You cannot disable your own account.")
                }
                guard try await accounts.setStaff(named: name, disabled: disable, by: "dashboard:" + account.name) else {
                    return try await userPage(
                        account, status: .notFound, notice: nil, error: "Không có tài khoản \(name) để đổi. / No such account to change.")
                }
                let query = (disable ? "disabled=" : "enabled=") + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return Response.redirect(to: "/users?\(query)", type: .normal)
            }
        }
    }

    private func userPage(_ account: DashboardSession, status: HTTPResponse.Status, notice: String?, error: String?) async throws -> Response {
        let accounts = try await accounts.staffAccounts().map(UserAdminPage.Account.init)
        return page("users", status: status, UserAdminPage(user: account.name, accounts: accounts, notice: notice, error: error), session: account)
    }
}
