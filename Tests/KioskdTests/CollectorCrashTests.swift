import Foundation
import GRDB
import KioskCore
import KioskTestSupport
import Synchronization
import Testing

/// collectord killed (-9) while kiosks push: every stored day is whole (its rows add up to its
/// sealed bytes), no rows belong to a day that is not stored, and pushing again completes the chain.
@Suite struct CollectorCrashTests {
    @Test func aKillDuringIngestLeavesOnlyWholeDaysAndTheRetrySucceeds() throws {
        let rig = try CollectorRig("ingest-kill")
        let chain = CollectorRig.chain(from: LocalDay(year: 2026, month: 1, day: 1)!, count: 240)
        let answered = Atomic(0)
        let pushers = DispatchGroup()
        for lane in 0..<4 {
            DispatchQueue.global().async(group: pushers) {
                for index in stride(from: lane, to: chain.count, by: 4) {
                    guard (try? rig.push(chain[index]).status) == 201 else { return }  // stops once the collector is gone
                    answered.add(1, ordering: .relaxed)
                }
            }
        }
        try awaitCondition("60 stored days") { answered.load(ordering: .relaxed) >= 60 }
        try rig.collector.kill9()
        pushers.wait()

        let stored = try Self.checkWholeDays(rig.database)
        #expect(stored >= 60 && stored < chain.count, "stored \(stored)")

        try rig.restart()
        for body in chain {
            let status = try rig.push(body).status
            #expect(status == 201 || status == 200)
        }
        #expect(try Self.checkWholeDays(rig.database) == chain.count)
        let links = try rig.json(["days", "--kiosk", rig.kiosk]).map { $0["link"] as? String }
        #expect(links.first == "first")
        #expect(links.dropFirst().allSatisfy { $0 == "linked" })
    }

    /// Checks that each stored day's vote rows sum to its sealed bytes' votes; returns how many days are stored.
    static func checkWholeDays(_ path: String) throws -> Int {
        let database = try DatabaseQueue(path: path)
        defer { try? database.close() }
        return try database.read { db in
            let days = try Row.fetchAll(db, sql: "SELECT kiosk, day, body FROM sealed_day")
            for row in days {
                let tallies = try DayTallies(canonicalBytes: [UInt8](row["body"] as Data))
                let rows = try Int.fetchOne(
                    db, sql: "SELECT COALESCE(SUM(count), 0) FROM day_vote WHERE kiosk = ? AND day = ?",
                    arguments: [row["kiosk"] as String, row["day"] as String]) ?? -1
                #expect(rows == tallies.votes.reduce(0) { $0 + $1.count }, "\(row["day"] as String)")
            }
            let orphans = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM day_vote v WHERE NOT EXISTS (SELECT 1 FROM sealed_day d WHERE d.kiosk = v.kiosk AND d.day = v.day)")
            #expect(orphans == 0)
            return days.count
        }
    }
}
