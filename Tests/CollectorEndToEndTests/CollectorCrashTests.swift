import Foundation
import KioskCore
import KioskTestSupport
import Synchronization
import Testing

/// collectord killed (-9) while kiosks push: every stored day is whole (its rows add up to its
/// sealed bytes), no rows belong to a day that is not stored, and pushing again completes the chain.
@Suite struct CollectorCrashTests {
    @Test(arguments: CollectorBackend.available) func aKillDuringIngestLeavesOnlyWholeDaysAndTheRetrySucceeds(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-kill", backend: backend)
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
        try awaitCondition("60 stored days", timeout: 60) { answered.load(ordering: .relaxed) >= 60 }
        try rig.collector.kill9()
        pushers.wait()

        let stored = try Self.checkWholeDays(rig)
        #expect(stored >= 60 && stored < chain.count, "stored \(stored)")

        try rig.restart()
        for body in chain {
            let status = try rig.push(body).status
            #expect(status == 201 || status == 200)
        }
        #expect(try Self.checkWholeDays(rig) == chain.count)
        let links = try rig.json(["days", "--kiosk", rig.kiosk]).map { $0["link"] as? String }
        #expect(links.first == "first")
        #expect(links.dropFirst().allSatisfy { $0 == "linked" })
    }

    /// Checks that each stored day's vote rows sum to its sealed bytes' votes; returns how many days are stored.
    static func checkWholeDays(_ rig: CollectorRig) throws -> Int {
        let days = try rig.storedTallies()
        let sums = try rig.sql("SELECT kiosk, day, SUM(answers) FROM day_answer GROUP BY kiosk, day")
        let rowSums = Dictionary(uniqueKeysWithValues: sums.map { ("\($0[0]) \($0[1])", Int($0[2]) ?? -1) })
        var stored: Set<String> = []
        for day in days {
            let key = "\(day.kiosk) \(day.day)"
            stored.insert(key)
            #expect(rowSums[key] ?? 0 == day.tallies.votes.reduce(0) { $0 + $1.count }, "\(key)")
        }
        #expect(Set(rowSums.keys).isSubset(of: stored), "vote rows of a day that is not stored")
        return days.count
    }
}
