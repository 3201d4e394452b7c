/// A 1-bit image as thermal printers take it: `true` (bit 1) is a black dot.
///
/// Rows are packed most significant bit first (the leftmost pixel of a row is bit 7 of its first
/// byte), `bytesPerRow = (width + 7) / 8`, rows follow each other without padding: exactly the
/// layout of ESC/POS `GS v 0` raster data. Padding bits at the end of a row are always 0, so two
/// bitmaps with the same pixels are `==`.
public struct MonochromeBitmap: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// The packed rows, `bytesPerRow * height` bytes.
    public private(set) var packedRows: [UInt8]

    public var bytesPerRow: Int { (width + 7) / 8 }

    /// An all-white bitmap.
    public init(width: Int, height: Int) {
        precondition(width >= 0 && height >= 0, "a bitmap's size cannot be negative")
        self.width = width
        self.height = height
        self.packedRows = [UInt8](repeating: 0, count: (width + 7) / 8 * height)
    }

    /// A bitmap from packed rows (MSB first, `(width + 7) / 8` bytes per row). Padding bits are
    /// cleared. Returns nil when the byte count does not match the size.
    public init?(width: Int, height: Int, packedRows: [UInt8]) {
        guard width >= 0, height >= 0, packedRows.count == (width + 7) / 8 * height else { return nil }
        self.width = width
        self.height = height
        self.packedRows = packedRows
        clearPadding()
    }

    /// A bitmap from 8-bit coverage values, one byte per pixel, row after row with `stride` bytes
    /// per row (0 = white, 255 = full ink): a pixel is black when its coverage is ≥ `threshold`.
    public init(width: Int, height: Int, coverage: [UInt8], stride: Int? = nil, threshold: UInt8 = 128) {
        let stride = stride ?? width
        precondition(stride >= width && (height == 0 || coverage.count >= stride * (height - 1) + width),
                     "coverage buffer too small for the bitmap")
        self.init(width: width, height: height)
        coverage.withUnsafeBufferPointer { source in
            fill { x, y in source[y * stride + x] >= threshold }
        }
    }

    /// Sets every pixel from a function of its position (row by row, left to right).
    mutating func fill(_ isBlack: (Int, Int) -> Bool) {
        let bytesPerRow = self.bytesPerRow
        let width = self.width
        packedRows.withUnsafeMutableBufferPointer { rows in
            for y in 0..<height {
                let rowStart = y * bytesPerRow
                for byteIndex in 0..<bytesPerRow {
                    var byte: UInt8 = 0
                    let x0 = byteIndex * 8
                    for bit in 0..<min(8, width - x0) where isBlack(x0 + bit, y) {
                        byte |= 0x80 >> UInt8(bit)
                    }
                    rows[rowStart + byteIndex] = byte
                }
            }
        }
    }

    /// The pixel at column `x`, row `y`: `true` is black.
    public subscript(x: Int, y: Int) -> Bool {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
            return packedRows[y * bytesPerRow + x >> 3] & (0x80 >> UInt8(x & 7)) != 0
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
            let index = y * bytesPerRow + x >> 3
            let mask: UInt8 = 0x80 >> UInt8(x & 7)
            if newValue { packedRows[index] |= mask } else { packedRows[index] &= ~mask }
        }
    }

    /// The packed bytes of one row.
    public func row(_ y: Int) -> ArraySlice<UInt8> {
        packedRows[y * bytesPerRow ..< (y + 1) * bytesPerRow]
    }

    /// How many pixels are black.
    public var blackPixelCount: Int {
        packedRows.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// How many pixels differ from `other`, for golden-image comparisons. Where the sizes differ,
    /// every pixel of either bitmap outside the common area counts as different.
    public func differingPixels(from other: MonochromeBitmap) -> Int {
        let commonWidth = min(width, other.width)
        let commonHeight = min(height, other.height)
        var count = width * height + other.width * other.height - 2 * commonWidth * commonHeight
        if width == other.width {
            for (a, b) in zip(packedRows.prefix(bytesPerRow * commonHeight), other.packedRows) {
                count += (a ^ b).nonzeroBitCount
            }
        } else {
            for y in 0..<commonHeight {
                for x in 0..<commonWidth where self[x, y] != other[x, y] {
                    count += 1
                }
            }
        }
        return count
    }

    /// The smallest rectangle holding every black pixel, or nil for a blank bitmap.
    public var inkBounds: PixelRect? {
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            let bytes = row(y)
            guard bytes.contains(where: { $0 != 0 }) else { continue }
            minY = min(minY, y)
            maxY = y
            for x in 0..<width where self[x, y] {
                minX = min(minX, x)
                break
            }
            for x in stride(from: width - 1, through: 0, by: -1) where self[x, y] {
                maxX = max(maxX, x)
                break
            }
        }
        guard maxY >= 0 else { return nil }
        return PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// A copy of a rectangle of this bitmap (clamped to the bitmap).
    public func cropped(to rect: PixelRect) -> MonochromeBitmap {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.x + rect.width), y1 = min(height, rect.y + rect.height)
        var result = MonochromeBitmap(width: max(0, x1 - x0), height: max(0, y1 - y0))
        result.fill { x, y in self[x0 + x, y0 + y] }
        return result
    }

    /// Text art for test failure messages: `#` black, `.` white.
    public func asciiArt() -> String {
        (0..<height).map { y in String((0..<width).map { self[$0, y] ? "#" : "." }) }.joined(separator: "\n")
    }

    private mutating func clearPadding() {
        let spare = bytesPerRow * 8 - width
        guard spare > 0 else { return }
        let mask: UInt8 = 0xFF << UInt8(spare)
        for y in 0..<height {
            packedRows[y * bytesPerRow + bytesPerRow - 1] &= mask
        }
    }
}

/// A rectangle in pixels (dots), origin at the top left.
public struct PixelRect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public var description: String { "(\(x), \(y)) \(width)×\(height)" }
}
