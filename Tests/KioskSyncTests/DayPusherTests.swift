import CollectorCore
import CollectorHTTP
import Foundation
import Hummingbird
import HummingbirdTesting
import KioskCore
import KioskSeal
import KioskStore
import KioskSync
import Synchronization
import Testing

/// DayPusher against a real collector on loopback (CollectorServer on Hummingbird, SQLite), with
/// the waits between retries and their jitter injected: what is retried, after how long, what
/// stops a run, and what stays in the outbox.
@Suite struct DayPusherTests {
    /// The waits the pusher asked for, in seconds; none is slept.
    final class Waits: Sendable {
        let asked = Mutex<[Double]>([])

        var sleep: @Sendable (Double) async -> Void { { seconds in self.asked.withLock { $0.append(seconds) } } }
        var all: [Double] { asked.withLock { $0 } }
    }

    static func application(_ rig: PushRig, busy: Int = 0) throws -> (some ApplicationProtocol, BusyCollector<RouterResponder<CollectorRequestContext>>.Counts) {
        let router = try CollectorServer(store: rig.collector, clock: CollectorClock(timeZone: PushRig.zone, wall: { Date() })).router()
        let counts = BusyCollector<RouterResponder<CollectorRequestContext>>.Counts(busy: busy)
        return (Application(responder: BusyCollector(inner: router.buildResponder(), counts: counts)), counts)
    }

    static func pusher(_ rig: PushRig, port: Int, policy: PushPolicy, waits: Waits, random: Double) -> DayPusher {
        DayPusher(collector: "http://localhost:\(port)/", kioskID: rig.kioskID, store: rig.kiosk, policy: policy, sleep: waits.sleep, random: { random })
    }

    @Test func busyAnswersAreRetriedAfterDoublingJitteredWaitsAndEveryDayIsStoredInOrder() async throws {
        let rig = try await PushRig("busy")
        let (app, counts) = try Self.application(rig, busy: 2)
        let waits = Waits()
        let report = try await app.test(.live) { client in
            try await Self.pusher(rig, port: try #require(client.port), policy: PushPolicy(attempts: 3, initialDelay: 4), waits: waits, random: 0)
                .pushOutbox()
        }
        #expect(report == PushReport(results: PushRig.days.map { ($0, .stored) }))
        // Jitter 0 waits half the backoff: 4 s → 2 s, then 8 s → 4 s.
        #expect(waits.all == [2, 4])
        #expect(counts.pushes == 5)
        #expect(try rig.kiosk.outbox().isEmpty)
        #expect(try await rig.collector.storedDays(kiosk: rig.kioskID).map(\.link) == [.first, .linked, .linked])
        #expect(try await rig.collector.storedDays(kiosk: rig.kioskID).map(\.hash) == rig.kiosk.sealedDays().map(\.hash))
    }

    @Test func aDayStillBusyAfterTheLastAttemptEndsTheRunAndStaysInTheOutboxWithTheLaterDays() async throws {
        let rig = try await PushRig("still-busy")
        let (app, counts) = try Self.application(rig, busy: 3)
        let waits = Waits()
        let report = try await app.test(.live) { client in
            try await Self.pusher(rig, port: try #require(client.port), policy: PushPolicy(attempts: 3, initialDelay: 4), waits: waits, random: 1)
                .pushOutbox()
        }
        #expect(report == PushReport(results: [(PushRig.days[0], .unreachable("HTTP 503: the collector is busy"))]))
        #expect(report.unreachable)
        #expect(waits.all == [4, 8], "full waits with jitter 1")
        #expect(counts.pushes == 3)
        #expect(try rig.kiosk.outbox().map(\.day) == PushRig.days)
        #expect(try await rig.collector.storedDays(kiosk: rig.kioskID).isEmpty)
    }

    @Test func anUnknownKioskStopsTheRunAtOnce() async throws {
        let rig = try await PushRig("unknown", registered: false)
        let (app, counts) = try Self.application(rig)
        let waits = Waits()
        let report = try await app.test(.live) { client in
            try await Self.pusher(rig, port: try #require(client.port), policy: PushPolicy(), waits: waits, random: 0.5).pushOutbox()
        }
        let refusal = try #require(report.results.only)
        #expect(refusal.day == PushRig.days[0])
        guard case .refused(401, let reason) = refusal.result else {
            Issue.record("expected a 401 refusal, got \(refusal.result)")
            return
        }
        #expect(reason.hasPrefix(#"unknown kiosk "HN-HK-01""#))
        #expect(waits.all.isEmpty, "a refusal is not retried")
        #expect(counts.pushes == 1)
        #expect(try rig.kiosk.outbox().map(\.day) == PushRig.days)
    }

    @Test func aCollectorNobodyAnswersIsReportedUnreachableAfterEveryAttemptWithCappedWaits() async throws {
        let rig = try await PushRig("unreachable")
        let refusing = try RefusingPort()
        let waits = Waits()
        let pusher = DayPusher(
            collector: "http://127.0.0.1:\(refusing.port)", kioskID: rig.kioskID, store: rig.kiosk,
            policy: PushPolicy(attempts: 4, initialDelay: 5, maximumDelay: 8), sleep: waits.sleep, random: { 1 })
        let report = try await pusher.pushOutbox()
        let result = try #require(report.results.only)
        #expect(result.day == PushRig.days[0])
        guard case .unreachable(let problem) = result.result else {
            Issue.record("expected unreachable, got \(result.result)")
            return
        }
        #expect(!problem.isEmpty)
        #expect(waits.all == [5, 8, 8])
        #expect(try rig.kiosk.outbox().map(\.day) == PushRig.days)
    }
}

extension Collection {
    /// The one element, nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
