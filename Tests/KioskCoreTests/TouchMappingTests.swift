import KioskCore
import Testing

@Suite struct TouchMappingTests {
    /// A 0…1000 panel on an 800×600 screen: the screen is not square, so swapped axes show.
    static let axes = TouchAxes(x: AxisRange(minimum: 0, maximum: 1000), y: AxisRange(minimum: 0, maximum: 1000))
    static let screen = ScreenSize(width: 800, height: 600)
    /// The far edges as mapped: on the last pixel, not past it.
    static let right = 800.0.nextDown, bottom = 600.0.nextDown

    static func map(_ mapping: TouchMapping, _ x: Int32, _ y: Int32, axes: TouchAxes = axes) -> ScreenPoint {
        mapping.screenPoint(raw: (x: x, y: y), axes: axes, screen: screen)
    }

    @Test func identityScalesRawRangeToTheScreen() {
        #expect(Self.map(.identity, 0, 0) == ScreenPoint(x: 0, y: 0))
        #expect(Self.map(.identity, 1000, 1000) == ScreenPoint(x: Self.right, y: Self.bottom))
        #expect(Self.map(.identity, 500, 250) == ScreenPoint(x: 400, y: 150))
        #expect(TouchMapping.identity == TouchMapping(calibration: [1, 0, 0, 0, 1, 0], rotation: .none))
    }

    struct CornerCase: Sendable, CustomTestStringConvertible {
        var rotation: TouchMapping.Rotation
        /// Where the raw corners (0,0), (max,0), (max,max), (0,max) land on the screen.
        var corners: [ScreenPoint]
        var testDescription: String { "\(rotation)" }
    }

    /// Turned clockwise by 90°, the panel's raw top-left is the screen's top-right (libinput's rotation matrices).
    static let cornerCases = [
        CornerCase(rotation: .none, corners: [.init(x: 0, y: 0), .init(x: Self.right, y: 0), .init(x: Self.right, y: Self.bottom), .init(x: 0, y: Self.bottom)]),
        CornerCase(rotation: .clockwise90, corners: [.init(x: Self.right, y: 0), .init(x: Self.right, y: Self.bottom), .init(x: 0, y: Self.bottom), .init(x: 0, y: 0)]),
        CornerCase(rotation: .clockwise180, corners: [.init(x: Self.right, y: Self.bottom), .init(x: 0, y: Self.bottom), .init(x: 0, y: 0), .init(x: Self.right, y: 0)]),
        CornerCase(rotation: .clockwise270, corners: [.init(x: 0, y: Self.bottom), .init(x: 0, y: 0), .init(x: Self.right, y: 0), .init(x: Self.right, y: Self.bottom)]),
    ]

    @Test(arguments: cornerCases)
    func rotationMovesTheRawCorners(_ testCase: CornerCase) {
        let mapping = TouchMapping(calibration: TouchMapping.identityMatrix, rotation: testCase.rotation)
        let raw: [(Int32, Int32)] = [(0, 0), (1000, 0), (1000, 1000), (0, 1000)]
        #expect(raw.map { Self.map(mapping, $0.0, $0.1) } == testCase.corners)
    }

    @Test func rotationByNinetyMovesAnOffCentrePointClockwise() {
        // Raw (250, 0) is a quarter along the panel's top edge; turned 90° clockwise it is a quarter down the right edge.
        let mapping = TouchMapping(calibration: TouchMapping.identityMatrix, rotation: .clockwise90)
        #expect(Self.map(mapping, 250, 0) == ScreenPoint(x: Self.right, y: 150))
    }

    @Test func rotationDegreesMatchTheConfigWords() {
        #expect(TouchMapping.Rotation.allCases.map(\.rawValue) == [0, 90, 180, 270])
    }

    @Test func calibrationMatrixCanSwapAxes() {
        let swap = TouchMapping(calibration: [0, 1, 0, 1, 0, 0], rotation: .none)
        #expect(Self.map(swap, 250, 0) == ScreenPoint(x: 0, y: 150))
        #expect(Self.map(swap, 0, 500) == ScreenPoint(x: 400, y: 0))
        #expect(Self.map(swap, 1000, 250) == ScreenPoint(x: 200, y: Self.bottom))
    }

    @Test func calibrationMatrixCanScaleAndOffset() {
        // x' = 0.5·x + 0.25, y' = 0.5·y + 0.25: the panel covers the middle half of the screen.
        let inset = TouchMapping(calibration: [0.5, 0, 0.25, 0, 0.5, 0.25], rotation: .none)
        #expect(Self.map(inset, 0, 0) == ScreenPoint(x: 200, y: 150))
        #expect(Self.map(inset, 1000, 1000) == ScreenPoint(x: 600, y: 450))
        #expect(Self.map(inset, 500, 500) == ScreenPoint(x: 400, y: 300))
    }

