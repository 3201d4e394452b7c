import ArgumentParser
import Foundation
import KioskCore
import KioskStore
import KioskTestSupport

/// The queue engine as kioskd runs it, without devices: each staff key loads the day's floor from
/// a real kiosk database (SQLite, synchronous FULL), applies the key and commits the change. A day
/// of tickets over four services is called, served and finished by 20 counters.
struct QueueBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Tickets per second the queue sustains with 20 counters (load, apply, commit per key).")

    @Option(help: "Counters calling at once.") var counters = 20
    @Option(help: "Tickets issued in the day.") var tickets = 2000

    func run() throws {
        let directory = try RepositoryPaths.temporaryDirectory("kiosk-bench-queue")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try KioskDatabase(path: directory.appendingPathComponent("kiosk.sqlite").path)
        let services = ["ho-tich", "dat-dai", "xay-dung", "chinh-sach"]
        let day = LocalDay(year: 2026, month: 12, day: 1)!
        let opening = Date(timeIntervalSince1970: 1_796_083_200)
        // Each counter calls two services, so every service has five counters.
        let floorCounters = (0..<counters).map { QueueFloor.Counter(id: "quay-\($0 + 1)", services: [services[$0 % 4], services[($0 + 1) % 4]]) }
        let layout = QueueLayout(counters: floorCounters, services: Set(services), maximumCalls: 3, fallbackMinutes: 10)
        let issueStart = DispatchTime.now().uptimeNanoseconds
        for index in 0..<tickets {
            let service = services[index % services.count]
            _ = try store.issueTicket(
                service: service, letter: String(UnicodeScalar(UInt8(65 + index % services.count))), priority: index % 17 == 0 ? "Ưu tiên" : "",
                terminal: "lay-so", issuedAt: opening.addingTimeInterval(Double(index)), day: day, queue: layout)
        }
        let issueSeconds = Double(DispatchTime.now().uptimeNanoseconds - issueStart) / 1e9

        var keyMilliseconds: [Double] = []
        var served = 0
        var now = opening.addingTimeInterval(Double(tickets))
        let start = DispatchTime.now().uptimeNanoseconds
        var idle = 0
        while idle < counters {
            idle = 0
            for counter in floorCounters {
                for command in [QueueCommand.callNext, .startServing, .done] {
                    now += 1
                    let keyStart = DispatchTime.now().uptimeNanoseconds
                    let before = try store.queueFloor(day: day, layout: layout)
                    var after = before
                    do {
                        let events = try after.apply(command, at: counter.id, now: now)
                        try store.commitQueueChange(day: day, from: before, to: after, now: now)
                        served += events.filter { if case .served = $0 { true } else { false } }.count
                    } catch is QueueRefusal {
                        if command == .callNext { idle += 1 }
                        keyMilliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - keyStart) / 1e6)
                        break
                    }
                    keyMilliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - keyStart) / 1e6)
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let keys = Summary(keyMilliseconds)
        print("kiosk-bench queue: \(tickets) tickets over 4 services, \(counters) counters; issued in \(String(format: "%.2f", issueSeconds)) s (\(String(format: "%.0f", Double(tickets) / issueSeconds)) tickets/s committed)")
        print(String(format: "served %d tickets with %d staff keys in %.2f s: %.0f tickets/s, %.0f keys/s", served, keyMilliseconds.count, seconds,
            Double(served) / seconds, Double(keyMilliseconds.count) / seconds))
        print(String(format: "staff key (load the day's floor, apply, commit) ms: p50 %.2f  p99 %.2f  max %.2f", keys.p50, keys.p99, keys.max))
        precondition(served == tickets, "every ticket served once")
    }
}
