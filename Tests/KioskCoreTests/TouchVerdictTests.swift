import KioskCore
import Testing

@Suite struct TouchVerdictTests {
    static let limits = PressLimits(minimumSeconds: 0.03, maximumSeconds: 3)
    static let zones = [
        Zone(choice: 1, rect: Rect(x: 0, y: 0, width: 200, height: 600)),
        Zone(choice: 2, rect: Rect(x: 200, y: 0, width: 200, height: 600)),
        Zone(choice: 4, rect: Rect(x: 600, y: 0, width: 200, height: 600)),
    ]
    static let inFirstZone = ScreenPoint(x: 100, y: 300)

    static func verdict(_ point: ScreenPoint, _ seconds: Double) -> TouchVerdict {
        TouchVerdict(TouchPress(point: point, durationSeconds: seconds), limits: limits, zones: zones)
    }

    @Test func pressShorterThanTheMinimumIsTooShort() {
        #expect(Self.verdict(Self.inFirstZone, 0.029) == .rejected(.tooShort))
        #expect(Self.verdict(Self.inFirstZone, 0) == .rejected(.tooShort))
    }

    @Test func pressOfExactlyTheMinimumCounts() {
        #expect(Self.verdict(Self.inFirstZone, 0.03) == .choice(1))
    }

    @Test func pressOfExactlyTheMaximumCounts() {
        #expect(Self.verdict(Self.inFirstZone, 3) == .choice(1))
    }

    @Test func pressLongerThanTheMaximumIsTooLong() {
        #expect(Self.verdict(Self.inFirstZone, 3.001) == .rejected(.tooLong))
        #expect(Self.verdict(Self.inFirstZone, 60) == .rejected(.tooLong))
    }

    @Test func pressOutsideEveryZoneIsOutside() {
        #expect(Self.verdict(ScreenPoint(x: 500, y: 300), 0.5) == .rejected(.outsideZones))
        #expect(Self.verdict(ScreenPoint(x: 100, y: 600), 0.5) == .rejected(.outsideZones))
    }

    @Test func durationIsJudgedBeforePlace() {
        let outside = ScreenPoint(x: 500, y: 300)
        #expect(Self.verdict(outside, 0.01) == .rejected(.tooShort))
        #expect(Self.verdict(outside, 10) == .rejected(.tooLong))
    }

    @Test func pressSelectsTheChoiceOfItsZone() {
        #expect(Self.verdict(ScreenPoint(x: 0, y: 0), 0.5) == .choice(1))
        #expect(Self.verdict(ScreenPoint(x: 200, y: 0), 0.5) == .choice(2))
        #expect(Self.verdict(ScreenPoint(x: 399.5, y: 599.5), 0.5) == .choice(2))
        #expect(Self.verdict(ScreenPoint(x: 700, y: 10), 0.5) == .choice(4))
    }

    @Test func noZonesMeansEveryPressIsOutside() {
        let verdict = TouchVerdict(TouchPress(point: Self.inFirstZone, durationSeconds: 0.5), limits: Self.limits, zones: [])
        #expect(verdict == .rejected(.outsideZones))
    }

    @Test func rejectionKindsHaveTheirStoredNamesAndMisuseFlags() {
        #expect(RejectedPress.allCases.map(\.rawValue) == [
            "misuse-lockout", "misuse-unarmed", "ignored-short", "ignored-long", "ignored-outside", "ignored-overflow",
        ])
        #expect(RejectedPress.allCases.filter(\.isMisuse) == [.duringLockout, .whileUnarmed])
    }
}
