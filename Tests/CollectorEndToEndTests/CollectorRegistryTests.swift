import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// The registry as an outsider would try it: a revoked kiosk is not brought back by registering
/// its id again (reinstating is its own action, with a reason), a key belongs to one kiosk, and
/// every change is in the audit trail, which province admins read on the dashboard and as CSV.
@Suite struct CollectorRegistryTests {
    static let first = LocalDay(year: 2026, month: 11, day: 2)!

    func collectord(_ rig: CollectorRig, _ arguments: [String]) throws -> ChildProcess.Finished {
        try ChildProcess.run(RepositoryPaths.binary("collectord"), arguments + ["--database", rig.database], environment: ["USER": "tester"])
    }

    @Test(arguments: CollectorBackend.available) func aRevokedKioskComesBackOnlyByReinstatingWithAReason(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("registry-revoked", backend: backend)
        #expect(try collectord(rig, ["kiosk", "revoke", rig.kiosk, "--reason", "máy bị mất / stolen"]).status == 0)
        let again = try collectord(rig, [
            "kiosk", "add", "--id", rig.kiosk, "--office-code", rig.office, "--office-name", "X", "--district", "Hoàn Kiếm", "--province", "Hà Nội",
            "--public-key", KioskSigningKey.generate().publicKey.base64,
        ])
        #expect(again.status == 1)
        #expect(again.errorText.contains("revoked"), "\(again.errorText)")
        #expect(try rig.push(CollectorRig.day(Self.first).canonicalBytes()).status == 403, "still revoked")
        #expect(try collectord(rig, ["kiosk", "reinstate", rig.kiosk, "--reason", ""]).status != 0, "a reason is required")
        #expect(try collectord(rig, ["kiosk", "reinstate", rig.kiosk, "--reason", "tìm lại được / found again"]).status == 0)
        #expect(try rig.push(CollectorRig.day(Self.first).canonicalBytes()).status == 201)

        let trail = try rig.json(["audit"])
        #expect(trail.map { $0["action"] as? String } == ["kiosk-registered", "kiosk-revoked", "kiosk-reinstated"], "\(trail)")
        #expect(trail[1]["detail"] as? String == "máy bị mất / stolen")
        #expect(trail[2]["actor"] as? String == "cli:tester")
        #expect(trail.allSatisfy { ($0["at"] as? String)?.hasSuffix("Z") == true })
    }

    @Test(arguments: CollectorBackend.available) func aKeyBelongsToOneKiosk(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("registry-key", backend: backend)
        let second = try collectord(rig, [
            "kiosk", "add", "--id", "HN-HK-02", "--office-code", rig.office, "--office-name", "X", "--district", "Hoàn Kiếm", "--province", "Hà Nội",
            "--public-key", rig.key.publicKey.base64,
        ])
        #expect(second.status == 1)
        #expect(second.errorText.contains(rig.kiosk), "\(second.errorText)")
        let pushed = try rig.push(CollectorRig.day(Self.first, kiosk: "HN-HK-02").canonicalBytes(), kiosk: "HN-HK-02")
        #expect(pushed.status == 401, "the second kiosk was never registered: \(pushed.json)")
        #expect(try rig.json(["kiosk", "list"]).count == 1)
    }

    @Test(arguments: CollectorBackend.available) func theDashboardRefusesReinstatesAndShowsTheTrailToAdminsOnly(_ backend: CollectorBackend) throws {
        let rig = try DashboardTests.rig(backend)
        let admin = try Browser(rig.collector.base)
        #expect(try admin.signIn("tinh", DashboardTests.adminPassword) == 302)
        #expect(try admin.post("/kiosks/revoke", "id=\(rig.kiosk)&confirm=yes&reason=test").status == 303)
        let form = "id=\(rig.kiosk)&office_code=HN-HK&office_name=X&district=Ho%C3%A0n%20Ki%E1%BA%BFm&province=H%C3%A0%20N%E1%BB%99i&public_key="
            + (KioskSigningKey.generate().publicKey.base64.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let refused = try admin.post("/kiosks", form)
        #expect(refused.status == 409, "\(refused.body.suffix(300))")
        #expect(refused.body.contains("revoked"))
        #expect(try admin.post("/kiosks/reinstate", "id=\(rig.kiosk)&reason=").status == 422)
        #expect(try admin.post("/kiosks/reinstate", "id=\(rig.kiosk)&reason=ok%20again").status == 303)
        let page = try admin.get("/audit")
        #expect(page.status == 200)
        #expect(page.body.contains("kiosk-reinstated") && page.body.contains("dashboard:tinh") && page.body.contains("ok again"))
        let csv = try admin.get("/audit.csv")
        #expect(csv.body.contains("kiosk-revoked") && csv.body.contains("dashboard:tinh"))

        let district = try Browser(rig.collector.base)
        #expect(try district.signIn("badinh", DashboardTests.districtPassword) == 302)
        #expect(try district.get("/audit").status == 403)
        #expect(try district.get("/audit.csv").status == 403)
    }
}
