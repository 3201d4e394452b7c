import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// `collectord report` and `health` on days pushed through the real API: the figures add up by
/// district, office, counter and day; a district filter shows nothing of another district; the
/// CSV opens in Excel with its Vietnamese intact.
@Suite(.serialized) struct CollectorReportTests {
    static let day1 = LocalDay(year: 2026, month: 10, day: 30)!
    static let day2 = LocalDay(year: 2026, month: 10, day: 31)!

    /// Hoàn Kiếm: office HN-HK (kiosk HN-HK-01), Ba Đình: office HN-BD (kiosk HN-BD-01).
    static func rig(_ backend: CollectorBackend) throws -> (CollectorRig, KioskSigningKey) {
        let rig = try CollectorRig("report", backend: backend)
        let badinh = KioskSigningKey.generate()
        try rig.register("HN-BD-01", office: "HN-BD", key: badinh, district: "Ba Đình")
        func vote(_ counter: String, _ choice: String, _ score: Int, _ satisfied: Bool, _ count: Int) -> DayTallies.Votes {
            .init(counter: counter, service: "ho-tich", question: "chung", choice: choice, score: score, satisfied: satisfied, count: count)
        }
        var waiting = WaitHistogram()
        for minutes in [2.0, 3, 7, 12, 25, 50] { waiting.add(minutes: minutes) }
        let hk1 = DayTallies(
            kiosk: "HN-HK-01", office: "HN-HK", day: day1, previous: "",
            votes: [vote("quay-1", "rat-hai-long", 100, true, 6), vote("quay-2", "khong-hai-long", 0, false, 2)],
            tickets: [.init(service: "ho-tich", issued: 6, priority: 1, served: 5, noShow: 1, waiting: waiting)],
            slips: [.init(procedure: "Đăng ký khai sinh", count: 2)],
            printerFaults: [.init(printer: "ve", fault: "out-of-paper", count: 1)])
        let hk1Bytes = hk1.canonicalBytes()
        let hk2 = DayTallies(
            kiosk: "HN-HK-01", office: "HN-HK", day: day2, previous: SealHash.hex(of: hk1Bytes),
            votes: [vote("quay-1", "hai-long", 75, true, 2)])
        let bd1 = DayTallies(
            kiosk: "HN-BD-01", office: "HN-BD", day: day1, previous: "", votes: [vote("quay-1", "binh-thuong", 50, false, 4)])
        #expect(try rig.push(hk1Bytes).status == 201)
        #expect(try rig.push(hk2.canonicalBytes()).status == 201)
        #expect(try rig.push(bd1.canonicalBytes(), kiosk: "HN-BD-01", signedBy: badinh).status == 201)
        return (rig, badinh)
    }

