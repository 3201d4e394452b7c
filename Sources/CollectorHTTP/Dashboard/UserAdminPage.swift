import CollectorCore

/// The accounts page: every account, with a notice of the last change or the reason it failed.
struct UserAdminPage: DashboardPage {
    struct Account {
        let name: String
        let role: String
        let district: String
        let disabled: Bool
        /// `enabled` or `disabled`, for the row's `data-status`.
        let status: String

        init(_ account: StaffAccount) {
            name = account.name
            role = account.role == .provinceAdmin ? "Quản trị tỉnh / Province admin" : "Cán bộ quận / District staff"
            district = account.district
            disabled = account.disabled
            status = account.disabled ? "disabled" : "enabled"
        }
    }

    let title = "Tài khoản"
    var user: String
    var accounts: [Account]
    var notice: String?
    var error: String?
    var csrf: String?
}
