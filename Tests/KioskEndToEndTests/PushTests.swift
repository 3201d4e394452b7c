import Foundation
import KioskCore
import KioskSeal
import KioskStore
import KioskTestSupport
import Testing

/// The real push path: kioskd seals, `kioskctl push` sends, collectord stores; a dead collector
/// loses nothing, pushing twice is harmless, days arrive in order after days offline.
@Suite(.serialized) struct PushTests {
    static func office(collector: String) -> (FakeEvdev) -> String {
        { evdev in
            TestOffice.touchAndArmedKeypad(evdev) + """

                [sync]
                kiosk_id = "TEST-OFFICE-may-1"
                seal_at = "00:00"
                collector = "\(collector)"
                """
        }
    }

    /// `kioskctl push` with quick retries: its exit status and output.
    static func push(_ rig: DaemonRig) throws -> (status: Int32, output: String) {
        let finished = try ChildProcess.run(
            RepositoryPaths.binary("kioskctl"),
            ["push", "--attempts", "3", "--initial-delay", "0.05", "--config", rig.configPath, "--state-dir", rig.stateDirectory.path])
        return (finished.status, finished.outputText + finished.errorText)
    }

    @Test(arguments: CollectorBackend.available) func sealedDaysReachTheCollectorInOrderAfterItWasDown(_ backend: CollectorBackend) throws {
        let collectorRig = try CollectorRig("push-e2e", backend: backend)
        let base = collectorRig.collector.base
        let rig = try DaemonRig("push-e2e", office: Self.office(collector: base))
        try DaySealingTests.votesOnEarlierDays(rig, [(4, 2), (2, 3)])
        let enrolled = try DaySealingTests.enroll(rig)
        try collectorRig.register(
            "TEST-OFFICE-may-1", office: "TEST-OFFICE", key: try KioskSigningKey(contentsOf: enrolled.keyFile))
        try rig.start()
        try awaitCondition("four sealed days") { try DaySealingTests.sealedDays(rig).count == 4 }

        // The network is down: nothing is lost, the run says so and exits 75 for the timer to retry.
        try collectorRig.collector.stop()
        let down = try Self.push(rig)
        #expect(down.status == 75, "\(down.output)")
        #expect(down.output.contains("không gửi được"))
        #expect(try DaySealingTests.sealedDays(rig).allSatisfy { $0.pushed == false })

        try collectorRig.restart()
        let up = try Self.push(rig)
        #expect(up.status == 0, "\(up.output)")
        #expect(try DaySealingTests.sealedDays(rig).allSatisfy { $0.pushed == true })
        let stored = try collectorRig.json(["days", "--kiosk", "TEST-OFFICE-may-1"])
        let sealed = try DaySealingTests.sealedDays(rig)
        #expect(stored.map { $0["day"] as? String } == sealed.map(\.day))
        #expect(stored.map { $0["hash"] as? String } == sealed.map(\.hash))
        #expect(stored.map { $0["link"] as? String } == ["first", "linked", "linked", "linked"])

        // Twice is harmless: nothing waits; and if the outbox had forgotten, the collector says it has them.
        let again = try Self.push(rig)
        #expect(again.status == 0)
        #expect(again.output.contains("No sealed day waits"))
    }

    @Test(arguments: CollectorBackend.available) func anUnknownKioskIsToldAndKeepsItsDays(_ backend: CollectorBackend) throws {
        let collectorRig = try CollectorRig("push-unknown", backend: backend)
        let rig = try DaemonRig("push-unknown", office: Self.office(collector: collectorRig.collector.base))
        try DaySealingTests.votesOnEarlierDays(rig, [(2, 1)])
        _ = try DaySealingTests.enroll(rig)
        try rig.start()
        try awaitCondition("two sealed days") { try DaySealingTests.sealedDays(rig).count == 2 }
        let refused = try Self.push(rig)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("HTTP 401"))
        #expect(refused.output.contains("unknown kiosk"))
        #expect(refused.output.split(separator: "\n").filter { $0.contains("bị từ chối") }.count == 1, "stops at the first: \(refused.output)")
        #expect(try DaySealingTests.sealedDays(rig).allSatisfy { $0.pushed == false })
    }
}
