import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// A kiosk cannot start its chain again without a sound: a second "first" day is stored as a
/// restart with an alarm, a day earlier than the stored first makes that first a restart, and
/// health shows the restarts and the days missing between them.
@Suite struct CollectorChainRestartTests {
    static let first = LocalDay(year: 2026, month: 11, day: 2)!

    @Test(arguments: CollectorBackend.available) func aSecondFirstDayIsARestartWithAnAlarmAndHealthCountsTheMissingDays(
        _ backend: CollectorBackend
    ) throws {
        let rig = try CollectorRig("chain-restart", backend: backend)
        for day in CollectorRig.chain(from: Self.first, count: 2) { #expect(try rig.push(day).status == 201) }
        let restarted = try rig.push(CollectorRig.day(Self.first.adding(days: 5)!, previous: "").canonicalBytes())
        #expect(restarted.status == 201)
        #expect(restarted.json["link"] as? String == "restart", "\(restarted.json)")
        let alarms = try rig.json(["alarms"])
        #expect(alarms.map { $0["kind"] as? String } == ["chain-restart"])
        #expect(alarms.first?["day"] as? String == Self.first.adding(days: 5)!.description)
        let health = try #require(try rig.json(["health"]).first)
        #expect(health["restarts"] as? Int == 1)
        #expect(health["missingDays"] as? Int == 3, "\(health)")
        #expect(health["gaps"] as? Int == 0)
    }

    @Test(arguments: CollectorBackend.available) func aDayEarlierThanTheFirstMakesThatFirstARestart(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("chain-earlier", backend: backend)
        let later = Self.first.adding(days: 4)!
        #expect(try rig.push(CollectorRig.day(later, previous: "").canonicalBytes()).json["link"] as? String == "first")
        #expect(try rig.json(["health"]).first?["restarts"] as? Int == 0)
        let earlier = try rig.push(CollectorRig.day(Self.first, previous: "").canonicalBytes())
        #expect(earlier.json["link"] as? String == "first", "\(earlier.json)")
        #expect(try rig.sql("SELECT day, link FROM sealed_day ORDER BY day") == [[Self.first.description, "first"], [later.description, "restart"]])
        let alarms = try rig.json(["alarms"])
        #expect(alarms.map { $0["kind"] as? String } == ["chain-restart"])
        #expect(alarms.first?["day"] as? String == later.description)
        let health = try #require(try rig.json(["health"]).first)
        #expect(health["restarts"] as? Int == 1)
        #expect(health["missingDays"] as? Int == 3)
    }

    /// Health reads each kiosk's day count and first and last day from `kiosk_days`, which every
    /// ingest keeps in step: `rebuild-rollups` recomputes it from the days, and a collector from
    /// before it fills it from its days when it upgrades.
    @Test(arguments: CollectorBackend.available) func healthsDayCountsAreRebuiltAndFilledOnUpgrade(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("kiosk-days", backend: backend)
        for day in CollectorRig.chain(from: Self.first, count: 2) { #expect(try rig.push(day).status == 201) }
        #expect(try rig.push(CollectorRig.day(Self.first.adding(days: 5)!, previous: "").canonicalBytes()).status == 201)
        let expectHealth = { (when: String) in
            let health = try #require(try rig.json(["health"]).first, "\(when)")
            #expect(health["missingDays"] as? Int == 3, "\(when): \(health)")
            #expect(health["lastDay"] as? String == Self.first.adding(days: 5)!.description, "\(when)")
            #expect(health["restarts"] as? Int == 1, "\(when)")
        }
        try expectHealth("as ingested")

        try rig.execute("UPDATE kiosk_days SET stored = 1, last_day = '2026-11-03'")
        #expect(try rig.json(["health"]).first?["lastDay"] as? String == "2026-11-03", "health reads kiosk_days")
        #expect(try rig.collectord(["rebuild-rollups"]).contains("rebuilt"))
        try expectHealth("rebuilt")

        try rig.execute("DROP TABLE kiosk_days")
        try rig.execute("DROP INDEX sealed_day_restarts")
        try CollectorRollupTests.forgetMigration("v12-kiosk-days", rig)
        try expectHealth("upgraded")
    }
}
