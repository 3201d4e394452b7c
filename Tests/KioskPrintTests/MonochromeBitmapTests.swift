import Testing
import KioskPrint

@Suite struct MonochromeBitmapTests {
    @Test func rowsArePackedMostSignificantBitFirst() throws {
        var bitmap = MonochromeBitmap(width: 10, height: 2)
        #expect(bitmap.bytesPerRow == 2)
        bitmap[0, 0] = true
        bitmap[9, 0] = true
        bitmap[7, 1] = true
        #expect(bitmap.packedRows == [0x80, 0x40, 0x01, 0x00])
        #expect(bitmap[0, 0] && bitmap[9, 0] && bitmap[7, 1])
        #expect(!bitmap[1, 0])
        bitmap[0, 0] = false
        #expect(bitmap.packedRows == [0x00, 0x40, 0x01, 0x00])
        #expect(bitmap.blackPixelCount == 2)
    }

    @Test func paddingBitsNeverBreakEquality() throws {
        let a = try #require(MonochromeBitmap(width: 10, height: 1, packedRows: [0xFF, 0xFF]))
        let b = try #require(MonochromeBitmap(width: 10, height: 1, packedRows: [0xFF, 0xC0]))
        #expect(a == b)
        #expect(a.blackPixelCount == 10)
        #expect(MonochromeBitmap(width: 10, height: 1, packedRows: [0xFF]) == nil)
    }

    @Test func coverageIsThresholded() {
        let bitmap = MonochromeBitmap(width: 3, height: 2, coverage: [0, 127, 128, 255, 200, 9, 99, 99], stride: 4)
        #expect((0..<3).map { bitmap[$0, 0] } == [false, false, true])
        #expect((0..<3).map { bitmap[$0, 1] } == [true, false, false])
        let strict = MonochromeBitmap(width: 3, height: 1, coverage: [100, 200, 250], threshold: 201)
        #expect((0..<3).map { strict[$0, 0] } == [false, false, true])
    }

    @Test func differingPixelsCountsChangesAndSizeDifferences() {
        let a = PrintTestSupport.noise(width: 50, height: 20, seed: 11)
        var b = a
        #expect(a.differingPixels(from: b) == 0)
        b[3, 4].toggle()
        b[49, 19].toggle()
        #expect(a.differingPixels(from: b) == 2)
        let taller = MonochromeBitmap(width: 50, height: 22)
        #expect(MonochromeBitmap(width: 50, height: 20).differingPixels(from: taller) == 100)
        #expect(MonochromeBitmap(width: 49, height: 20).differingPixels(from: MonochromeBitmap(width: 50, height: 20)) == 20)
    }

    @Test(arguments: [(37, 5), (384, 3), (576, 2), (33, 1)])
    func pngRoundTripsExactly(width: Int, height: Int) throws {
        let bitmap = PrintTestSupport.noise(width: width, height: height, seed: UInt64(width))
        let png = try bitmap.pngData()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: colour type 0 (grayscale; Cairo writes its 1-bit surfaces as 8-bit gray, 0 or 255).
        #expect(png[25] == 0)
        #expect(try MonochromeBitmap(pngData: png) == bitmap)
    }

    @Test func pngIsBlackInkOnWhitePaper() throws {
        var bitmap = MonochromeBitmap(width: 8, height: 1)
        bitmap[0, 0] = true
        let png = try bitmap.pngData()
        let read = try MonochromeBitmap(pngData: png)
        #expect(read[0, 0] && !read[1, 0])
        #expect(throws: PrintRenderError.self) { try MonochromeBitmap(pngData: [1, 2, 3]) }
    }

    @Test func inkBoundsAndCropping() {
        var bitmap = MonochromeBitmap(width: 20, height: 10)
        #expect(bitmap.inkBounds == nil)
        bitmap[3, 2] = true
        bitmap[15, 7] = true
        #expect(bitmap.inkBounds == PixelRect(x: 3, y: 2, width: 13, height: 6))
        let crop = bitmap.cropped(to: PixelRect(x: 3, y: 2, width: 13, height: 6))
        #expect(crop[0, 0] && crop[12, 5] && crop.blackPixelCount == 2)
    }
}
