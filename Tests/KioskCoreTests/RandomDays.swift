import Foundation
import KioskCore

/// Days of varied tallies for property tests: rows in any order, some with nothing counted,
/// texts with Vietnamese (composed and decomposed), quotes, backslashes and control characters.
struct RandomDays {
    private var generator = SystemRandomNumberGenerator()
    private let texts = [
        "", "a", "quay-1", "quay-10", "Đăng ký khai sinh", "Đăng ký khai sinh".decomposedStringWithCanonicalMapping, "x\"y\\z\u{7}",
        "Hộ tịch – chứng thực", "ü", "\u{1F}\u{7F}",
    ]

    mutating func next() -> DayTallies {
        var waiting = WaitHistogram()
        for _ in 0..<number(0...5) { waiting.add(minutes: Double(number(0...200))) }
        return DayTallies(
            kiosk: text(), office: text(), day: LocalDay(year: 2026, month: number(1...12), day: number(1...28))!,
            previous: flip() ? "" : String(repeating: "0f", count: 32),
            votes: (0..<number(0...6)).map { _ in
                .init(counter: text(), service: text(), question: text(), choice: text(), score: number(0...100), satisfied: flip(), count: number(0...9))
            },
            presses: (0..<number(0...3)).map { _ in .init(terminal: text(), kind: pressKind(), count: number(0...3)) },
            tickets: (0..<number(0...3)).map { _ in
                // Figures that keep the rules: each ticket issued once, then served or missed at most once.
                let issued = number(waiting.total...50)
                let served = number(0...issued)
                var serviceTime = WaitHistogram()
                for _ in 0..<number(0...min(served, 3)) { serviceTime.add(minutes: Double(number(0...60))) }
                return .init(
                    service: text(), issued: issued, priority: number(0...min(issued, 5)), served: served,
                    noShow: number(0...min(issued - served, 5)), waiting: waiting, serviceTime: serviceTime)
            },
            slips: (0..<number(0...3)).map { _ in .init(procedure: text(), count: number(0...4)) },
            printerFaults: (0..<number(0...2)).map { _ in .init(printer: text(), fault: text(), count: number(0...2)) })
    }

    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    mutating func flip() -> Bool { Bool.random(using: &generator) }

    private mutating func text() -> String { texts.randomElement(using: &generator)! }

    private mutating func pressKind() -> String { RejectedPress.allCases.randomElement(using: &generator)!.rawValue }
}
