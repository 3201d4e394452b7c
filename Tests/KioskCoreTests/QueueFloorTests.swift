import Foundation
import KioskCore
import Testing

/// The queue's rules, key by key. FIFO is tested explicitly: a widely used queue system once
/// shipped last-in-first-out by mistake.
@Suite struct QueueFloorTests {
    static let opening = Date(timeIntervalSince1970: 1_790_000_000)

    static func floor(maximumCalls: Int = 3) -> QueueFloor {
        QueueFloor(
            counters: [
                .init(id: "quay-1", services: ["ho-tich", "dat-dai"]), .init(id: "quay-2", services: ["ho-tich"]),
                .init(id: "quay-3", services: ["dat-dai"]),
            ],
            services: ["ho-tich", "dat-dai", "chung-thuc"], maximumCalls: maximumCalls)
    }

    static func ticket(_ service: String, _ number: Int, at second: Double, priority: String? = nil) -> QueueTicket {
        let letter = ["ho-tich": "A", "dat-dai": "B", "chung-thuc": "C"][service]!
        return QueueTicket(
            id: .init(service: service, number: number), number: TicketNumber(letter: letter, number: number),
            issuedAt: opening.addingTimeInterval(second), priorityClass: priority)
    }

    static func calls(_ events: [QueueEvent]) -> [String] {
        events.compactMap { if case .called(_, let number, let counter, let calls) = $0 { "\(number)@\(counter)×\(calls)" } else { nil } }
    }

    @Test func firstComeFirstServedByIssueTimeNotByArrivalInTheStore() throws {
        var floor = Self.floor()
        // Stored in reverse (as a LIFO bug would favour), issued A001, B001, A002, B002, A003.
        for ticket in [Self.ticket("ho-tich", 3, at: 40), Self.ticket("dat-dai", 2, at: 30), Self.ticket("ho-tich", 2, at: 20),
            Self.ticket("dat-dai", 1, at: 10), Self.ticket("ho-tich", 1, at: 0)]
        {
            floor.add(ticket)
        }
        var called: [String] = []
        for minute in 0..<5 {
            let now = Self.opening.addingTimeInterval(Double(60 + minute * 60))
            called += Self.calls(try floor.apply(.callNext, at: "quay-1", now: now))
            _ = try floor.apply(.done, at: "quay-1", now: now.addingTimeInterval(30))
        }
        #expect(called == ["A001@quay-1×1", "B001@quay-1×1", "A002@quay-1×1", "B002@quay-1×1", "A003@quay-1×1"])
        #expect(throws: QueueRefusal.nobodyWaiting) { try floor.apply(.callNext, at: "quay-1", now: Self.opening) }
    }

    @Test func aPriorityClassGoesFirstAndPriorityTicketsKeepTheirOrder() throws {
        var floor = Self.floor()
        floor.add(Self.ticket("ho-tich", 1, at: 0))
        floor.add(Self.ticket("ho-tich", 3, at: 20, priority: "Người cao tuổi"))
        floor.add(Self.ticket("ho-tich", 2, at: 10, priority: "Phụ nữ mang thai"))
        #expect(floor.queue(for: "quay-2").map(\.number.description) == ["A002", "A003", "A001"])
        #expect(Self.calls(try floor.apply(.callNext, at: "quay-2", now: Self.opening)) == ["A002@quay-2×1"])
    }

    @Test func aCounterCallsOnlyItsServicesAndNoTicketIsCalledTwice() throws {
        var floor = Self.floor()
        for number in 1...6 { floor.add(Self.ticket(number % 2 == 0 ? "dat-dai" : "ho-tich", number, at: Double(number))) }
        floor.add(Self.ticket("chung-thuc", 1, at: 0))
        var called: [String] = []
        for round in 0..<3 {
            let now = Self.opening.addingTimeInterval(Double(100 + round))
            for counter in ["quay-2", "quay-3", "quay-1"] {
                guard let events = try? floor.apply(.callNext, at: counter, now: now) else { continue }
                called += Self.calls(events)
                _ = try floor.apply(.done, at: counter, now: now)
            }
        }
        #expect(called.filter { $0.hasSuffix("@quay-2×1") }.allSatisfy { $0.hasPrefix("A") })
        #expect(called.filter { $0.hasSuffix("@quay-3×1") }.allSatisfy { $0.hasPrefix("B") })
        let numbers = called.map { String($0.prefix(4)) }
        #expect(numbers.count == 6)
        #expect(Set(numbers).count == 6, "each ticket called once")
        #expect(!numbers.contains("C001"), "no counter calls chứng thực")
        #expect(floor.waiting(for: "chung-thuc").count == 1)
    }

