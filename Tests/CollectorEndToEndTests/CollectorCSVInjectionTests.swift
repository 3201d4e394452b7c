import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// A registered name that a spreadsheet would run as a formula, even behind a tab or a carriage
/// return, comes out of the dashboard's CSV neutralised, and CSV answers are not kept in caches.
@Suite struct CollectorCSVInjectionTests {
    @Test(arguments: CollectorBackend.available) func aFormulaInAnOfficeNameIsNeutralisedInTheCSV(_ backend: CollectorBackend) throws {
        let rig = try DashboardTests.rig(backend)
        let key = KioskSigningKey.generate()
        let officeName = "\r=HYPERLINK(\"http://evil.example\")"
        _ = try rig.collectord([
            "kiosk", "add", "--id", "HN-X-01", "--office-code", "HN-X", "--office-name", officeName, "--district", "Hoàn Kiếm",
            "--province", "Hà Nội", "--public-key", key.publicKey.base64,
        ])
        let day = LocalDay(year: 2026, month: 10, day: 15)!
        #expect(try rig.push(CollectorRig.day(day, kiosk: "HN-X-01", office: "HN-X").canonicalBytes(), kiosk: "HN-X-01", signedBy: key).status == 201)
        let admin = try Browser(rig.collector.base)
        #expect(try admin.signIn("tinh", DashboardTests.adminPassword) == 302)
        let csv = try admin.get("/report.csv?period=month&day=2026-10-15&by=office")
        #expect(csv.status == 200)
        #expect(csv.body.contains("\"'\r=HYPERLINK(\"\"http://evil.example\"\")\",HN-X,"), "\(csv.body.debugDescription)")
        #expect(!csv.body.contains(",\r=") && !csv.body.contains("\n="))
        #expect(try admin.headers("/report.csv?period=month&day=2026-10-15&by=office")["cache-control"] == "no-store")
        #expect(try admin.headers("/")["cache-control"] == "no-store")
    }
}
