/// A refusal as a page: what may not be done, and why.
struct ForbiddenPage: DashboardPage {
    let title = "Không được phép"
    var message: String
    var csrf: String?
}
