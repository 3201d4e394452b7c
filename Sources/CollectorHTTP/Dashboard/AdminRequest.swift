import Hummingbird

/// A request to a province admin's page, checked: signed in (else the sign-in page), a province
/// admin (else 403) and, for a post, `FormPost`'s checks (else 403 or 415 with the reason).
enum AdminRequest {
    case admin(DashboardSession, FormFields)
    case answered(Response)

    var response: Response? {
        if case .answered(let response) = self { return response }
        return nil
    }
}

extension DashboardRoutes {
    /// - Parameter posted: a form post (its body is the form); else the query is.
    func adminRequest(_ request: Request, posted: Bool) async throws -> AdminRequest {
        guard let account = try await signedIn(request) else { return .answered(Response.redirect(to: "/login", type: .found)) }
        guard account.role == .provinceAdmin else { return .answered(adminOnly(account)) }
        guard posted else { return .admin(account, FormFields(request.uri.query ?? "")) }
        var request = request
        switch try await FormPost.check(&request, host: host(of: request), session: account) {
        case .refused(let status, let reason): return .answered(refusal(status, reason, session: account))
        case .form(let form): return .admin(account, form)
        }
    }
}
