import Foundation
import KioskCore
import KioskSeal
import KioskTestSupport
import Synchronization
import Testing

/// collectord's ingest against a real collectord process and SQLite file: what it stores, what it
/// refuses and why, and that nothing partial is ever stored.
@Suite(.serialized) struct CollectorIngestTests {
    static let first = LocalDay(year: 2026, month: 11, day: 2)!

    func days(_ rig: CollectorRig, kiosk: String? = nil) throws -> [[String: Any]] {
        try rig.json(["days", "--kiosk", kiosk ?? rig.kiosk])
    }

    @Test(arguments: CollectorBackend.available) func newDaysAreStoredAndARepushIsHarmless(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-new", backend: backend)
        let chain = CollectorRig.chain(from: Self.first, count: 2)
        let stored = try rig.push(chain[0])
        #expect(stored.status == 201, "\(stored.json)")
        #expect(stored.json["link"] as? String == "first")
        #expect(stored.json["hash"] as? String == SealHash.hex(of: chain[0]))
        #expect(try rig.push(chain[1]).json["link"] as? String == "linked")

        let again = try rig.push(chain[0])
        #expect(again.status == 200)
        #expect(again.json["status"] as? String == "already-stored")
        #expect(try days(rig).map { $0["link"] as? String } == ["first", "linked"])
        #expect(try rig.json(["alarms"]).isEmpty)
    }

    @Test(arguments: CollectorBackend.available) func differentFiguresForAStoredDayAreRefusedAndRaiseATamperAlarm(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-conflict", backend: backend)
        let original = CollectorRig.day(Self.first, votes: 3).canonicalBytes()
        let altered = CollectorRig.day(Self.first, votes: 30).canonicalBytes()
        #expect(try rig.push(original).status == 201)
        let conflict = try rig.push(altered)
        #expect(conflict.status == 409)
        #expect((conflict.json["error"] as? String)?.contains("tamper alarm") == true)
        #expect(conflict.json["storedHash"] as? String == SealHash.hex(of: original))
        #expect(try days(rig).map { $0["hash"] as? String } == [SealHash.hex(of: original)])
        let alarms = try rig.json(["alarms"])
        #expect(alarms.count == 1)
        #expect(alarms.first?["kind"] as? String == "tamper")
        #expect(alarms.first?["day"] as? String == Self.first.description)
    }

    @Test(arguments: CollectorBackend.available) func forgedUnknownAndRevokedPushesAreRefused(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-auth", backend: backend)
        let body = CollectorRig.day(Self.first).canonicalBytes()

        let forged = try rig.push(body, signedBy: KioskSigningKey.generate())
        #expect(forged.status == 403)
        #expect((forged.json["error"] as? String)?.contains("does not verify") == true)
        #expect(try rig.push(body, signature: "").status == 401)
        let unknown = try rig.push(body, kiosk: "HN-XX-99")
        #expect(unknown.status == 401)
        #expect((unknown.json["error"] as? String)?.contains("unknown kiosk") == true)

        var tampered = body
        tampered[tampered.count - 3] = UInt8(ascii: "9")  // a count changed after signing
        #expect(try rig.push(tampered, signature: try rig.key.seal(body).signature).status == 403)

        _ = try rig.collectord(["kiosk", "revoke", rig.kiosk])
        let revoked = try rig.push(body)
        #expect(revoked.status == 403)
        #expect((revoked.json["error"] as? String)?.contains("revoked") == true)
        #expect(try days(rig).isEmpty)
    }

    /// A key of 32 bytes that is no key a kiosk can sign with (the curve's neutral element, for
    /// which signatures can be forged) is refused at registration, naming the option.
    @Test func registrationRefusesAKeyNoKioskCanSignWith() throws {
        let rig = try CollectorRig("ingest-small-order-key", backend: .sqlite)
        let identity = Data([1] + [UInt8](repeating: 0, count: 31)).base64EncodedString()
        do {
            _ = try rig.collectord([
                "kiosk", "add", "--id", "HN-XX-01", "--office-code", "HN-XX", "--office-name", "Bộ phận Một cửa",
                "--district", "Hoàn Kiếm", "--province", "Hà Nội", "--public-key", identity,
            ])
            Issue.record("a small-order key was registered")
        } catch {
            #expect("\(error)".contains("--public-key"))
        }
        #expect(try rig.json(["kiosk", "list"]).allSatisfy { $0["id"] as? String != "HN-XX-01" })
    }

    /// collectord keeps registrations in memory; changes made meanwhile by `collectord kiosk …` (another
    /// process) count from the next push: revoked, reinstated and registered again with a new key, or at another office.
    @Test(arguments: CollectorBackend.available) func registryChangesByAnotherProcessCountAtTheNextPush(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-registry", backend: backend)
        let chain = CollectorRig.chain(from: Self.first, count: 4)
        #expect(try rig.push(chain[0]).status == 201)

        _ = try rig.collectord(["kiosk", "revoke", rig.kiosk])
        let revoked = try rig.push(chain[1])
        #expect(revoked.status == 403)
        #expect((revoked.json["error"] as? String)?.contains("revoked") == true)

        // Reinstated, then enrolled again: a new key, registered under the same id.
        _ = try rig.collectord(["kiosk", "reinstate", rig.kiosk, "--reason", "enrolled again"])
        let newKey = KioskSigningKey.generate()
        try rig.register(rig.kiosk, office: rig.office, key: newKey)
        #expect(try rig.push(chain[1]).status == 403, "the old key no longer verifies")
        #expect(try rig.push(chain[1], signedBy: newKey).status == 201)

        // Moved to another office: days of the old office are refused, days of the new one stored there.
        try rig.register(rig.kiosk, office: "HN-HK-2", key: newKey)
        let oldOffice = try rig.push(chain[2], signedBy: newKey)
        #expect(oldOffice.status == 422)
        #expect(oldOffice.json["field"] as? String == "office")
        let moved = CollectorRig.day(Self.first.adding(days: 2)!, office: "HN-HK-2", previous: SealHash.hex(of: chain[1])).canonicalBytes()
        #expect(try rig.push(moved, signedBy: newKey).status == 201)
        #expect(try rig.sql("SELECT office FROM sealed_day WHERE day = '\(Self.first.adding(days: 2)!)'") == [["HN-HK-2"]])

        // Revoked again by another process between pushes that the collector accepted from memory.
        _ = try rig.collectord(["kiosk", "revoke", rig.kiosk])
        let next = CollectorRig.day(Self.first.adding(days: 3)!, office: "HN-HK-2", previous: SealHash.hex(of: moved)).canonicalBytes()
        #expect(try rig.push(next, signedBy: newKey).status == 403)
        #expect(try days(rig).count == 3)
    }

