import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Testing

/// A pushed day is taken only once it has ended in the offices' time zone (Asia/Ho_Chi_Minh by
/// default), whatever zone the collector's machine keeps its clock in: today's figures are not
/// final, and the kiosk's real seal of the day would later be refused as a conflict.
@Suite struct CollectorDayEndTests {
    static let offices = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    @Test(arguments: CollectorBackend.available, ["Etc/GMT+12", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati"])
    func todayIsRefusedUntilItHasEndedInTheOfficesZone(_ backend: CollectorBackend, machineZone: String) throws {
        let rig = try CollectorRig("day-end", backend: backend, environment: ["TZ": machineZone])
        let today = LocalDay(Date(), in: Self.offices)
        let yesterday = try #require(today.adding(days: -1))
        let tomorrow = try #require(today.adding(days: 1))
        let first = CollectorRig.day(yesterday).canonicalBytes()
        for early in [today, tomorrow] {
            let refused = try rig.push(CollectorRig.day(early, previous: SealHash.hex(of: first)).canonicalBytes())
            #expect(refused.status == 422, "\(early) with the machine in \(machineZone): \(refused.json)")
            #expect(refused.json["field"] as? String == "day")
            #expect((refused.json["error"] as? String)?.contains("has not ended") == true, "\(refused.json)")
        }
        #expect(try rig.push(first).status == 201, "yesterday has ended")
        #expect(try rig.sql("SELECT day FROM sealed_day").map { $0[0] } == [yesterday.description])
    }
}
