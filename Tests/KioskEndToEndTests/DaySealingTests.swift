import Foundation
import KioskCore
import KioskProtocol
import KioskSeal
import KioskStore
import KioskTestSupport
import SealVerification
import Testing

/// kioskd seals finished days into its outbox: those missed while it was off at start-up, signed
/// with the key `kioskctl enroll` made, chained; without a key it keeps them and says why.
@Suite(.serialized) struct DaySealingTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    static func office(_ evdev: FakeEvdev) -> String {
        TestOffice.touchAndArmedKeypad(evdev) + """

            [sync]
            kiosk_id = "TEST-OFFICE-may-1"
            seal_at = "00:00"
            """
    }

    static var today: LocalDay { LocalDay(Date(), in: zone) }

    /// Votes written as kioskd would have on earlier days, before this kioskd starts.
    static func votesOnEarlierDays(_ rig: DaemonRig, _ days: [(daysAgo: Int, votes: Int)]) throws {
        try FileManager.default.createDirectory(at: rig.stateDirectory, withIntermediateDirectories: true)
        let store = try KioskDatabase(path: rig.stateDirectory.appendingPathComponent("kiosk.sqlite").path)
        for (daysAgo, votes) in days {
            let key = VoteKey(
                day: today.adding(days: -daysAgo)!, terminal: "quay-1-danh-gia", counter: "quay-1", service: "",
                question: "hai-long", choice: "rat-hai-long", score: 100, satisfied: true)
            for _ in 0..<votes { try store.record(vote: key) }
        }
        try store.close()
    }

    static func kioskctl(_ rig: DaemonRig, _ arguments: [String]) throws -> String {
        try KioskdProcess.run(
            RepositoryPaths.binary("kioskctl"), arguments + ["--config", rig.configPath, "--state-dir", rig.stateDirectory.path])
    }

    static func sealedDays(_ rig: DaemonRig) throws -> [OutboxEntry] {
        try ProtocolJSON.decode([OutboxEntry].self, from: try kioskctl(rig, ["days", "--json"]))
    }

    static func enroll(_ rig: DaemonRig) throws -> EnrollmentReport {
        try ProtocolJSON.decode(EnrollmentReport.self, from: try kioskctl(rig, ["enroll", "--json"]))
    }

    @Test func daysMissedWhileOffAreSealedSignedAndChainedAtStartUp() throws {
        let rig = try DaemonRig("seal-startup", office: Self.office)
        try Self.votesOnEarlierDays(rig, [(3, 2), (1, 5)])
        let enrolled = try Self.enroll(rig)
        #expect(enrolled.created == true)
        #expect(enrolled.kiosk == "TEST-OFFICE-may-1")
        let publicKey = try #require(KioskPublicKey(base64: enrolled.publicKey))
        var keyInfo = stat()
        #expect(stat(enrolled.keyFile, &keyInfo) == 0 && keyInfo.st_mode & 0o777 == 0o600)

        try rig.start()
        try awaitCondition("three sealed days") { try Self.sealedDays(rig).count == 3 }
        let listed = try Self.sealedDays(rig)
        let expectedDays = [3, 2, 1].map { Self.today.adding(days: -$0)!.description }
        #expect(listed.map(\.day) == expectedDays)
        #expect(listed.allSatisfy { $0.pushed == false })

        var previous = ""
        for (index, row) in listed.enumerated() {
            let bytes = Array(try Self.kioskctl(rig, ["days", "--show", row.day]).utf8)
            #expect(SealHash.hex(of: bytes) == row.hash)
            #expect(SealVerifier(publicKey).verifies(row.signature, of: bytes))
            let day = try DayTallies(canonicalBytes: bytes)
            #expect(day.previous == previous)
            #expect(day.kiosk == "TEST-OFFICE-may-1" && day.office == "TEST-OFFICE")
            #expect(day.votes.reduce(0) { $0 + $1.count } == [2, 0, 5][index])
            previous = SealHash.hex(of: bytes)
        }

        // A restart seals nothing twice, and enrolling again keeps the key.
        try rig.kill9()
        try rig.start()
        #expect(try Self.kioskctl(rig, ["seal"]).contains("No day to seal"))
        #expect(try Self.sealedDays(rig).map(\.hash) == listed.map(\.hash))
        let reenrolled = try Self.enroll(rig)
        #expect(reenrolled.created == false)
        #expect(reenrolled.publicKey == publicKey.base64)
    }

    @Test func withoutAKeyDaysWaitAndAreSealedOnceEnrolled() throws {
        let rig = try DaemonRig("seal-enroll", office: Self.office)
        try Self.votesOnEarlierDays(rig, [(2, 1)])
        try rig.start()
        do {
            _ = try Self.kioskctl(rig, ["seal"])
            Issue.record("kioskctl seal succeeded without a key")
        } catch {
            #expect("\(error)".contains("no signing key"))
            #expect("\(error)".contains("kioskctl enroll"))
        }
        #expect(try Self.sealedDays(rig).isEmpty)

        _ = try Self.enroll(rig)
        let output = try Self.kioskctl(rig, ["seal"])
        let expected = [2, 1].map { Self.today.adding(days: -$0)!.description }
        #expect(output.contains(expected.joined(separator: ", ")), "output: \(output)")
        #expect(try Self.sealedDays(rig).map(\.day) == expected)
        #expect(try Self.kioskctl(rig, ["seal"]).contains("Không có ngày nào cần niêm phong"))
    }
}
