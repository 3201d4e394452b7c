/// The sign-in page: the name typed last, and why it failed.
struct LoginPage: DashboardPage {
    let title = "Đăng nhập"
    var name: String?
    var error: String?
    var csrf: String?
}
