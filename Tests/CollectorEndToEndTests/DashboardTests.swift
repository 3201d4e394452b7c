import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// The dashboard in a real headless Chromium, and who may read what, on SQLite and PostgreSQL.
@Suite(.serialized) struct DashboardTests {
    static let adminPassword = "mat-khau-tinh-2026"
    static let districtPassword = "mat-khau-ba-dinh-2026"

    /// The report tests' two offices (Ba Đình: 0 % satisfied, Hoàn Kiếm: 80 %), an admin and Ba Đình's staff.
    static func rig(_ backend: CollectorBackend) throws -> CollectorRig {
        let (rig, _) = try CollectorReportTests.rig(backend)
        try Self.addUser(rig, ["--name", "tinh", "--role", "province-admin"], password: adminPassword)
        try Self.addUser(rig, ["--name", "badinh", "--role", "district-staff", "--district", "Ba Đình"], password: districtPassword)
        return rig
    }

    static func addUser(_ rig: CollectorRig, _ arguments: [String], password: String) throws {
        let finished = try ChildProcess.run(
            RepositoryPaths.binary("collectord"), ["user", "add", "--database", rig.database] + arguments, input: Data((password + "\n").utf8))
        #expect(finished.status == 0, "\(finished.errorText)")
    }

    @Test(arguments: CollectorBackend.available) func chromiumShowsTheIndexTheChartAndTheAlerts(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend)
        for (size, name) in [("1280x900", "desktop"), ("412x915", "phone")] {
            let screenshot = rig.directory.appendingPathComponent("dashboard-\(name).png").path
            let output = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/env"), [
                "python3",
                RepositoryPaths.root.appendingPathComponent("tools/dashboard-check/dashboard_check.py").path, rig.collector.base, "tinh",
                Self.adminPassword, "period=month&day=2026-10-15&by=office", screenshot, size,
            ])
            let page = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
            let rows = (page["rows"] as? [[String: Any]] ?? []).map { "\($0["key"] as? String ?? "")=\($0["percent"] as? String ?? "")" }
            #expect(rows == ["HN-BD=0.0", "HN-HK=80.0"])
            #expect(page["totalAnswers"] as? String == "14")
            #expect(page["totalPercent"] as? String == "57.1 %")
            let bars = page["bars"] as? [[String: Any]] ?? []
            #expect(bars.map { $0["width"] as? String } == ["0", "240"])
            let alerts = page["alerts"] as? [String] ?? []
            #expect(alerts.contains { $0.contains("Bộ phận Một cửa HN-BD") && $0.contains("dưới ngưỡng") })
            #expect(!alerts.contains { $0.contains("Bộ phận Một cửa HN-HK: tỷ lệ") })
            // October by day: 31 columns, figures on the 30th (6 of 12 satisfied) and the 31st (2 of 2).
            let trend = page["trend"] as? [[String: Any]] ?? []
            #expect(trend.count == 31)
            #expect(trend.filter { $0["percent"] as? String != "–" }.map { "\($0["key"] as? String ?? "")=\($0["percent"] as? String ?? "")" }
                == ["2026-10-30=50.0", "2026-10-31=100.0"])
            #expect(trend.last?["height"] as? String == "140.0")
            #expect((page["font"] as? String)?.contains("DejaVu Sans") == true)
            #expect((page["externalResources"] as? [String])?.isEmpty == true)
            #expect(page["innerWidth"] as? Int == Int(size.split(separator: "x")[0])!)
            #expect((page["scrollWidth"] as? Int ?? 9999) <= (page["innerWidth"] as? Int ?? 0), "no sideways scrolling at \(size)")
            #expect(FileManager.default.fileExists(atPath: screenshot))
            if let keep = ProcessInfo.processInfo.environment["KIOSK_KEEP_SCREENSHOTS"] {
                try? FileManager.default.copyItem(atPath: screenshot, toPath: "\(keep)/dashboard-\(name)-\(backend).png")
            }
        }
    }

    @Test(arguments: CollectorBackend.available) func aDistrictUserReadsOnlyTheirDistrictByPageAndByCSV(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend)
        let badinh = try Browser(rig.collector.base)
        #expect(try badinh.get("/").status == 302, "not signed in: to the sign-in page")
        #expect(try badinh.signIn("badinh", Self.districtPassword) == 302)
        let own = try badinh.get("/?period=month&day=2026-10-15")
        #expect(own.status == 200)
        #expect(own.body.contains(#"data-key="HN-BD""#))
        #expect(!own.body.contains("HN-HK"))
        #expect(!own.body.contains("Hoàn Kiếm"))
        let other = "district=Ho%C3%A0n%20Ki%E1%BA%BFm"
        #expect(try badinh.get("/?period=month&day=2026-10-15&\(other)").status == 403)
        #expect(try badinh.get("/report.csv?period=month&day=2026-10-15&\(other)").status == 403)
        let csv = try badinh.get("/report.csv?period=month&day=2026-10-15&by=counter")
        #expect(csv.status == 200)
        #expect(csv.body.contains("HN-BD / quay-1"))
        #expect(!csv.body.contains("HN-HK"))

        let admin = try Browser(rig.collector.base)
        #expect(try admin.signIn("tinh", Self.adminPassword) == 302)
        let all = try admin.get("/report.csv?period=month&day=2026-10-15&by=office")
        #expect(all.body.contains("HN-HK") && all.body.contains("HN-BD"))
        #expect(try admin.post("/logout", "").status == 302)
        #expect(try admin.get("/").status == 302, "signed out")
    }

    @Test(arguments: CollectorBackend.available) func aProvinceAdminRegistersAndRevokesKiosksOnTheDashboard(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend)
        let badinh = try Browser(rig.collector.base)
        #expect(try badinh.signIn("badinh", Self.districtPassword) == 302)
        #expect(try badinh.get("/kiosks").status == 403, "district staff cannot manage kiosks")
        let newKey = KioskSigningKey.generate()
        let form = "id=HN-TH-01&office_code=HN-TH&office_name=B%E1%BB%99%20ph%E1%BA%ADn%20M%E1%BB%99t%20c%E1%BB%ADa%20T%C3%A2y%20H%E1%BB%93&district=T%C3%A2y%20H%E1%BB%93&province=H%C3%A0%20N%E1%BB%99i"
        let encodedKey = newKey.publicKey.base64.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(try badinh.post("/kiosks", form + "&public_key=" + encodedKey).status == 403)

        let admin = try Browser(rig.collector.base)
        #expect(try admin.signIn("tinh", Self.adminPassword) == 302)
        let list = try admin.get("/kiosks")
        #expect(list.status == 200)
        #expect(list.body.contains(#"data-kiosk="HN-HK-01" data-status="active""#))
        #expect(list.body.contains(rig.key.publicKey.fingerprint))

        let badKey = try admin.post("/kiosks", form + "&public_key=bm90LWEta2V5")
        #expect(badKey.status == 422)
        #expect(badKey.body.contains("Khóa công khai không hợp lệ"))
        #expect(badKey.body.contains(#"value="HN-TH-01""#), "the form keeps what was typed")
        // 32 bytes, but the curve's neutral element: any "signature" by it would verify.
        let smallOrderKey = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D"
        #expect(try admin.post("/kiosks", form + "&public_key=" + smallOrderKey).status == 422)
        let missing = try admin.post("/kiosks", "id=HN-TH-01&public_key=" + encodedKey)
        #expect(missing.status == 422)
        #expect(missing.body.contains("Thiếu Mã văn phòng"))
        #expect(try rig.push(CollectorRig.day(CollectorReportTests.day1, kiosk: "HN-TH-01", office: "HN-TH").canonicalBytes(), kiosk: "HN-TH-01", signedBy: newKey).status == 401)

        #expect(try admin.post("/kiosks", form + "&public_key=" + encodedKey).status == 303)
        let registered = try admin.get("/kiosks?registered=HN-TH-01")
        #expect(registered.body.contains(#"data-kiosk="HN-TH-01" data-status="active""#))
        #expect(registered.body.contains("Tây Hồ, Hà Nội"))
        #expect(registered.body.contains(newKey.publicKey.fingerprint))
        let day = CollectorRig.day(CollectorReportTests.day1, kiosk: "HN-TH-01", office: "HN-TH")
        #expect(try rig.push(day.canonicalBytes(), kiosk: "HN-TH-01", signedBy: newKey).status == 201, "the registered kiosk can push")

        #expect(try admin.post("/kiosks/revoke", "id=HN-TH-01").status == 422, "revoking needs the confirmation box")
        #expect(try admin.post("/kiosks/revoke", "id=HN-XX-99&confirm=yes").status == 404)
        #expect(try admin.post("/kiosks/revoke", "id=HN-TH-01&confirm=yes").status == 303)
        #expect(try admin.get("/kiosks").body.contains(#"data-kiosk="HN-TH-01" data-status="revoked""#))
        let next = CollectorRig.day(CollectorReportTests.day2, kiosk: "HN-TH-01", office: "HN-TH", previous: SealHash.hex(of: day.canonicalBytes()))
        #expect(try rig.push(next.canonicalBytes(), kiosk: "HN-TH-01", signedBy: newKey).status == 403, "a revoked kiosk cannot push")
        #expect(try rig.json(["kiosk", "list"]).first { $0["id"] as? String == "HN-TH-01" }?["revoked"] as? Bool == true)
    }

    @Test(arguments: CollectorBackend.available) func thePageShowsSlipsAndOffersTheirCSV(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend)
        let admin = try Browser(rig.collector.base)
        #expect(try admin.signIn("tinh", Self.adminPassword) == 302)
        let page = try admin.get("/?period=month&day=2026-10-15")
        #expect(page.body.contains("<tr><td>Đăng ký khai sinh</td><td class=\"n\">2</td></tr>"))
        let csv = try admin.get("/report.csv?period=month&day=2026-10-15&figures=slips")
        #expect(csv.body.contains("Thủ tục / Procedure,Số phiếu hẹn / Slips\r\nĐăng ký khai sinh,2\r\n"))
    }

    @Test(arguments: CollectorBackend.available) func wrongPasswordsAreRefusedAndThrottled(_ backend: CollectorBackend) throws {
        let rig = try Self.rig(backend)
        let guesser = try Browser(rig.collector.base)
        for _ in 0..<3 { #expect(try guesser.signIn("tinh", "doan-mo-123456") == 401) }
        #expect(try guesser.signIn("tinh", Self.adminPassword) == 429, "made to wait even with the right password")
        #expect(try guesser.get("/").status == 302)
    }
}