    @Test func recallsStopAtTheLimitAndThenTheTicketIsMarkedNoShow() throws {
        var floor = Self.floor(maximumCalls: 3)
        floor.add(Self.ticket("ho-tich", 1, at: 0))
        floor.add(Self.ticket("ho-tich", 2, at: 1))
        _ = try floor.apply(.callNext, at: "quay-2", now: Self.opening)
        #expect(Self.calls(try floor.apply(.recall, at: "quay-2", now: Self.opening)) == ["A001@quay-2×2"])
        #expect(Self.calls(try floor.apply(.recall, at: "quay-2", now: Self.opening)) == ["A001@quay-2×3"])
        #expect(throws: QueueRefusal.recallLimitReached(TicketNumber(letter: "A", number: 1), limit: 3)) {
            try floor.apply(.recall, at: "quay-2", now: Self.opening)
        }
        #expect(throws: QueueRefusal.currentNotServed(TicketNumber(letter: "A", number: 1))) {
            try floor.apply(.callNext, at: "quay-2", now: Self.opening)
        }
        #expect(try floor.apply(.noShow, at: "quay-2", now: Self.opening) == [.noShow(.init(service: "ho-tich", number: 1), counter: "quay-2")])
        #expect(floor.tickets[.init(service: "ho-tich", number: 1)]?.state == .noShow(counter: "quay-2"))
        #expect(Self.calls(try floor.apply(.callNext, at: "quay-2", now: Self.opening)) == ["A002@quay-2×1"])
    }

    @Test func doneArmsOneRatingAndMeasuresTheServiceFromItsStart() throws {
        var floor = Self.floor()
        floor.add(Self.ticket("ho-tich", 1, at: 0))
        _ = try floor.apply(.callNext, at: "quay-2", now: Self.opening.addingTimeInterval(60))
        #expect(try floor.apply(.startServing, at: "quay-2", now: Self.opening.addingTimeInterval(120)) == [.serving(.init(service: "ho-tich", number: 1), counter: "quay-2")])
        let done = try floor.apply(.done, at: "quay-2", now: Self.opening.addingTimeInterval(120 + 7.5 * 60))
        #expect(done == [.served(.init(service: "ho-tich", number: 1), counter: "quay-2", service: "ho-tich", minutes: 7.5), .ratingArmed(counter: "quay-2")])
        #expect(throws: QueueRefusal.noCurrentTicket) { try floor.apply(.done, at: "quay-2", now: Self.opening) }
    }

    @Test func callingNextWhileServingFinishesTheCurrentTicketFirst() throws {
        var floor = Self.floor()
        floor.add(Self.ticket("ho-tich", 1, at: 0))
        floor.add(Self.ticket("ho-tich", 2, at: 1))
        _ = try floor.apply(.callNext, at: "quay-2", now: Self.opening)
        _ = try floor.apply(.startServing, at: "quay-2", now: Self.opening)
        let events = try floor.apply(.callNext, at: "quay-2", now: Self.opening.addingTimeInterval(300))
        #expect(events.count == 3)
        #expect(events[1] == .ratingArmed(counter: "quay-2"))
        #expect(Self.calls(events) == ["A002@quay-2×1"])
    }

    @Test func aRefusedKeyChangesNothing() throws {
        var floor = Self.floor()
        floor.add(Self.ticket("ho-tich", 1, at: 0))
        _ = try floor.apply(.callNext, at: "quay-2", now: Self.opening)
        let before = floor
        for command in [QueueCommand.callNext, .transferToService("khong-co"), .transferToService("ho-tich"), .transferToCounter("quay-9")] {
            #expect(throws: QueueRefusal.self) { try floor.apply(command, at: "quay-2", now: Self.opening) }
            #expect(floor == before)
        }
        #expect(throws: QueueRefusal.unknownCounter("quay-7")) { try floor.apply(.callNext, at: "quay-7", now: Self.opening) }
    }

    @Test func aTransferKeepsTheTicketsPlaceInItsNewQueue() throws {
        var floor = Self.floor()
        floor.add(Self.ticket("ho-tich", 1, at: 0))
        floor.add(Self.ticket("dat-dai", 1, at: 5))
        floor.add(Self.ticket("dat-dai", 2, at: 6))
        _ = try floor.apply(.callNext, at: "quay-2", now: Self.opening)
        #expect(try floor.apply(.transferToService("dat-dai"), at: "quay-2", now: Self.opening)
            == [.transferred(.init(service: "ho-tich", number: 1), toService: "dat-dai", toCounter: nil)])
        #expect(floor.current(at: "quay-2") == nil)
        // Issued before B001 and B002, A001 is the next that đất đai's counter calls.
        #expect(Self.calls(try floor.apply(.callNext, at: "quay-3", now: Self.opening)) == ["A001@quay-3×1"])
        #expect(try floor.apply(.transferToCounter("quay-1"), at: "quay-3", now: Self.opening).count == 1)
        #expect(floor.queue(for: "quay-3").map(\.number.description) == ["B001", "B002"])
        #expect(floor.queue(for: "quay-1").first?.number.description == "A001")
        let done = try floor.apply(.callNext, at: "quay-1", now: Self.opening)
        #expect(Self.calls(done) == ["A001@quay-1×1"])
        let served = try floor.apply(.done, at: "quay-1", now: Self.opening.addingTimeInterval(60))
        #expect(served.first == .served(.init(service: "ho-tich", number: 1), counter: "quay-1", service: "dat-dai", minutes: 1))
    }

    @Test func aPausedCounterCallsNobodyUntilResumed() throws {
        var floor = Self.floor()
        floor.add(Self.ticket("ho-tich", 1, at: 0))
        #expect(try floor.apply(.pause, at: "quay-2", now: Self.opening) == [.paused(counter: "quay-2")])
        #expect(throws: QueueRefusal.counterPaused) { try floor.apply(.callNext, at: "quay-2", now: Self.opening) }
        _ = try floor.apply(.resume, at: "quay-2", now: Self.opening)
        #expect(Self.calls(try floor.apply(.callNext, at: "quay-2", now: Self.opening)) == ["A001@quay-2×1"])
    }

    @Test func refusalsSpeakVietnameseFirst() {
        let text = QueueRefusal.recallLimitReached(TicketNumber(letter: "A", number: 12), limit: 3).description
        #expect(text.hasPrefix("Đã gọi số A012 3 lần: hãy báo vắng. / A012 was called 3 times"))
    }
}