    static func report(_ rig: CollectorRig, _ arguments: [String]) throws -> [[String: Any]] {
        let text = try rig.collectord(["report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "json"] + arguments)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        return object["rows"] as! [[String: Any]]
    }

    @Test(arguments: CollectorBackend.available) func theIndexAddsUpByDistrictOfficeCounterAndDay(_ backend: CollectorBackend) throws {
        let (rig, _) = try Self.rig(backend)
        let districts = try Self.report(rig, ["--breakdown", "district"])
        #expect(districts.map { $0["key"] as? String } == ["Ba Đình", "Hoàn Kiếm"])
        // Hoàn Kiếm: 6 + 2 satisfied of 10 answers; scores 600 + 0 + 150 → mean 75.
        let hoanKiem = try #require(districts.last)
        #expect(hoanKiem["answers"] as? Int == 10)
        #expect(hoanKiem["percentSatisfied"] as? Double == 80)
        #expect(hoanKiem["meanScore"] as? Double == 75)
        #expect(districts.first?["percentSatisfied"] as? Double == 0)

        let offices = try Self.report(rig, ["--breakdown", "office"])
        #expect(offices.map { $0["label"] as? String } == ["Bộ phận Một cửa HN-BD", "Bộ phận Một cửa HN-HK"])
        let counters = try Self.report(rig, ["--breakdown", "counter", "--office", "HN-HK"])
        #expect(counters.map { $0["key"] as? String } == ["HN-HK / quay-1", "HN-HK / quay-2"])
        #expect(counters.map { $0["percentSatisfied"] as? Double } == [100, 0])
        let days = try Self.report(rig, ["--breakdown", "day", "--district", "Hoàn Kiếm"])
        #expect(days.map { $0["answers"] as? Int } == [8, 2])

        let oneDay = try rig.collectord(["report", "--period", "day", "--day", "2026-10-31", "--breakdown", "province", "--format", "json"])
        #expect(oneDay.contains(#""answers":2"#))
    }

    @Test(arguments: CollectorBackend.available) func aDistrictFilterShowsNothingOfAnotherDistrict(_ backend: CollectorBackend) throws {
        let (rig, _) = try Self.rig(backend)
        let rows = try Self.report(rig, ["--breakdown", "office", "--district", "Ba Đình"])
        #expect(rows.map { $0["key"] as? String } == ["HN-BD"])
        let csv = try rig.collectord(["report", "--from", "2026-10-01", "--to", "2026-10-31", "--breakdown", "counter", "--district", "Ba Đình", "--format", "csv"])
        #expect(!csv.contains("HN-HK"))
    }

    @Test(arguments: CollectorBackend.available) func queueFiguresComeFromTheSummedHistograms(_ backend: CollectorBackend) throws {
        let (rig, _) = try Self.rig(backend)
        let rows = try Self.report(rig, ["--figures", "queue", "--breakdown", "service"])
        let row = try #require(rows.first)
        #expect(row["issued"] as? Int == 6)
        #expect(row["noShowRate"] as? Double == 16.7)
        // Waits 2, 3, 7, 12, 25, 50 min: buckets <5 ×2, 5–10, 10–15, 20–30, 45–60; the 90th percentile is in 45–60.
        #expect(row["p90WaitMinutes"] as? Int == 60)
        #expect(row["waitingMinutes"] as? [Int] == [2, 1, 1, 0, 1, 0, 1, 0, 0, 0])
    }

    @Test(arguments: CollectorBackend.available) func csvHasAByteOrderMarkVietnameseHeadersAndQuotedFields(_ backend: CollectorBackend) throws {
        let (rig, _) = try Self.rig(backend)
        let bytes = [UInt8](
            try ChildProcess.run(
                RepositoryPaths.binary("collectord"),
                ["report", "--from", "2026-10-01", "--to", "2026-10-31", "--breakdown", "office", "--format", "csv", "--database", rig.database]
            ).output)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("Đơn vị / Unit,Mã / Key,Số câu trả lời / Answers") == true)
        #expect(lines[2] == "Bộ phận Một cửa HN-HK,HN-HK,10,8,80.0,75.0")
    }

    @Test(arguments: CollectorBackend.available) func healthShowsLastDayGapsAlarmsAndPrinterFaults(_ backend: CollectorBackend) throws {
        let (rig, badinh) = try Self.rig(backend)
        // A tamper attempt on Ba Đình's day.
        let altered = DayTallies(kiosk: "HN-BD-01", office: "HN-BD", day: Self.day1, previous: "")
        #expect(try rig.push(altered.canonicalBytes(), kiosk: "HN-BD-01", signedBy: badinh).status == 409)
        let health = try rig.json(["health"])
        let byKiosk = Dictionary(uniqueKeysWithValues: health.map { ($0["kiosk"] as! String, $0) })
        #expect(byKiosk["HN-HK-01"]?["lastDay"] as? String == "2026-10-31")
        #expect(byKiosk["HN-HK-01"]?["printerFaults"] as? Int == 1)
        #expect(byKiosk["HN-BD-01"]?["alarms"] as? Int == 1)
        #expect((byKiosk["HN-BD-01"]?["silentNights"] as? Int ?? 0) >= 2)
    }
}
