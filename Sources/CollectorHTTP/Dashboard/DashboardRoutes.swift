import CollectorCore
import Foundation
import Hummingbird
import KioskCore
import KioskSeal
import Mustache

/// The dashboard for district and province staff: sign in, the satisfaction index of the period
/// by district, office, counter, service, question or day (table and chart), alerts, queue and
/// kiosk health, and CSV. Every query is limited to the person's district when they have one;
/// asking for another district is refused (403), by page and by CSV.
struct DashboardRoutes: Sendable {
    static let cookie = "kiosk_session"
    static let sessionHours = 12.0

    let registry: any KioskRegistryStore
    let reports: any ReportStore
    let accounts: any StaffStore
    let clock: CollectorClock
    /// Offices under this % satisfied are raised as alerts.
    let threshold: Double
    let library: MustacheLibrary
    let clientAddress: ClientAddress
    let calendars: any CalendarStore
    /// Signs uploaded calendars; nil: uploads are refused (503).
    let calendarSigner: CollectorSigningKey?

    init(
        registry: any KioskRegistryStore, reports: any ReportStore, accounts: any StaffStore, calendars: any CalendarStore,
        calendarSigner: CollectorSigningKey?, clock: CollectorClock, threshold: Double,
        clientAddress: ClientAddress = ClientAddress(trustedProxies: [])
    ) throws {
        self.clientAddress = clientAddress
        self.calendars = calendars
        self.calendarSigner = calendarSigner
        _ = PasswordCheck.decoyHash  // made now, so the first unknown name costs no more than the next
        self.registry = registry
        self.reports = reports
        self.accounts = accounts
        self.clock = clock
        self.threshold = threshold
        var library = MustacheLibrary()
        try library.register(DashboardTemplates.layout, named: "layout")
        try library.register(DashboardTemplates.login, named: "login")
        try library.register(DashboardTemplates.overview, named: "overview")
        try library.register(DashboardTemplates.forbidden, named: "forbidden")
        try library.register(DashboardTemplates.audit, named: "audit")
        try library.register(DashboardTemplates.users, named: "users")
        try library.register(DashboardTemplates.kiosks, named: "kiosks")
        try library.register(DashboardTemplates.calendars, named: "calendars")
        self.library = library
    }

    func add(to router: Router<CollectorRequestContext>) {
        router.get("/login") { _, _ in page("login", status: .ok, LoginPage()) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, _ in
            var request = request
            let session = try await signedIn(request)
            if case .refused(let status, let reason) = try await FormPost.check(&request, host: host(of: request), session: session) {
                return refusal(status, reason, session: session)
            }
            if let token = request.cookies[Self.cookie]?.value { try await accounts.closeSession(tokenHash: Self.hash(token)) }
            var response = Response.redirect(to: "/login", type: .found)
            response.headers[.setCookie] = "\(Self.cookie)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
            return response
        }
        router.get("/") { request, _ in
            guard let account = try await signedIn(request) else { return Response.redirect(to: "/login", type: .found) }
            return try await overview(request, account)
        }
        router.get("/report.csv") { request, _ in
            guard let account = try await signedIn(request) else { return Response.redirect(to: "/login", type: .found) }
            return try await csv(request, account)
        }
        addKioskAdmin(to: router)
        addAuditTrail(to: router)
        addUserAdmin(to: router)
        addCalendarAdmin(to: router)
    }