/// A cookie-keeping HTTP client (curl), as a browser without scripts would behave: it sends
/// `Origin` with its posts and the form token of the last page it read, as a browser's form does.
final class Browser {
    let base: String
    let jar: String
    private var formToken: String?

    init(_ base: String) throws {
        self.base = base
        jar = try RepositoryPaths.temporaryDirectory("cookies").appendingPathComponent("jar").path
    }

    func get(_ path: String) throws -> (status: Int, body: String) {
        try remember(curl([base + path]))
    }

    /// A form post from this collector's page; `csrf` added when a page gave one.
    func post(_ path: String, _ form: String) throws -> (status: Int, body: String) {
        let token = formToken.map { "&csrf=" + $0 } ?? ""
        return try remember(curl(["-H", "Origin: \(base)", "--data", form + token, base + path]))
    }

    /// The response headers of a GET (names in lower case).
    func headers(_ path: String) throws -> [String: String] {
        let output = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-b", jar, "-o", "/dev/null", "-D", "-", base + path])
        var headers: [String: String] = [:]
        for line in output.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    /// A post exactly as given: the attacker's side.
    func rawPost(_ path: String, _ body: String, headers: [String]) throws -> (status: Int, body: String) {
        try curl(headers.flatMap { ["-H", $0] } + ["--data-binary", body, base + path])
    }

    private func remember(_ answer: (status: Int, body: String)) -> (status: Int, body: String) {
        if let range = answer.body.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression) {
            formToken = String(answer.body[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
        }
        return answer
    }

    func signIn(_ name: String, _ password: String) throws -> Int {
        let status = try post("/login", "name=\(name)&password=\(password)").status
        if status == 302 { _ = try get("/") }
        return status
    }

    private func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let output = try KioskdProcess.run(
            URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-b", jar, "-c", jar, "-w", "\n%{http_code}"] + arguments)
        let status = Int(output.split(separator: "\n").last ?? "") ?? -1
        return (status, output)
    }
}
