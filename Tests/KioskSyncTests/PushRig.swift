import CollectorCore
import CollectorStorage
import Foundation
import KioskCore
import KioskSeal
import KioskStore

/// A kiosk with three sealed days in its outbox (SQLite), and a collector's store (SQLite) where
/// that kiosk is registered unless the test says not; both in a temporary directory.
final class PushRig: Sendable {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    /// Ten days ago, so that the collector, on the real clock, takes every day.
    static let first = LocalDay(Date(), in: zone).adding(days: -10)!
    static let days = (0..<3).map { first.adding(days: $0)! }

    let directory: URL
    let kiosk: KioskDatabase
    let collector: SQLiteCollectorStore
    let key = KioskSigningKey.generate()
    let kioskID = "HN-HK-01"

    init(_ name: String, registered: Bool = true) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("push-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        kiosk = try KioskDatabase(path: directory.appendingPathComponent("kiosk.sqlite").path)
        for (index, day) in Self.days.enumerated() {
            for _ in 0...index {
                try kiosk.record(vote: VoteKey(
                    day: day, terminal: "danh-gia-quay-1", counter: "quay-1", service: "", question: "hai-long", choice: "rat-hai-long",
                    score: 100, satisfied: true))
            }
        }
        // 01:00 in the offices' zone on the day after the last: past the 00:30 seal time.
        let sealTime = ISO8601DateFormatter().date(from: "\(Self.days[2].adding(days: 1)!)T01:00:00+07:00")!
        let sealed = try kiosk.sealDays(
            kiosk: kioskID, office: "HN-HK", schedule: SealSchedule(timeZone: Self.zone, sealAt: OfficeHours.ClockTime(hour: 0, minute: 30)!),
            now: sealTime, sign: key.seal)
        precondition(sealed.map(\.day) == Self.days, "sealed \(sealed.map(\.day))")
        collector = try SQLiteCollectorStore(path: directory.appendingPathComponent("collector.sqlite").path)
        if registered {
            _ = try await collector.register(
                KioskRegistration(
                    id: kioskID, officeCode: "HN-HK", officeName: "Bộ phận Một cửa HN-HK", district: "Hoàn Kiếm", province: "Hà Nội",
                    publicKey: key.publicKey.base64),
                by: "test")
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
