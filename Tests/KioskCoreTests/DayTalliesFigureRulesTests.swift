import KioskCore
import Testing

/// Figures a kiosk cannot count are refused on decoding, naming the field; the figures a kiosk
/// does count pass.
@Suite struct DayTalliesFigureRulesTests {
    static let day = LocalDay(year: 2026, month: 11, day: 30)!

    static func encoded(tickets: [DayTallies.Tickets] = [], presses: [DayTallies.Presses] = []) -> [UInt8] {
        DayTallies(kiosk: "K", office: "O", day: day, previous: "", presses: presses, tickets: tickets).canonicalBytes()
    }

    static func waits(_ count: Int) -> WaitHistogram {
        var histogram = WaitHistogram()
        for _ in 0..<count { histogram.add(minutes: 7) }
        return histogram
    }

    static let broken: [(name: String, bytes: [UInt8], field: String)] = [
        ("more served than issued", encoded(tickets: [.init(service: "s", issued: 2, served: 3)]), "tickets[0].served"),
        ("served and missed beyond issued", encoded(tickets: [.init(service: "s", issued: 2, served: 1, noShow: 2)]), "tickets[0].served"),
        ("more priority than issued", encoded(tickets: [.init(service: "s", issued: 1, priority: 2)]), "tickets[0].priority"),
        ("more waits than issued", encoded(tickets: [.init(service: "s", issued: 1, waiting: waits(2))]), "tickets[0].waiting_minutes"),
        ("more service times than served", encoded(tickets: [.init(service: "s", issued: 3, served: 1, serviceTime: waits(2))]),
            "tickets[0].service_minutes"),
        ("an unknown press kind", encoded(presses: [.init(terminal: "t", kind: "<b>x</b>", count: 1)]), "presses[0].kind"),
        ("a second row breaks it", encoded(tickets: [.init(service: "a", issued: 1), .init(service: "b", issued: 0, served: 1)]),
            "tickets[1].served"),
    ]

    @Test(arguments: broken.indices) func figuresNoKioskCanCountAreRefusedWithTheField(_ index: Int) {
        let (name, bytes, field) = Self.broken[index]
        #expect(throws: DayTalliesError.self, "\(name)") { try DayTallies(canonicalBytes: bytes) }
        do {
            _ = try DayTallies(canonicalBytes: bytes)
        } catch {
            #expect(error.path == field, "\(name): \(error.reason)")
        }
    }

    @Test func theFiguresAKioskCountsPass() throws {
        let kept = Self.encoded(
            tickets: [.init(service: "s", issued: 5, priority: 5, served: 3, noShow: 2, waiting: Self.waits(5), serviceTime: Self.waits(3))],
            presses: RejectedPress.allCases.map { .init(terminal: "t", kind: $0.rawValue, count: 1) })
        #expect(try DayTallies(canonicalBytes: kept).tickets.first?.served == 3)
    }
}
