import Foundation
import KioskCore
import KioskProtocol
import KioskSeal
import KioskTestSupport
import Testing

/// The calendars page in a real headless Chromium against collectord: a province admin uploads
/// next year's file through the form (the browser's own multipart body), a refused file shows its
/// problems with key and expectation, and the page shows each kiosk's years and versions as the
/// kiosks reported them through the signed fetch, with the alert for kiosks lacking next year
/// from 1 October (on the real date in the offices' zone), on SQLite and PostgreSQL.
@Suite(.serialized) struct CalendarDashboardTests {
    static func file(_ year: Int, date: String? = nil) -> String {
        "year = \(year)\n\n[[days_off]]\ndate = \"\(date ?? "\(year)-01-01")\"\nkind = \"holiday\"\nnote = \"Tết Dương lịch\"\nsource = \"Bộ luật Lao động 2019, Điều 112\"\n"
    }

    /// The page as calendar_check.py read it, after uploading `upload` (a file path) if given.
    static func page(_ rig: CollectorRig, upload: String?, screenshot: String) throws -> [String: Any] {
        let output = try KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", RepositoryPaths.root.appendingPathComponent("tools/dashboard-check/calendar_check.py").path, rig.collector.base, "tinh",
            DashboardTests.adminPassword, upload ?? "-", rig.directory.appendingPathComponent(screenshot).path,
        ])
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
    }

    /// A kiosk's signed `GET /api/v1/calendars`, as CalendarFetcher sends it.
    static func fetch(_ rig: CollectorRig, kiosk: String, key: KioskSigningKey, have: String) throws -> HTTPCall.Answer {
        let time = ISO8601DateFormatter().string(from: Date())
        let signature = try key.seal(CalendarFetch.message(kioskID: kiosk, time: time, have: have)).signature
        return try HTTPCall.send(
            "GET", "\(rig.collector.base)\(CalendarFetch.path)?have=\(have)",
            headers: [PushAnswer.Header.kioskID: kiosk, CalendarFetch.Header.time: time, PushAnswer.Header.signature: signature])
    }

    @Test(arguments: CollectorBackend.available) func chromiumUploadsACalendarAndShowsEachKiosksVersionsAndTheAlert(_ backend: CollectorBackend) throws {
        let keyDirectory = try RepositoryPaths.temporaryDirectory("collector-key")
        defer { try? FileManager.default.removeItem(at: keyDirectory) }
        let keyFile = keyDirectory.appendingPathComponent("collector-ed25519.key").path
        let rig = try CollectorRig("calendar-dashboard", backend: backend, serveArguments: ["--key-file", keyFile])
        try DashboardTests.addUser(rig, ["--name", "tinh", "--role", "province-admin"], password: DashboardTests.adminPassword)
        let other = KioskSigningKey.generate()
        try rig.register("HN-BD-01", office: "HN-BD", key: other, district: "Ba Đình")

        let today = LocalDay(Date(), in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
        let next = today.year + 1
        let uploads = rig.directory.appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        let invalid = uploads.appendingPathComponent("bad/\(next).toml")
        try FileManager.default.createDirectory(at: invalid.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.file(next, date: "\(next)-02-30").write(to: invalid, atomically: true, encoding: .utf8)
        let valid = uploads.appendingPathComponent("\(next).toml")
        try Self.file(next).write(to: valid, atomically: true, encoding: .utf8)

        let refused = try Self.page(rig, upload: invalid.path, screenshot: "calendars-refused.png")
        let problems = refused["problems"] as? [String] ?? []
        #expect(problems.count == 1 && problems[0].hasPrefix("\(next).toml: days_off[0].date: "), "\(problems)")
        #expect((refused["versions"] as? [[String: Any]])?.isEmpty == true)

        let added = try Self.page(rig, upload: valid.path, screenshot: "calendars-added.png")
        #expect((added["notice"] as? String)?.contains("Đã thêm lịch \(next) v1") == true, "\(added)")
        #expect((added["versions"] as? [[String: String]]) == [["year": "\(next)", "version": "1"]])
        #expect((added["collectorKey"] as? String)?.isEmpty == false)

        let offered = try Self.fetch(rig, kiosk: rig.kiosk, key: rig.key, have: "")
        #expect(offered.status == 200)
        let offer = try offered.decoded(CalendarOffer.self)
        #expect(offer.calendars.map(\.year) == [next])
        let collectorKey = try #require(KioskPublicKey(base64: added["collectorKey"] as? String ?? ""))
        #expect(collectorKey.isSignature(offer.calendars[0].signature, of: offer.calendars[0].message), "signed with the key the page shows")
        #expect(try Self.fetch(rig, kiosk: rig.kiosk, key: rig.key, have: "\(next).1").status == 200)
        #expect(try Self.fetch(rig, kiosk: rig.kiosk, key: other, have: "").status == 403, "another kiosk's key")

        let view = try Self.page(rig, upload: nil, screenshot: "calendars.png")
        let kiosks = (view["kiosks"] as? [[String: String]] ?? []).map { "\($0["kiosk"] ?? "")=\($0["holdings"] ?? "")" }
        #expect(kiosks == ["HN-BD-01=—", "HN-HK-01=\(next) v1"])
        let alerts = view["alerts"] as? [[String: Any]] ?? []
        if today.month >= 10 {
            #expect(alerts.map { $0["kiosk"] as? String } == ["HN-BD-01"])
            #expect((alerts.first?["text"] as? String)?.contains("chưa có lịch năm \(next)") == true)
        } else {
            #expect(alerts.isEmpty, "no alert before 1 October")
        }
        #expect((view["scrollWidth"] as? Int ?? 9999) <= (view["innerWidth"] as? Int ?? 0))
        if let keep = ProcessInfo.processInfo.environment["KIOSK_KEEP_SCREENSHOTS"] {
            try? FileManager.default.copyItem(
                atPath: rig.directory.appendingPathComponent("calendars.png").path, toPath: "\(keep)/calendars-\(backend).png")
        }
    }
}
