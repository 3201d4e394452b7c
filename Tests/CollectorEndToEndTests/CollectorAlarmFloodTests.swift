import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// The same conflicting push repeated counts on one alarm (first seen, last seen, count); other
/// figures for the same day are another alarm. A kiosk pushing in a loop cannot flood the list.
@Suite struct CollectorAlarmFloodTests {
    static let first = LocalDay(year: 2026, month: 11, day: 2)!

    @Test(arguments: CollectorBackend.available) func theSameConflictRepeatedIsOneAlarmCounted(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("alarm-flood", backend: backend)
        let original = CollectorRig.day(Self.first, votes: 3).canonicalBytes()
        let altered = CollectorRig.day(Self.first, votes: 30).canonicalBytes()
        let otherwise = CollectorRig.day(Self.first, votes: 31).canonicalBytes()
        #expect(try rig.push(original).status == 201)
        for _ in 0..<6 { #expect(try rig.push(altered).status == 409) }
        // Pushed at once, as a looping kiosk would: one batch may hold several of them.
        let group = DispatchGroup()
        for _ in 0..<6 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                _ = try? rig.push(altered)
            }
        }
        group.wait()
        #expect(try rig.push(otherwise).status == 409)

        let alarms = try rig.json(["alarms"])
        #expect(alarms.count == 2, "\(alarms)")
        let repeated = try #require(alarms.first { ($0["detail"] as? String)?.contains(SealHash.hex(of: altered)) == true })
        #expect(repeated["count"] as? Int == 12)
        #expect(repeated["kind"] as? String == "tamper")
        let firstSeen = try #require(repeated["firstSeen"] as? String), lastSeen = try #require(repeated["lastSeen"] as? String)
        #expect(!firstSeen.isEmpty && firstSeen <= lastSeen)
        #expect(alarms.contains { ($0["detail"] as? String)?.contains(SealHash.hex(of: otherwise)) == true && $0["count"] as? Int == 1 })
        let health = try rig.json(["health"])
        #expect(health.first?["alarms"] as? Int == 2, "\(health)")
    }

    /// A collector from before the alarms were counted upgrades with its flood merged: one alarm
    /// per conflict, counted, first and last seen from the rows it had; and the later migrations
    /// (the audit trail, disabled accounts, sign-in failures) run on it too.
    @Test(arguments: CollectorBackend.available) func anUpgradeMergesTheAlarmsAlreadyStored(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("alarm-upgrade", backend: backend)
        try rig.execute("DROP TABLE alarm")
        try rig.execute("CREATE TABLE alarm (kiosk TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL, raised_at TEXT NOT NULL)")
        try rig.execute("CREATE INDEX alarm_by_kiosk ON alarm (kiosk)")
        let flood = (1...5).map { "('HN-HK-01', '2026-11-02', 'tamper', 'pushed aa', '2026-11-0\($0)T01:00:00Z')" }
        try rig.execute("INSERT INTO alarm VALUES \(flood.joined(separator: ", ")), ('HN-HK-01', '2026-11-03', 'chain-break', 'x', '2026-11-04T02:00:00Z')")
        try rig.execute("DROP TABLE audit")
        try rig.execute("DROP TABLE login_failure")
        try rig.execute("ALTER TABLE staff DROP COLUMN disabled")
        for id in ["v7-alarms-counted", "v8-audit", "v9-staff-disabled", "v10-login-failures"] { try CollectorRollupTests.forgetMigration(id, rig) }

        let alarms = try rig.json(["alarms"])
        #expect(alarms.count == 2, "\(alarms)")
        let tamper = try #require(alarms.first { $0["kind"] as? String == "tamper" })
        #expect(tamper["count"] as? Int == 5)
        #expect(tamper["firstSeen"] as? String == "2026-11-01T01:00:00Z")
        #expect(tamper["lastSeen"] as? String == "2026-11-05T01:00:00Z")
        #expect(try rig.json(["audit"]).isEmpty)
        try DashboardTests.addUser(rig, ["--name", "tinh", "--role", "province-admin"], password: DashboardTests.adminPassword)
        #expect(try rig.json(["user", "list"]).first?["disabled"] as? Bool == false)
    }
}