    @Test(arguments: CollectorBackend.available) func malformedDaysAreRefusedWithTheFieldAndTheReason(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-422", backend: backend)
        let body = CollectorRig.day(Self.first).canonicalBytes()

        let truncated = try rig.push(Array(body.prefix(body.count / 2)))
        #expect(truncated.status == 422)
        #expect((truncated.json["error"] as? String)?.contains("not valid JSON") == true)

        let spaced = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: ",", with: ", ").utf8)
        let notCanonical = try rig.push(spaced)
        #expect(notCanonical.status == 422)
        #expect((notCanonical.json["error"] as? String)?.contains("not in canonical form") == true)

        let badScore = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: #""score":100"#, with: #""score":250"#).utf8)
        let scored = try rig.push(badScore)
        #expect(scored.status == 422)
        #expect(scored.json["field"] as? String == "votes[0].score")

        let otherKiosk = try rig.push(CollectorRig.day(Self.first, kiosk: "HN-HK-02").canonicalBytes())
        #expect(otherKiosk.status == 422)
        #expect(otherKiosk.json["field"] as? String == "kiosk")
        let otherOffice = try rig.push(CollectorRig.day(Self.first, office: "HN-BD").canonicalBytes())
        #expect(otherOffice.status == 422)
        #expect(otherOffice.json["field"] as? String == "office")
        let future = try rig.push(CollectorRig.day(LocalDay(Date(), in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).adding(days: 2)!).canonicalBytes())
        #expect(future.status == 422)
        #expect(future.json["field"] as? String == "day")

        #expect(try days(rig).isEmpty)
    }

    @Test(arguments: CollectorBackend.available) func anOversizedPushIsRefusedUnread(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-413", backend: backend)
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: 2 << 20)
        let answer = try rig.push(huge)
        #expect(answer.status == 413)
        #expect((answer.json["error"] as? String)?.contains("1024 KiB") == true)
    }

    @Test(arguments: CollectorBackend.available) func reorderedDaysAreAcceptedAndTheGapClosesWhenTheMissingDayArrives(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-order", backend: backend)
        let chain = CollectorRig.chain(from: Self.first, count: 4)
        #expect(try rig.push(chain[2]).json["link"] as? String == "gap")
        #expect(try rig.push(chain[0]).json["link"] as? String == "first")
        #expect(try rig.push(chain[3]).json["link"] as? String == "linked")
        #expect(try days(rig).map { $0["link"] as? String } == ["first", "gap", "linked"])
        #expect(try rig.push(chain[1]).json["link"] as? String == "linked")
        #expect(try days(rig).map { $0["link"] as? String } == ["first", "linked", "linked", "linked"])
        #expect(try rig.json(["alarms"]).isEmpty)
    }

    @Test(arguments: CollectorBackend.available) func aDayThatDoesNotChainIsStoredFlaggedAndRaisesAnAlarm(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-break", backend: backend)
        let chain = CollectorRig.chain(from: Self.first, count: 1)
        #expect(try rig.push(chain[0]).status == 201)
        let stray = CollectorRig.day(Self.first.adding(days: 1)!, previous: String(repeating: "0", count: 64)).canonicalBytes()
        let answer = try rig.push(stray)
        #expect(answer.status == 201)
        #expect(answer.json["link"] as? String == "broken")
        let alarms = try rig.json(["alarms"])
        #expect(alarms.map { $0["kind"] as? String } == ["chain-break"])
    }

    @Test(arguments: CollectorBackend.available) func twoKiosksRacingEachGetEveryDayStoredAndLinked(_ backend: CollectorBackend) throws {
        let rig = try CollectorRig("ingest-race", backend: backend)
        let second = KioskSigningKey.generate()
        try rig.register("HN-HK-02", office: "HN-HK", key: second)
        let ours = CollectorRig.chain(from: Self.first, count: 20)
        let theirs = CollectorRig.chain(from: Self.first, count: 20, kiosk: "HN-HK-02")
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            let status: Int
            if index % 2 == 0 {
                status = (try? rig.push(ours[index / 2]).status) ?? -1
            } else {
                status = (try? rig.push(theirs[index / 2], kiosk: "HN-HK-02", signedBy: second).status) ?? -1
            }
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 }.allSatisfy { $0 == 201 })
        for kiosk in [rig.kiosk, "HN-HK-02"] {
            let links = try days(rig, kiosk: kiosk).map { $0["link"] as? String }
            #expect(links.count == 20)
            #expect(links.first == "first")
            #expect(links.dropFirst().allSatisfy { $0 == "linked" }, "\(kiosk): \(links)")
        }
    }
}
