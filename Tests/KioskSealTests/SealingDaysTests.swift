import Foundation
import KioskCore
import KioskSeal
import SealVerification
import KioskStore
import Testing

/// Days sealed in a real SQLite store with a real key: every day once, in order, chained, signed.
@Suite struct SealingDaysTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let schedule = SealSchedule(timeZone: zone, sealAt: OfficeHours.ClockTime(hour: 0, minute: 30)!)
    static let day1 = LocalDay(year: 2026, month: 11, day: 27)!
    static let day2 = LocalDay(year: 2026, month: 11, day: 28)!
    static let day3 = LocalDay(year: 2026, month: 11, day: 29)!

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func vote(_ day: LocalDay, counter: String = "quay-1", choice: String = "hai-long", satisfied: Bool = true) -> VoteKey {
        VoteKey(day: day, terminal: "danh-gia-\(counter)", counter: counter, service: "", question: "q", choice: choice, score: satisfied ? 75 : 0, satisfied: satisfied)
    }

    struct Rig {
        let scratch: SealScratch
        let store: KioskDatabase
        let key: KioskSigningKey

        init() throws {
            scratch = try SealScratch()
            store = try KioskDatabase(path: scratch.path("kiosk.sqlite"))
            key = KioskSigningKey.generate()
        }

        @discardableResult
        func seal(at now: String) throws -> [SealedDayRecord] {
            try store.sealDays(kiosk: "K1", office: "O1", schedule: SealingDaysTests.schedule, now: SealingDaysTests.instant(now), sign: key.seal)
        }
    }

    @Test func everyDayFromTheFirstVoteIsSealedOnceChainedAndSigned() throws {
        let rig = try Rig()
        try rig.store.record(vote: Self.vote(Self.day1))
        try rig.store.record(vote: Self.vote(Self.day1))
        try rig.store.record(vote: Self.vote(Self.day3, counter: "quay-2", choice: "khong", satisfied: false))
        try rig.store.record(rejected: .duringLockout, terminal: "danh-gia-quay-1", day: Self.day3)
        _ = try rig.store.issueTicket(service: "ho-tich", letter: "A", terminal: "lay-so", issuedAt: Self.instant("2026-11-29T02:00:00Z"), day: Self.day3, queue: .withoutCounters)
        _ = try rig.store.issueTicket(service: "ho-tich", letter: "A", priority: "Người cao tuổi", terminal: "lay-so", issuedAt: Self.instant("2026-11-29T02:01:00Z"), day: Self.day3, queue: .withoutCounters)
        try rig.store.record(slipPrinted: "Đăng ký khai sinh", day: Self.day3)
        try rig.store.record(printerFault: "media-empty", printer: "may-in-ve", day: Self.day3)

        // 2026-11-30 00:45 in Hồ Chí Minh City: past the 00:30 seal time, so the 29th can be sealed.
        let sealed = try rig.seal(at: "2026-11-29T17:45:00Z")
        #expect(sealed.map(\.day) == [Self.day1, Self.day2, Self.day3])
        let days = try sealed.map { record in try DayTallies(canonicalBytes: record.body) }
        #expect(days[0].previous == "")
        #expect(days[1].previous == sealed[0].hash)
        #expect(days[2].previous == sealed[1].hash)
        for record in sealed {
            #expect(record.hash == SealHash.hex(of: record.body))
            #expect(SealVerifier(rig.key.publicKey).verifies(record.signature, of: record.body))
        }
        #expect(days[0].votes == [.init(counter: "quay-1", service: "", question: "q", choice: "hai-long", score: 75, satisfied: true, count: 2)])
        #expect(days[1].votes.isEmpty && days[1].tickets.isEmpty)
        #expect(days[2].votes.map(\.counter) == ["quay-2"])
        #expect(days[2].presses == [.init(terminal: "danh-gia-quay-1", kind: "misuse-lockout", count: 1)])
        #expect(days[2].tickets.map { [$0.issued, $0.priority, $0.served, $0.noShow] } == [[2, 1, 0, 0]])
        #expect(days[2].slips == [.init(procedure: "Đăng ký khai sinh", count: 1)])
        #expect(days[2].printerFaults == [.init(printer: "may-in-ve", fault: "media-empty", count: 1)])
        #expect(days.allSatisfy { $0.kiosk == "K1" && $0.office == "O1" })

        #expect(try rig.seal(at: "2026-11-29T17:50:00Z").isEmpty, "sealing again seals nothing")
        #expect(try rig.store.outbox().map(\.day) == [Self.day1, Self.day2, Self.day3])
    }

    @Test func theDayIsNotSealedBeforeTheSealTime() throws {
        let rig = try Rig()
        try rig.store.record(vote: Self.vote(Self.day3))
        // 2026-11-30 00:29 local: the 29th is over but not yet to be sealed.
        #expect(try rig.seal(at: "2026-11-29T17:29:00Z").isEmpty)
        #expect(try rig.seal(at: "2026-11-29T17:30:00Z").map(\.day) == [Self.day3])
    }

    @Test func aQuietKioskStartsItsChainTodayAndSealsEmptyDays() throws {
        let rig = try Rig()
        #expect(try rig.seal(at: "2026-11-27T03:00:00Z").isEmpty)  // the 27th, 10:00 local: the chain starts today
        let sealed = try rig.seal(at: "2026-11-29T03:00:00Z")  // the 29th, 10:00 local
        #expect(sealed.map(\.day) == [Self.day1, Self.day2])
        #expect(try sealed.allSatisfy { try DayTallies(canonicalBytes: $0.body).votes.isEmpty })
    }

    @Test func aFailedSignatureStoresNothing() throws {
        let rig = try Rig()
        try rig.store.record(vote: Self.vote(Self.day1))
        struct SignerDown: Error {}
        #expect(throws: SignerDown.self) {
            try rig.store.sealDays(kiosk: "K1", office: "O1", schedule: Self.schedule, now: Self.instant("2026-11-29T17:45:00Z")) { _ in throw SignerDown() }
        }
        #expect(try rig.store.sealedDays().isEmpty)
        #expect(try rig.seal(at: "2026-11-29T17:45:00Z").count == 3)
    }

    @Test func theChainContinuesAfterTheStoreIsReopened() throws {
        let scratch = try SealScratch()
        let key = KioskSigningKey.generate()
        let path = scratch.path("kiosk.sqlite")
        do {
            let store = try KioskDatabase(path: path)
            try store.record(vote: Self.vote(Self.day1))
            try store.sealDays(kiosk: "K1", office: "O1", schedule: Self.schedule, now: Self.instant("2026-11-27T17:45:00Z"), sign: key.seal)
            try store.close()
        }
        let reopened = try KioskDatabase(path: path)
        try reopened.record(vote: Self.vote(Self.day2))
        let later = try reopened.sealDays(kiosk: "K1", office: "O1", schedule: Self.schedule, now: Self.instant("2026-11-28T17:45:00Z"), sign: key.seal)
        let all = try reopened.sealedDays()
        #expect(later.map(\.day) == [Self.day2])
        #expect(try DayTallies(canonicalBytes: later[0].body).previous == all[0].hash)
    }

    @Test func pushedDaysLeaveTheOutbox() throws {
        let rig = try Rig()
        try rig.store.record(vote: Self.vote(Self.day1))
        try rig.seal(at: "2026-11-29T17:45:00Z")
        try rig.store.markPushed(Self.day1)
        #expect(try rig.store.outbox().map(\.day) == [Self.day2, Self.day3])
        #expect(try rig.store.sealedDays().map(\.pushed) == [true, false, false])
    }
}
