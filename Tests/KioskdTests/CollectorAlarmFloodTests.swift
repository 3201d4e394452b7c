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
}