    @Test func rotationIsAppliedBeforeCalibration() {
        // Raw (0,0) rotates to (1,0); the matrix then halves x: (0.5, 0). Calibrating first would give (1, 0).
        let mapping = TouchMapping(calibration: [0.5, 0, 0, 0, 0.5, 0], rotation: .clockwise90)
        #expect(Self.map(mapping, 0, 0) == ScreenPoint(x: 400, y: 0))
    }

    @Test func nonZeroAxisMinimumIsSubtractedFirst() {
        let axes = TouchAxes(x: AxisRange(minimum: 200, maximum: 4000), y: AxisRange(minimum: 100, maximum: 3900))
        #expect(Self.map(.identity, 200, 100, axes: axes) == ScreenPoint(x: 0, y: 0))
        #expect(Self.map(.identity, 2100, 2000, axes: axes) == ScreenPoint(x: 400, y: 300))
        #expect(Self.map(.identity, 4000, 3900, axes: axes) == ScreenPoint(x: Self.right, y: Self.bottom))
        #expect(Self.map(.identity, 1150, 3900, axes: axes) == ScreenPoint(x: 200, y: Self.bottom))
    }

    @Test func negativeAxisMinimumIsHandled() {
        let axes = TouchAxes(x: AxisRange(minimum: -1000, maximum: 1000), y: AxisRange(minimum: -500, maximum: 500))
        #expect(Self.map(.identity, 0, 0, axes: axes) == ScreenPoint(x: 400, y: 300))
        #expect(Self.map(.identity, -1000, 500, axes: axes) == ScreenPoint(x: 0, y: Self.bottom))
    }

    /// Every point a panel can report lands on a pixel of the screen, on every rotation and over
    /// axes that start at 0, above 0, below 0 or run backwards: a screen tiled by half-open zones
    /// has a zone under each.
    @Test(arguments: TouchMapping.Rotation.allCases, [
        TouchAxes(x: AxisRange(minimum: 0, maximum: 32767), y: AxisRange(minimum: 0, maximum: 32767)),
        TouchAxes(x: AxisRange(minimum: 150, maximum: 3950), y: AxisRange(minimum: 230, maximum: 3900)),
        TouchAxes(x: AxisRange(minimum: -2048, maximum: 2047), y: AxisRange(minimum: -2048, maximum: 2047)),
        TouchAxes(x: AxisRange(minimum: 4095, maximum: 0), y: AxisRange(minimum: 4095, maximum: 0)),
    ])
    func everyReportablePointIsOnAPixel(_ rotation: TouchMapping.Rotation, _ axes: TouchAxes) {
        let mapping = TouchMapping(calibration: TouchMapping.identityMatrix, rotation: rotation)
        let halves = [Rect(x: 0, y: 0, width: 400, height: 600), Rect(x: 400, y: 0, width: 400, height: 600)]
        let xs = [axes.x.minimum, axes.x.maximum, (axes.x.minimum + axes.x.maximum) / 2]
        let ys = [axes.y.minimum, axes.y.maximum, (axes.y.minimum + axes.y.maximum) / 2]
        for x in xs {
            for y in ys {
                let point = mapping.screenPoint(raw: (x: x, y: y), axes: axes, screen: Self.screen)
                #expect(point.x >= 0 && point.x < 800 && point.y >= 0 && point.y < 600, "raw (\(x), \(y)) → \(point)")
                #expect(halves.filter { $0.contains(point) }.count == 1, "raw (\(x), \(y)) → \(point) is in no zone")
            }
        }
    }

    @Test func anInvertedAxisRunsBackwards() {
        let axes = TouchAxes(x: AxisRange(minimum: 1000, maximum: 0), y: AxisRange(minimum: 0, maximum: 1000))
        #expect(Self.map(.identity, 1000, 0, axes: axes) == ScreenPoint(x: 0, y: 0))
        #expect(Self.map(.identity, 250, 500, axes: axes) == ScreenPoint(x: 600, y: 300))
    }

    @Test func aCalibrationThatReachesPastTheScreenIsKeptOnIt() {
        // x' = 1.2·x − 0.1: the panel is wider than the picture; its edges land on the edge pixels.
        let wide = TouchMapping(calibration: [1.2, 0, -0.1, 0, 1.2, -0.1], rotation: .none)
        #expect(Self.map(wide, 0, 0) == ScreenPoint(x: 0, y: 0))
        #expect(Self.map(wide, 1000, 1000) == ScreenPoint(x: Self.right, y: Self.bottom))
        #expect(Self.map(wide, 500, 500) == ScreenPoint(x: 400, y: 300))
    }

    @Test func axisWithNoRangeMapsToZero() {
        let flat = TouchAxes(x: AxisRange(minimum: 0, maximum: 0), y: AxisRange(minimum: 0, maximum: 1000))
        #expect(Self.map(.identity, 0, 500, axes: flat) == ScreenPoint(x: 0, y: 300))
    }
}
