import Foundation
import KioskCore
import KioskStore
import Testing

/// Each staff key's changes committed, the floor loaded again from the file (as after kill -9 and
/// a restart) equal to the one in memory; the day's served and no-show counts, waits and service
/// times in the day's tallies.
@Suite struct QueuePersistenceTests {
    let scratch: ScratchDirectory
    let path: String
    static let day = Days.first
    static let opening = Date(timeIntervalSince1970: 1_773_036_000)  // 2026-03-09 07:00 +07
    static let counters = [QueueFloor.Counter(id: "quay-1", services: ["ho-tich"]), .init(id: "quay-2", services: ["ho-tich", "dat-dai"])]
    static let services: Set<String> = ["ho-tich", "dat-dai"]
    static let layout = QueueLayout(counters: counters, services: services, maximumCalls: 3, fallbackMinutes: 10)

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("kiosk.sqlite")
    }

    func load(_ store: KioskDatabase) throws -> QueueFloor {
        try store.queueFloor(day: Self.day, layout: Self.layout, includingFinished: true)
    }

    /// Applies a key in memory and commits it, as kioskd does.
    func press(_ command: QueueCommand, at counter: String, minute: Double, _ floor: inout QueueFloor, _ store: KioskDatabase) throws {
        let before = floor
        let now = Self.opening.addingTimeInterval(minute * 60)
        _ = try floor.apply(command, at: counter, now: now)
        try store.commitQueueChange(day: Self.day, from: before, to: floor, now: now)
    }

    func issue(_ store: KioskDatabase, _ service: String, minute: Double, priority: String = "") throws {
        _ = try store.issueTicket(
            service: service, letter: service == "ho-tich" ? "A" : "B", priority: priority, terminal: "loi-vao",
            issuedAt: Self.opening.addingTimeInterval(minute * 60), day: Self.day, queue: .withoutCounters)
    }

    @Test func theFloorLoadedAgainIsTheFloorThatWasCommitted() throws {
        var store: KioskDatabase? = try KioskDatabase(path: path)
        for (service, minute) in [("ho-tich", 0.0), ("dat-dai", 1), ("ho-tich", 2), ("ho-tich", 3), ("dat-dai", 4)] {
            try issue(store!, service, minute: minute)
        }
        try issue(store!, "ho-tich", minute: 5, priority: "Người cao tuổi")
        var floor = try load(store!)
        try press(.callNext, at: "quay-1", minute: 6, &floor, store!)  // A004 (priority)
        try press(.startServing, at: "quay-1", minute: 7, &floor, store!)
        try press(.callNext, at: "quay-2", minute: 7, &floor, store!)  // A001
        try press(.recall, at: "quay-2", minute: 8, &floor, store!)
        try press(.noShow, at: "quay-2", minute: 9, &floor, store!)
        try press(.callNext, at: "quay-2", minute: 9, &floor, store!)  // B001
        try press(.transferToCounter("quay-1"), at: "quay-2", minute: 10, &floor, store!)
        try press(.callNext, at: "quay-2", minute: 10, &floor, store!)  // A002
        try press(.pause, at: "quay-2", minute: 11, &floor, store!)
        try press(.done, at: "quay-1", minute: 12, &floor, store!)

        // Closed without a word, as kill -9 would leave it, and opened again.
        store = nil
        let reopened = try KioskDatabase(path: path)
        let loaded = try load(reopened)
        #expect(loaded == floor)
        #expect(loaded.counters["quay-2"]?.paused == true)
        #expect(loaded.current(at: "quay-2")?.number.description == "A002")
        #expect(loaded.current(at: "quay-1") == nil)
        #expect(loaded.queue(for: "quay-1").map(\.number.description) == ["B001", "A003"], "B001 was sent to quay-1; it keeps its place")

        var next = loaded
        try press(.callNext, at: "quay-1", minute: 13, &next, reopened)
        #expect(next.current(at: "quay-1")?.number.description == "B001")
        #expect(try load(reopened) == next)
        // What a staff key loads: only the tickets still waiting or at a counter.
        let active = try reopened.queueFloor(day: Self.day, layout: Self.layout)
        #expect(active.tickets.values.map(\.number.description).sorted() == ["A002", "A003", "B001", "B002"], "not A001 (no-show) nor A004 (served)")
    }

    @Test func theDaysTalliesCountServedNoShowWaitsAndServiceTimes() throws {
        let store = try KioskDatabase(path: path)
        try issue(store, "ho-tich", minute: 0)
        try issue(store, "ho-tich", minute: 1)
        try issue(store, "dat-dai", minute: 2)
        var floor = try load(store)
        try press(.callNext, at: "quay-1", minute: 3, &floor, store)  // A001 waited 3 min
        try press(.startServing, at: "quay-1", minute: 4, &floor, store)
        try press(.done, at: "quay-1", minute: 16, &floor, store)  // served 12 min
        try press(.callNext, at: "quay-1", minute: 17, &floor, store)  // A002 waited 16 min
        try press(.noShow, at: "quay-1", minute: 20, &floor, store)
        let tallies = try store.dayTallies(on: Self.day, kiosk: "K1", office: "O1")
        let hoTich = try #require(tallies.tickets.first { $0.service == "ho-tich" })
        #expect(hoTich.issued == 2)
        #expect(hoTich.served == 1)
        #expect(hoTich.noShow == 1)
        var waits = WaitHistogram()
        waits.add(minutes: 3)
        waits.add(minutes: 16)
        #expect(hoTich.waiting == waits)
        var service = WaitHistogram()
        service.add(minutes: 12)
        #expect(hoTich.serviceTime == service)
        let datDai = try #require(tallies.tickets.first { $0.service == "dat-dai" })
        #expect(datDai.issued == 1 && datDai.served == 0 && datDai.waiting == WaitHistogram())
        #expect(try store.serviceMinutes(day: Self.day).map(\.minutes) == [12])
    }
}
