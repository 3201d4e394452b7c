import CollectorCore
import Foundation
import KioskCore
import Testing

/// The JSON that `collectord … --json` and `report --format json` print, byte for byte: the keys
/// scripts read, explicit nulls where a row says "not yet", absent keys where a figure does not exist.
@Suite struct CollectorJSONTests {
    static let october = ReportQuery(
        period: ReportPeriod(.month, containing: LocalDay(year: 2026, month: 10, day: 15)!), district: "Hoàn Kiếm", breakdown: .office)

    @Test func aReportNamesItsPeriodAndFiltersAndLeavesOutFiguresThatDoNotExist() {
        let rows = [
            SatisfactionRow(key: "HN-HK", label: "Bộ phận Một cửa HN-HK", answers: 7, satisfied: 6, scoreSum: 600),
            SatisfactionRow(key: "HN-BD", label: "Ba Đình / Một cửa", answers: 0, satisfied: 0, scoreSum: 0),
        ]
        #expect(ReportJSON.satisfaction(rows, query: Self.october) == """
            {"breakdown":"office","district":"Hoàn Kiếm","from":"2026-10-01","rows":[\
            {"answers":7,"key":"HN-HK","label":"Bộ phận Một cửa HN-HK","meanScore":85.7,"percentSatisfied":85.7,"satisfied":6},\
            {"answers":0,"key":"HN-BD","label":"Ba Đình / Một cửa","satisfied":0}],"to":"2026-10-31"}
            """)
    }

    @Test func queueFiguresAreNumbersWithTheWaitsPerBucket() {
        let waiting = WaitHistogram(counts: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0])!
        let rows = [
            QueueRow(key: "HN-HK", label: "HN-HK", issued: 3, priority: 1, served: 2, noShow: 1, waiting: waiting),
            QueueRow(key: "HN-BD", label: "HN-BD", issued: 1, priority: 0, served: 0, noShow: 0, waiting: WaitHistogram()),
        ]
        #expect(ReportJSON.queue(rows, query: Self.october) == """
            {"breakdown":"office","district":"Hoàn Kiếm","from":"2026-10-01","rows":[\
            {"issued":3,"key":"HN-HK","label":"HN-HK","meanWaitMinutes":2.5,"noShow":1,"noShowRate":33.3,"p90WaitMinutes":5,"priority":1,"served":2,\
            "waitingMinutes":[2,0,0,0,0,0,0,0,0,0]},\
            {"issued":1,"key":"HN-BD","label":"HN-BD","noShow":0,"priority":0,"served":0,"waitingMinutes":[0,0,0,0,0,0,0,0,0,0]}],\
            "to":"2026-10-31"}
            """)
        #expect(ReportJSON.slips([("Đăng ký khai sinh", 2)], query: ReportQuery(period: Self.october.period, breakdown: .office)) == """
            {"breakdown":"office","from":"2026-10-01","rows":[{"count":2,"procedure":"Đăng ký khai sinh"}],"to":"2026-10-31"}
            """)
    }

    @Test func aKioskThatNeverPushedHasNullForItsLastDayAndSilentNights() {
        let never = KioskHealth(
            kiosk: "HN-HK-02", officeCode: "HN-HK", officeName: "Bộ phận Một cửa", district: "Hoàn Kiếm", province: "Hà Nội", revoked: false,
            lastDay: nil, gaps: 0, broken: 0, alarms: 0, printerFaults: 0)
        var pushed = never
        pushed.kiosk = "HN-HK-01"
        pushed.lastDay = "2026-10-28"
        pushed.firstDay = "2026-10-25"
        pushed.storedDays = 3
        pushed.alarms = 1
        #expect(ListingJSON.health([pushed, never], today: LocalDay(year: 2026, month: 11, day: 1)!) == """
            [{"alarms":1,"broken":0,"district":"Hoàn Kiếm","gaps":0,"kiosk":"HN-HK-01","lastDay":"2026-10-28","missingDays":1,"office":"HN-HK",\
            "printerFaults":0,"province":"Hà Nội","restarts":0,"revoked":false,"silentNights":3},\
            {"alarms":0,"broken":0,"district":"Hoàn Kiếm","gaps":0,"kiosk":"HN-HK-02","lastDay":null,"missingDays":0,"office":"HN-HK",\
            "printerFaults":0,"province":"Hà Nội","restarts":0,"revoked":false,"silentNights":null}]
            """)
    }

    @Test func theRegistryAccountsTrailAlarmsAndDaysListTheirFields() {
        #expect(ListingJSON.kiosks([
            KioskRegistration(
                id: "HN-HK-01", officeCode: "HN-HK", officeName: "Một cửa", district: "Hoàn Kiếm", province: "Hà Nội", publicKey: "ab/c+d=", revoked: true)
        ]) == """
            [{"district":"Hoàn Kiếm","id":"HN-HK-01","officeCode":"HN-HK","officeName":"Một cửa","province":"Hà Nội","publicKey":"ab/c+d=","revoked":true}]
            """)
        let account = StaffAccount(name: "badinh", role: .districtStaff, district: "Ba Đình", passwordHash: "$2b$12$secret", disabled: true)
        #expect(ListingJSON.accounts([account]) == #"[{"disabled":true,"district":"Ba Đình","name":"badinh","role":"district-staff"}]"#)
        #expect(ListingJSON.audit([
            AuditEntry(at: Date(timeIntervalSince1970: 1_790_841_600), actor: "cli:uid 0", action: .kioskRevoked, subject: "HN-HK-01", detail: "stolen")
        ]) == #"[{"action":"kiosk-revoked","actor":"cli:uid 0","at":"2026-10-01T08:00:00Z","detail":"stolen","subject":"HN-HK-01"}]"#)
        #expect(ListingJSON.alarms([
            CollectorAlarm(kiosk: "HN-HK-01", day: "2026-10-02", kind: .chainBreak, detail: "previous 00…", seen: 4,
                firstSeen: Date(timeIntervalSince1970: 1_790_902_800), lastSeen: Date(timeIntervalSince1970: 1_790_906_400)),
            CollectorAlarm(kiosk: "HN-HK-01", day: "2026-10-03", kind: .tamper, detail: "not stored yet"),
        ]) == #"[{"count":4,"day":"2026-10-02","detail":"previous 00…","firstSeen":"2026-10-02T01:00:00Z","kind":"chain-break","kiosk":"HN-HK-01","lastSeen":"2026-10-02T02:00:00Z"},"#
            + #"{"count":1,"day":"2026-10-03","detail":"not stored yet","firstSeen":"","kind":"tamper","kiosk":"HN-HK-01","lastSeen":""}]"#)
        #expect(ListingJSON.days([StoredDaySummary(day: "2026-10-02", hash: "ab12", link: .restart)])
            == #"[{"day":"2026-10-02","hash":"ab12","link":"restart"}]"#)
    }
}
