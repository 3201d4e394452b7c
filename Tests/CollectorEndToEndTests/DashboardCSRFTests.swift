import Foundation
import KioskTestSupport
import Testing

/// Another site cannot make a signed-in admin's browser change anything: state-changing posts need
/// a form body, this collector's own origin and the session's form token, whatever the cookie.
@Suite struct DashboardCSRFTests {
    @Test(arguments: CollectorBackend.available) func forgedPostsAreRefusedAndTheRealFormGoesThrough(_ backend: CollectorBackend) throws {
        let rig = try DashboardTests.rig(backend)
        let admin = try Browser(rig.collector.base)
        #expect(try admin.signIn("tinh", DashboardTests.adminPassword) == 302)
        let page = try admin.get("/kiosks")
        let token = try #require(page.body.range(of: #"name="csrf" value="[0-9a-f]{64}""#, options: .regularExpression)
            .map { String(page.body[$0].dropFirst(19).dropLast()) })
        let form = "application/x-www-form-urlencoded"
        let body = "id=\(rig.kiosk)&confirm=yes&reason=x"
        let attempts: [(what: String, headers: [String], body: String, status: Int)] = [
            ("another site", ["Origin: https://evil.example", "Content-Type: \(form)"], body + "&csrf=\(token)", 403),
            ("Origin null", ["Origin: null", "Content-Type: \(form)"], body + "&csrf=\(token)", 403),
            ("no Origin or Referer", ["Content-Type: \(form)"], body + "&csrf=\(token)", 403),
            ("a Referer from another site", ["Referer: https://evil.example/page", "Content-Type: \(form)"], body + "&csrf=\(token)", 403),
            ("text/plain parsed as a form", ["Origin: \(rig.collector.base)", "Content-Type: text/plain"], body + "&csrf=\(token)", 415),
            ("multipart", ["Origin: \(rig.collector.base)", "Content-Type: multipart/form-data; boundary=x"], body, 415),
            ("no form token", ["Origin: \(rig.collector.base)", "Content-Type: \(form)"], body, 403),
            ("another session's token", ["Origin: \(rig.collector.base)", "Content-Type: \(form)"], body + "&csrf=" + String(repeating: "a", count: 64), 403),
        ]
        for attempt in attempts {
            let answer = try admin.rawPost("/kiosks/revoke", attempt.body, headers: attempt.headers)
            #expect(answer.status == attempt.status, "\(attempt.what): \(answer.status)")
        }
        func revoked() throws -> Bool? { try rig.json(["kiosk", "list"]).first { $0["id"] as? String == rig.kiosk }?["revoked"] as? Bool }
        #expect(try revoked() == false, "nothing was revoked")
        let real = try admin.rawPost(
            "/kiosks/revoke", body + "&csrf=\(token)", headers: ["Referer: \(rig.collector.base)/kiosks", "Content-Type: \(form)"])
        #expect(real.status == 303, "the page's own form, with a Referer as some browsers send it")
        #expect(try revoked() == true)

        let stranger = try Browser(rig.collector.base)
        let login = "name=tinh&password=\(DashboardTests.adminPassword)"
        #expect(try stranger.rawPost("/login", login, headers: ["Origin: null", "Content-Type: \(form)"]).status == 403)
        #expect(try stranger.rawPost("/login", login, headers: ["Origin: \(rig.collector.base)", "Content-Type: text/plain"]).status == 415)
    }
}