    private func login(_ request: Request, _ context: CollectorRequestContext) async throws -> Response {
        var request = request
        let form: FormFields
        switch try await FormPost.check(&request, host: host(of: request), session: nil) {
        case .refused(let status, let reason): return refusal(status, reason, session: nil)
        case .form(let fields): form = fields
        }
        let name = form["name"] ?? ""
        let peer = context.remoteAddress?.ipAddress
        let source = clientAddress.resolve(peer: peer, forwardedFor: request.headers[.init("X-Forwarded-For")!])
        let keys = LoginThrottle.keys(name: name, source: source)
        let failures = try await accounts.loginFailures(keys: [keys.nameAndSource, keys.source])
        if let wait = LoginThrottle.wait(nameAndSource: failures[keys.nameAndSource], source: failures[keys.source], now: clock.now()) {
            var response = page("login", status: .tooManyRequests, LoginPage(
                name: name,
                error: "Đăng nhập sai nhiều lần từ máy này. Vui lòng thử lại sau \(wait) giây. / Too many failed sign-ins from here; try again in \(wait) s."))
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let known = try await accounts.staff(named: name)
        guard await PasswordCheck.verify(form["password"] ?? "", of: known), let account = known else {
            try await accounts.recordLoginFailure(keys: [keys.nameAndSource, keys.source], at: clock.now())
            return page("login", status: .unauthorized, LoginPage(name: name, error: "Sai tên đăng nhập hoặc mật khẩu. / Wrong user name or password."))
        }
        try await accounts.clearLoginFailures(key: keys.nameAndSource)
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let now = clock.now()
        try await accounts.openSession(tokenHash: Self.hash(token), name: account.name, at: now, expiresAt: now.addingTimeInterval(Self.sessionHours * 3600))
        var response = Response.redirect(to: "/", type: .found)
        // Behind the documented reverse proxy (and only from a trusted one) the browser speaks HTTPS.
        let secure = clientAddress.trustedProxies.contains(peer ?? "") && request.headers[.init("X-Forwarded-Proto")!] == "https" ? "; Secure" : ""
        response.headers[.setCookie] = "\(Self.cookie)=\(token); Path=/; Max-Age=\(Int(Self.sessionHours * 3600)); HttpOnly; SameSite=Strict\(secure)"
        return response
    }

    func signedIn(_ request: Request) async throws -> DashboardSession? {
        guard let token = request.cookies[Self.cookie]?.value, !token.isEmpty,
            let account = try await accounts.staffForSession(tokenHash: Self.hash(token), now: clock.now())
        else { return nil }
        return DashboardSession(account: account, sessionToken: token)
    }

    /// The host the request was sent to, as the browser named it (the documented reverse proxy
    /// passes it on in `Host`).
    func host(of request: Request) -> String? {
        request.head.authority
    }

    /// A refused form post, as a page that says why.
    func refusal(_ status: HTTPResponse.Status, _ reason: String, session: DashboardSession?) -> Response {
        page("forbidden", status: status, ForbiddenPage(message: reason), session: session)
    }

    /// The query the request asks for, limited to the person's district; nil when it asks for another district.
    private func query(_ request: Request, _ account: DashboardSession) -> (ReportQuery, ReportPeriod.Kind, LocalDay)? {
        let fields = FormFields(request.uri.query ?? "")
        if let limit = account.districtLimit, let asked = fields["district"], asked != limit { return nil }
        let kind = fields["period"].flatMap(ReportPeriod.Kind.init) ?? .month
        // Days reach the collector after they end: by default show the period holding yesterday.
        let anchor = fields["day"].flatMap(LocalDay.init) ?? clock.yesterday
        let fallback: ReportQuery.Breakdown = account.districtLimit == nil ? .district : .office
        var breakdown = fields["by"].flatMap(ReportQuery.Breakdown.init) ?? fallback
        if breakdown == .province || (account.districtLimit != nil && breakdown == .district) { breakdown = fallback }
        let query = ReportQuery(
            period: ReportPeriod(kind, containing: anchor), district: account.districtLimit ?? fields["district"], office: fields["office"],
            breakdown: breakdown)
        return (query, kind, anchor)
    }

    private func overview(_ request: Request, _ account: DashboardSession) async throws -> Response {
        guard let (query, kind, anchor) = self.query(request, account) else { return forbidden(account) }
        var officeQuery = query
        officeQuery.breakdown = .office
        var trendQuery = query
        let trendBreakdown = DashboardView.trendBreakdown(kind)
        if let trendBreakdown { trendQuery.breakdown = trendBreakdown }
        let health = try await reports.health().filter { account.districtLimit == nil || $0.district == account.districtLimit }
        let view = DashboardView(
            account: account.account, query: query, periodKind: kind, anchor: anchor, threshold: threshold,
            rows: try await reports.satisfaction(query), offices: try await reports.satisfaction(officeQuery),
            queue: try await reports.queue(query), slips: try await reports.slips(query),
            trend: trendBreakdown == nil ? [] : try await reports.satisfaction(trendQuery), health: health, today: clock.today)
        return page("overview", status: .ok, view.page, session: account)
    }

    private func csv(_ request: Request, _ account: DashboardSession) async throws -> Response {
        guard let (query, kind, _) = self.query(request, account) else { return forbidden(account) }
        let figures = FormFields(request.uri.query ?? "")["figures"] ?? "satisfaction"
        let text: String
        let name: String
        switch figures {
        case "queue":
            text = ReportCSV.queue(try await reports.queue(query))
            name = "hang-doi-\(query.breakdown.rawValue)-\(kind.rawValue)-\(query.period.from).csv"
        case "slips":
            text = ReportCSV.slips(try await reports.slips(query))
            name = "phieu-hen-\(kind.rawValue)-\(query.period.from).csv"
        default:
            text = ReportCSV.satisfaction(try await reports.satisfaction(query))
            name = "chi-so-hai-long-\(query.breakdown.rawValue)-\(kind.rawValue)-\(query.period.from).csv"
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func forbidden(_ account: DashboardSession) -> Response {
        page(
            "forbidden", status: .forbidden,
            ForbiddenPage(message: "Tài khoản \(account.name) chỉ xem được quận/huyện \(account.district). / This account may only read its own district."),
            session: account)
    }

    /// A page in the layout; a signed-in person's page gets the session's form token for its forms.
    func page(_ template: String, status: HTTPResponse.Status, _ content: some DashboardPage, session: DashboardSession? = nil) -> Response {
        var content = content
        if let session { content.csrf = session.formToken }
        let body = library.render(content, withTemplate: template) ?? ""
        let html = library.render(PageLayout(title: content.title, body: body), withTemplate: "layout") ?? body
        return Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .init("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func hash(_ token: String) -> String {
        SealHash.hex(of: Array(token.utf8))
    }
}