@Suite struct WaitEstimatorTests {
    @Test func theWaitIsTheTicketsAheadSharedByTheOpenCountersTimesRecentServiceTimes() throws {
        var floor = QueueFloorTests.floor()
        for number in 1...6 { floor.add(QueueFloorTests.ticket("ho-tich", number, at: Double(number))) }
        var estimator = WaitEstimator(fallbackMinutes: 5, window: 3)
        // Two open counters call hộ tịch; 6 ahead; 5 min each until measured.
        #expect(estimator.estimate(service: "ho-tich", on: floor) == 15)
        for minutes in [20.0, 4, 6, 8] { estimator.record(service: "ho-tich", minutes: minutes) }
        #expect(estimator.meanServiceMinutes("ho-tich") == 6, "the last three only")
        #expect(estimator.estimate(service: "ho-tich", on: floor) == 18)
        _ = try floor.apply(.pause, at: "quay-1", now: QueueFloorTests.opening)
        #expect(estimator.estimate(service: "ho-tich", on: floor) == 36)
        #expect(estimator.estimate(service: "chung-thuc", on: floor) == nil, "no counter calls it")
        #expect(estimator.minutes(ahead: 2, service: "ho-tich", on: floor) == 12, "one open counter, 6 min each")
    }
}

@Suite struct CallAnnouncementTests {
    @Test func numbersAreSaidDigitByDigitInVietnamese() {
        #expect(CallAnnouncement.text(number: "A012", counterNumber: 3) == "Mời số A không một hai đến quầy số 3.")
        #expect(CallAnnouncement.text(number: "B1000", counterNumber: 12) == "Mời số B một không không không đến quầy số 12.")
    }

    @Test func theChimeIsAHalfSecondMonoWave() {
        let wav = CallAnnouncement.chime()
        #expect(Array(wav[0..<4]) == Array("RIFF".utf8) && Array(wav[8..<16]) == Array("WAVEfmt ".utf8))
        let rate = Int(wav[24]) | Int(wav[25]) << 8 | Int(wav[26]) << 16
        let dataBytes = Int(wav[40]) | Int(wav[41]) << 8 | Int(wav[42]) << 16
        #expect(rate == 22_050)
        #expect(dataBytes == 22_050 / 4 * 2 * 2, "two notes of 0.25 s, 16-bit")
        #expect(wav.count == 44 + dataBytes)
    }
}
