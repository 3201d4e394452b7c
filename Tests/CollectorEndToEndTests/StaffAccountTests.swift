import Foundation
import KioskTestSupport
import Testing

/// Accounts as an outsider would check them: a new password ends the account's sessions, a
/// disabled account is signed out at once and cannot sign in (with the right password, in the same
/// time as a wrong one), and a province admin lists, disables and enables accounts on the dashboard
/// as `collectord user` does, each change in the audit trail.
@Suite struct StaffAccountTests {
    @Test(arguments: CollectorBackend.available) func aNewPasswordEndsTheAccountsSessions(_ backend: CollectorBackend) throws {
        let rig = try DashboardTests.rig(backend)
        let staff = try Browser(rig.collector.base)
        #expect(try staff.signIn("badinh", DashboardTests.districtPassword) == 302)
        #expect(try staff.get("/").status == 200)
        try DashboardTests.addUser(rig, ["--name", "badinh", "--role", "district-staff", "--district", "Ba Đình"], password: "mat-khau-moi-2026-12")
        #expect(try staff.get("/").status == 302, "the old session ended with the old password")
        #expect(try staff.signIn("badinh", DashboardTests.districtPassword) == 401)
        #expect(try staff.signIn("badinh", "mat-khau-moi-2026-12") == 302)
        let trail = try rig.json(["audit"]).filter { $0["subject"] as? String == "badinh" }
        #expect((trail.last?["detail"] as? String)?.contains("password changed") == true, "\(trail)")
        #expect(!(trail.map { $0["detail"] as? String ?? "" }.joined()).contains("$2"), "no hash in the trail")
    }

    @Test(arguments: CollectorBackend.available) func aDisabledAccountIsSignedOutAndCannotSignIn(_ backend: CollectorBackend) throws {
        let rig = try DashboardTests.rig(backend)
        let staff = try Browser(rig.collector.base)
        #expect(try staff.signIn("badinh", DashboardTests.districtPassword) == 302)
        #expect(try rig.collectord(["user", "disable", "badinh"]).contains("disabled"))
        #expect(try staff.get("/").status == 302)
        #expect(try staff.signIn("badinh", DashboardTests.districtPassword) == 401)
        let listed = try rig.json(["user", "list"])
        #expect(listed.first { $0["name"] as? String == "badinh" }?["disabled"] as? Bool == true)
        #expect(try rig.collectord(["user", "enable", "badinh"]).contains("enabled"))
        #expect(try staff.signIn("badinh", DashboardTests.districtPassword) == 302)
        #expect(try rig.json(["audit"]).compactMap { $0["action"] as? String }.suffix(2) == ["user-disabled", "user-enabled"])
    }

    @Test(arguments: CollectorBackend.available) func aProvinceAdminDisablesAndEnablesAccountsOnTheDashboard(_ backend: CollectorBackend) throws {
        let rig = try DashboardTests.rig(backend)
        let admin = try Browser(rig.collector.base), staff = try Browser(rig.collector.base)
        #expect(try admin.signIn("tinh", DashboardTests.adminPassword) == 302)
        #expect(try staff.signIn("badinh", DashboardTests.districtPassword) == 302)
        let page = try admin.get("/users")
        #expect(page.status == 200 && page.body.contains("data-user=\"badinh\" data-status=\"enabled\""))
        #expect(try admin.post("/users/disable", "name=tinh").status == 422, "not one's own account")
        #expect(try admin.post("/users/disable", "name=badinh").status == 303)
        #expect(try staff.get("/").status == 302, "signed out at once")
        #expect(try admin.get("/users").body.contains("data-user=\"badinh\" data-status=\"disabled\""))
        #expect(try staff.get("/users").status == 302)
        #expect(try admin.post("/users/enable", "name=badinh").status == 303)
        #expect(try staff.signIn("badinh", DashboardTests.districtPassword) == 302)
        #expect(try staff.get("/users").status == 403, "district staff do not manage accounts")
        let trail = try rig.json(["audit"]).filter { ($0["action"] as? String)?.hasPrefix("user-") == true && $0["subject"] as? String == "badinh" }
        #expect(trail.map { $0["actor"] as? String }.suffix(2) == ["dashboard:tinh", "dashboard:tinh"])
    }
}
