import CollectorCore
import Foundation
import HummingbirdTesting
import KioskCore
import KioskProtocol
import KioskSeal
import Testing

/// `POST /api/v1/days` through Hummingbird's in-process client, on a real SQLite file: every
/// answer's status and the `PushAnswer` its body decodes to, and what the store kept.
@Suite struct PushRouteTests {
    static let first = InProcessCollector.today.adding(days: -10)!

    @Test func aNewDayIsStoredTheSameBytesAgainAreAlreadyStoredAndTheNextDayLinks() async throws {
        let collector = try await InProcessCollector("push-stored")
        let day = collector.day(Self.first)
        let next = collector.day(Self.first.adding(days: 1)!, previous: SealHash.hex(of: day), votes: 5)
        try await collector.application().test(.router) { client in
            let stored = try await collector.push(day, client: client)
            #expect(stored.status == 201)
            #expect(stored.answer == PushAnswer(status: .stored, day: Self.first.description, hash: SealHash.hex(of: day), link: "first"))

            let again = try await collector.push(day, client: client)
            #expect(again.status == 200)
            #expect(again.answer == PushAnswer(status: .alreadyStored, day: Self.first.description, hash: SealHash.hex(of: day)))

            let linked = try await collector.push(next, client: client)
            #expect(linked.status == 201)
            #expect(linked.answer.link == "linked")
        }
        #expect(try await collector.store.storedDays(kiosk: collector.kiosk).map(\.link) == [.first, .linked])
        #expect(try await collector.store.alarms().isEmpty)
    }

    @Test func otherFiguresForAStoredDayAreAConflictAndATamperAlarm() async throws {
        let collector = try await InProcessCollector("push-conflict")
        let original = collector.day(Self.first, votes: 3)
        let altered = collector.day(Self.first, votes: 30)
        try await collector.application().test(.router) { client in
            #expect(try await collector.push(original, client: client).status == 201)
            let conflict = try await collector.push(altered, client: client)
            #expect(conflict.status == 409)
            #expect(conflict.answer.status == nil)
            #expect(conflict.answer.day == Self.first.description)
            #expect(conflict.answer.storedHash == SealHash.hex(of: original))
            #expect(conflict.answer.error?.contains("recorded as a tamper alarm") == true)
        }
        #expect(try await collector.store.storedDays(kiosk: collector.kiosk).map(\.hash) == [SealHash.hex(of: original)])
        let alarms = try await collector.store.alarms()
        #expect(alarms.map(\.kind) == [.tamper])
        #expect(alarms.map(\.day) == [Self.first.description])
    }

    @Test func anUnknownKioskIsUnauthorized() async throws {
        let collector = try await InProcessCollector("push-unknown")
        try await collector.application().test(.router) { client in
            let unknown = try await collector.push(collector.day(Self.first), kiosk: "HN-XX-99", client: client)
            #expect(unknown.status == 401)
            #expect(unknown.answer.status == nil)
            #expect(unknown.answer.field == nil)
            #expect(unknown.answer.error?.hasPrefix(#"unknown kiosk "HN-XX-99""#) == true)
        }
        #expect(try await collector.store.storedDays(kiosk: "HN-XX-99").isEmpty)
    }

    @Test func aSignatureByAnotherKeyIsForbidden() async throws {
        let collector = try await InProcessCollector("push-forged")
        try await collector.application().test(.router) { client in
            let forged = try await collector.push(collector.day(Self.first), signedBy: KioskSigningKey.generate(), client: client)
            #expect(forged.status == 403)
            #expect(forged.answer == PushAnswer(error: #"the signature does not verify with kiosk "HN-HK-01"'s registered key"#))
        }
        #expect(try await collector.store.storedDays(kiosk: collector.kiosk).isEmpty)
    }

    /// Today's figures are not final: the day is taken once it has ended in the offices' time zone.
    @Test func aDayThatHasNotEndedIsRefusedNamingTheDay() async throws {
        let collector = try await InProcessCollector("push-today")
        let today = InProcessCollector.today
        try await collector.application().test(.router) { client in
            let early = try await collector.push(collector.day(today), client: client)
            #expect(early.status == 422)
            #expect(early.answer.field == "day")
            #expect(early.answer.error?.hasPrefix("\(today) has not ended yet") == true)
            #expect(early.answer.reason == "day: \(early.answer.error ?? "")")
        }
        #expect(try await collector.store.storedDays(kiosk: collector.kiosk).isEmpty)
    }
}
