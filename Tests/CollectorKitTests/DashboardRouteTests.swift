import CollectorCore
import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import KioskCore
import KioskSeal
import Testing

/// The dashboard's routes through Hummingbird's in-process client, on a real SQLite file: sign-in,
/// the overview and its CSV, and the province admin's pages, as each template renders its page.
@Suite struct DashboardRouteTests {
    static let first = InProcessCollector.today.adding(days: -10)!
    static let adminPassword = "mat-khau-tinh-2026"
    static let staffPassword = "mat-khau-ba-dinh-2026"
    static let origin: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"]

    /// An admin (`tinh`) and Ba Đình's staff (`badinh`).
    static func collector(_ name: String) async throws -> InProcessCollector {
        let collector = try await InProcessCollector(name)
        for (account, password) in [
            (StaffAccount(name: "tinh", role: .provinceAdmin, district: "", passwordHash: ""), adminPassword),
            (StaffAccount(name: "badinh", role: .districtStaff, district: "Ba Đình", passwordHash: ""), staffPassword),
        ] {
            var account = account
            account.passwordHash = Bcrypt.hash(password, cost: StaffAccount.passwordCost)
            try await collector.store.saveStaff(account, by: "test")
        }
        return collector
    }

    /// The sign-in's status, the session's cookie (`name=value`) if one was set, and the page.
    static func signIn(_ name: String, _ password: String, client: some TestClientProtocol) async throws -> (status: HTTPResponse.Status, cookie: String?, body: String) {
        try await client.execute(
            uri: "/login", method: .post, headers: origin, body: ByteBuffer(string: "name=\(name)&password=\(password)")
        ) { response in
            let cookie = response.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
            return (response.status, cookie, String(buffer: response.body))
        }
    }

    static func get(_ uri: String, cookie: String, client: some TestClientProtocol) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
    }

    @Test func aWrongPasswordIsRefusedAndTheRightOneOpensTheOverviewAndItsCSV() async throws {
        let collector = try await Self.collector("dashboard-overview")
        try await collector.application().test(.router) { client in
            #expect(try await collector.push(collector.day(Self.first, votes: 3), client: client).status == 201)

            let wrong = try await Self.signIn("tinh", "doan-bua-123456", client: client)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.cookie == nil)
            #expect(wrong.body.contains(#"<p class="error" id="login-error">Sai tên đăng nhập hoặc mật khẩu."#))
            #expect(wrong.body.contains(#"value="tinh""#), "the name typed is kept")
            #expect(wrong.body.contains("<title>Đăng nhập — "))

            let signedIn = try await Self.signIn("tinh", Self.adminPassword, client: client)
            #expect(signedIn.status == .found)
            let cookie = try #require(signedIn.cookie)
            #expect(cookie.hasPrefix("kiosk_session="))

            let page = try await Self.get("/?period=month&day=\(Self.first)&by=office", cookie: cookie, client: client)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("<title>Tổng hợp — "))
            #expect(html.contains(#"<tr data-key="HN-HK" data-percent="100.0"><td>Bộ phận Một cửa HN-HK</td><td class="n">3</td>"#))
            #expect(html.contains(#"<b id="total-answers">3</b>"#))
            #expect(html.contains(#"<a class="nav" href="/kiosks">"#), "an admin gets the registry's link")
            #expect(html.contains(#"<td>HN-HK-01</td><td>Bộ phận Một cửa HN-HK</td><td>\#(Self.first)</td>"#), "the kiosk's health")
            let token = try #require(html.firstRange(of: #"name="csrf" value=""#).map { html[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(token.count >= 16, "the form token is on the page")

            let csv = try await Self.get("/report.csv?period=month&day=\(Self.first)&by=office", cookie: cookie, client: client)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: csv.body).components(separatedBy: "\r\n")
            #expect(lines.first?.hasPrefix("\u{FEFF}Đơn vị / Unit,") == true)
            #expect(lines.dropFirst().first == "Bộ phận Một cửa HN-HK,HN-HK,3,3,100.0,100.0")
        }
    }

    @Test func districtStaffReadTheirDistrictOnlyAndNotTheAdminPages() async throws {
        let collector = try await Self.collector("dashboard-district")
        try await collector.application().test(.router) { client in
            let cookie = try #require(try await Self.signIn("badinh", Self.staffPassword, client: client).cookie)
            let own = try await Self.get("/", cookie: cookie, client: client)
            #expect(own.status == .ok)
            #expect(String(buffer: own.body).contains("Quận/huyện Ba Đình"))
            #expect(!String(buffer: own.body).contains(#"href="/kiosks""#))

            let other = try await Self.get("/report.csv?district=Ho%C3%A0n%20Ki%E1%BA%BFm", cookie: cookie, client: client)
            #expect(other.status == .forbidden)
            #expect(String(buffer: other.body).contains(#"<p id="forbidden">Tài khoản badinh chỉ xem được quận/huyện Ba Đình."#))
            for page in ["/kiosks", "/users", "/audit"] {
                let refused = try await Self.get(page, cookie: cookie, client: client)
                #expect(refused.status == .forbidden, "\(page)")
                #expect(String(buffer: refused.body).contains("Only a province admin may do this."), "\(page)")
            }
        }
    }

    @Test func theAdminPagesListKiosksAccountsAndTheTrail() async throws {
        let collector = try await Self.collector("dashboard-admin")
        try await collector.application().test(.router) { client in
            let cookie = try #require(try await Self.signIn("tinh", Self.adminPassword, client: client).cookie)

            let kiosks = String(buffer: try await Self.get("/kiosks", cookie: cookie, client: client).body)
            #expect(kiosks.contains(#"<tr data-kiosk="HN-HK-01" data-status="active"><td>HN-HK-01</td><td>Bộ phận Một cửa HN-HK (HN-HK)</td><td>Hoàn Kiếm, Hà Nội</td>"#))
            #expect(kiosks.contains("<code>\(collector.key.publicKey.fingerprint)</code>"))
            #expect(kiosks.contains(#"action="/kiosks/revoke"><input type="hidden" name="csrf" value=""#), "a row's form reads the page's token")
            #expect(!kiosks.contains(#"name="csrf" value="""#), "never an empty token")

            let users = String(buffer: try await Self.get("/users", cookie: cookie, client: client).body)
            #expect(users.contains(#"<tr data-user="badinh" data-status="enabled"><td>badinh</td><td>Cán bộ quận / District staff</td><td>Ba Đình</td>"#))
            #expect(users.contains(#"<tr data-user="tinh" data-status="enabled"><td>tinh</td><td>Quản trị tỉnh / Province admin</td>"#))

            let audit = String(buffer: try await Self.get("/audit", cookie: cookie, client: client).body)
            #expect(audit.contains(#"<tr data-action="kiosk-registered">"#))
            #expect(audit.contains("<td>HN-HK-01</td>"))
            #expect(audit.contains(#"<tr data-action="user-saved">"#))
        }
    }
}
