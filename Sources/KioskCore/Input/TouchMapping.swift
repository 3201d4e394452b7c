/// Maps a touchscreen's raw coordinates to screen pixels.
///
/// Raw values are first normalised to 0…1 with the axis ranges the device reports, then rotated
/// (the panel mounted turned by `rotation` degrees clockwise), then passed through the 6-value
/// calibration matrix `[a b c; d e f]` (x' = a·x + b·y + c, y' = d·x + e·y + f, as in libinput's
/// LIBINPUT_CALIBRATION_MATRIX), then scaled to the screen and kept on it: every point a panel can
/// report lands on a pixel, including the axis maximum (which scales to the screen's width, outside
/// the half-open zones that tile it) and points a calibration moves past an edge. An inverted axis
/// (minimum above maximum) is followed as it is.
public struct TouchMapping: Sendable, Equatable {
    public var calibration: [Double]
    public var rotation: Rotation

    public static let identityMatrix: [Double] = [1, 0, 0, 0, 1, 0]
    public static let identity = TouchMapping(calibration: identityMatrix, rotation: .none)

    public init(calibration: [Double], rotation: Rotation) {
        precondition(calibration.count == 6, "a calibration matrix has 6 values")
        self.calibration = calibration
        self.rotation = rotation
    }

    public func screenPoint(raw: (x: Int32, y: Int32), axes: TouchAxes, screen: ScreenSize) -> ScreenPoint {
        let nx = Self.normalise(raw.x, axes.x)
        let ny = Self.normalise(raw.y, axes.y)
        let (rx, ry): (Double, Double) =
            switch rotation {
            case .none: (nx, ny)
            case .clockwise90: (1 - ny, nx)
            case .clockwise180: (1 - nx, 1 - ny)
            case .clockwise270: (ny, 1 - nx)
            }
        let m = calibration
        let cx = m[0] * rx + m[1] * ry + m[2]
        let cy = m[3] * rx + m[4] * ry + m[5]
        return ScreenPoint(x: Self.onScreen(cx * Double(screen.width), size: screen.width), y: Self.onScreen(cy * Double(screen.height), size: screen.height))
    }

    /// Within 0 ..< size: the last pixel begins at size - 1, and zones are half-open.
    private static func onScreen(_ value: Double, size: Int) -> Double {
        min(max(value, 0), Double(size).nextDown)
    }

    private static func normalise(_ value: Int32, _ range: AxisRange) -> Double {
        let span = Double(range.maximum) - Double(range.minimum)
        guard span != 0 else { return 0 }
        return (Double(value) - Double(range.minimum)) / span
    }

    public enum Rotation: Int, Sendable, Equatable, CaseIterable {
        case none = 0
        case clockwise90 = 90
        case clockwise180 = 180
        case clockwise270 = 270
    }
}

/// The raw range of a touchscreen axis, as the device reports it.
public struct AxisRange: Sendable, Equatable {
    public var minimum: Int32
    public var maximum: Int32

    public init(minimum: Int32, maximum: Int32) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

public struct TouchAxes: Sendable, Equatable {
    public var x: AxisRange
    public var y: AxisRange

    public init(x: AxisRange, y: AxisRange) {
        self.x = x
        self.y = y
    }
}
