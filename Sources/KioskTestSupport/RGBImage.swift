import Foundation

/// A picture as 8-bit RGB rows, read from a binary PPM (P6): what grim writes with `-t ppm`, and
/// what `pngtopnm` makes of a browser's PNG screenshot. Enough to compare two renderings of a page.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row after row, three bytes a pixel.
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public init(ppm data: Data) throws {
        let bytes = [UInt8](data)
        var position = 0
        func token() throws -> String {
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
            while position < bytes.count {
                if isSpace(bytes[position]) {
                    position += 1
                } else if bytes[position] == UInt8(ascii: "#") {
                    while position < bytes.count && bytes[position] != 0x0A { position += 1 }
                } else {
                    break
                }
            }
            let start = position
            while position < bytes.count && !isSpace(bytes[position]) { position += 1 }
            guard position > start else { throw HarnessError("PPM: the header ends early") }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        guard try token() == "P6" else { throw HarnessError("PPM: not a binary PPM (P6)") }
        guard let width = Int(try token()), let height = Int(try token()), width > 0, height > 0, try token() == "255" else {
            throw HarnessError("PPM: expected a width, a height and 255 in the header")
        }
        position += 1  // the one whitespace byte before the pixels
        let count = width * height * 3
        guard bytes.count - position >= count else {
            throw HarnessError("PPM: \(width)×\(height) needs \(count) bytes of pixels, found \(bytes.count - position)")
        }
        self.init(width: width, height: height, pixels: Array(bytes[position..<position + count]))
    }

    /// The rectangle at (x, y), clipped to the picture.
    public func region(x: Int, y: Int, width: Int, height: Int) -> RGBImage {
        let left = max(0, min(x, self.width)), top = max(0, min(y, self.height))
        let right = max(left, min(x + width, self.width)), bottom = max(top, min(y + height, self.height))
        var cropped: [UInt8] = []
        cropped.reserveCapacity((right - left) * (bottom - top) * 3)
        for row in top..<bottom {
            let start = (row * self.width + left) * 3
            cropped += pixels[start..<start + (right - left) * 3]
        }
        return RGBImage(width: right - left, height: bottom - top, pixels: cropped)
    }

    /// How far apart two pictures of the same size are where they differ most: the mean absolute
    /// difference of the channels (0–255) in the worst `tile`×`tile` square. A whole-picture mean
    /// would hide a small thing, such as a bubble or a pointer, that one has and the other has not.
    public func worstTileDifference(to other: RGBImage, tile: Int = 16) -> Double {
        worstTile(against: other, tile: tile).difference
    }

    /// The worst tile's difference and its top left corner.
    public func worstTile(against other: RGBImage, tile: Int = 16) -> (difference: Double, x: Int, y: Int) {
        guard width == other.width, height == other.height else { return (255, 0, 0) }
        var worst = (difference: 0.0, x: 0, y: 0)
        for tileTop in stride(from: 0, to: height, by: tile) {
            for tileLeft in stride(from: 0, to: width, by: tile) {
                var sum = 0
                var count = 0
                for row in tileTop..<min(tileTop + tile, height) {
                    let start = (row * width + tileLeft) * 3
                    let end = (row * width + min(tileLeft + tile, width)) * 3
                    for index in start..<end {
                        sum += abs(Int(pixels[index]) - Int(other.pixels[index]))
                    }
                    count += end - start
                }
                let difference = Double(sum) / Double(count)
                if difference > worst.difference { worst = (difference, tileLeft, tileTop) }
            }
        }
        return worst
    }

    public func ppmData() -> Data {
        Data("P6\n\(width) \(height)\n255\n".utf8) + Data(pixels)
    }
}
