import KioskPrint
import KioskPrintSamples
import Testing

@Suite struct EscPosRasterTests {
    @Test func headerBytesAreExact() throws {
        // 16×3: row 0 all black, row 1 the leftmost dot, row 2 the rightmost dot.
        var bitmap = MonochromeBitmap(width: 16, height: 3)
        for x in 0..<16 { bitmap[x, 0] = true }
        bitmap[0, 1] = true
        bitmap[15, 2] = true
        let job = EscPosRaster().encode(bitmap)
        // 24 rows × 2 bytes + 1 NULs: the most a cut-short job of this encoder can leave unread.
        #expect(job == [UInt8](repeating: 0, count: 49) + [
            0x1B, 0x40,                                      // ESC @
            0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00,  // GS v 0, mode 0, 2 bytes/row, 3 rows
            0xFF, 0xFF, 0x80, 0x00, 0x00, 0x01,              // rows, MSB first
            0x1B, 0x64, 0x02,                                // ESC d 2
            0x1D, 0x56, 0x42, 0x00,                          // GS V 66 0
        ])
    }

    @Test func ticketJobStartsWithABandOfNULsThenInitialiseAndA24RowBand() throws {
        let job58 = EscPosRaster().encode(try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm58))
        #expect(job58.prefix(24 * 48 + 1).allSatisfy { $0 == 0 })
        #expect(Array(job58.dropFirst(24 * 48 + 1).prefix(10)) == [0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 48, 0, 24, 0])
        let job80 = EscPosRaster().encode(try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm80))
        #expect(job80.prefix(24 * 72 + 1).allSatisfy { $0 == 0 })
        #expect(Array(job80.dropFirst(24 * 72 + 1).prefix(10)) == [0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 72, 0, 24, 0])
        #expect(Array(job80.suffix(7)) == [0x1B, 0x64, 0x02, 0x1D, 0x56, 0x42, 0x00])
    }

    @Test func resynchronisationCoversTheConfiguredBand() {
        #expect(EscPosRaster().resynchronisationLength(bytesPerRow: 72) == 1729)
        #expect(EscPosRaster(bandHeight: 255).resynchronisationLength(bytesPerRow: 72) == 255 * 72 + 1)
        // The widest page decides (a job's pages share one printer).
        let job = EscPosRaster(bandHeight: 4).encode(pages: [MonochromeBitmap(width: 8, height: 1), MonochromeBitmap(width: 24, height: 1)])
        #expect(job.prefix(13).allSatisfy { $0 == 0 })
        #expect(job[13] == 0x1B)
    }

    @Test func stubCutComesAfterInitialiseAndBeforeThePages() throws {
        let bitmap = PrintTestSupport.noise(width: 16, height: 3, seed: 5)
        let normal = EscPosRaster().encode(bitmap)
        let withStubCut = EscPosRaster().encode(bitmap, cuttingOffStub: true)
        let pageEnd: [UInt8] = [0x1B, 0x64, 0x02, 0x1D, 0x56, 0x42, 0x00]
        #expect(withStubCut == Array(normal.prefix(49 + 2)) + pageEnd + Array(normal.dropFirst(49 + 2)))
        // Decoding skips the stub cut: the pages are the same.
        #expect(try EscPosRaster.decode(withStubCut) == bitmap)
        // Without a cutter, the stub is fed out to be torn off.
        let tearOff = EscPosRaster(feedLines: 4, cut: .none).encode(bitmap, cuttingOffStub: true)
        #expect(Array(tearOff[49 ..< 49 + 5]) == [0x1B, 0x40, 0x1B, 0x64, 0x04])
    }

    @Test(arguments: [PrinterWidth.mm58, PrinterWidth.mm80])
    func renderedTicketRoundTripsExactly(width: Int) throws {
        let ticket = try SamplePrintouts.ticket.renderBitmap(width: width)
        // The ticket itself, and the ticket cut to a height that is not a multiple of the band.
        let odd = ticket.cropped(to: PixelRect(x: 0, y: 0, width: width, height: (ticket.height / 24 - 1) * 24 + 13))
        #expect(odd.height % 24 == 13)
        for bitmap in [ticket, odd] {
            let decoded = try EscPosRaster.decode(EscPosRaster().encode(bitmap))
            #expect(decoded == bitmap)
            #expect(decoded.differingPixels(from: bitmap) == 0)
        }
    }

    @Test(arguments: [1, 24, 100, 255])
    func everyBandHeightRoundTrips(bandHeight: Int) throws {
        let bitmap = PrintTestSupport.noise(width: 576, height: 24 * 11 + 7, seed: UInt64(bandHeight))
        let encoder = EscPosRaster(bandHeight: bandHeight)
        let job = encoder.encode(bitmap)
        #expect(try EscPosRaster.decode(job) == bitmap)
        let bands = try EscPosRaster.commands(in: job).compactMap { command -> Int? in
            if case .raster(_, let rows, _) = command { return rows }
            return nil
        }
        #expect(bands.allSatisfy { $0 <= bandHeight })
        #expect(bands.reduce(0, +) == bitmap.height)
        #expect(bands.count == (bitmap.height + bandHeight - 1) / bandHeight)
    }

    @Test func widthNotAMultipleOfEightIsPaddedWithWhite() throws {
        let bitmap = PrintTestSupport.noise(width: 381, height: 30, seed: 7)
        let decoded = try EscPosRaster.decode(EscPosRaster().encode(bitmap))
        #expect(decoded.width == 384)
        #expect(decoded.cropped(to: PixelRect(x: 0, y: 0, width: 381, height: 30)) == bitmap)
        #expect(decoded.cropped(to: PixelRect(x: 381, y: 0, width: 3, height: 30)).blackPixelCount == 0)
    }

    @Test func jobsUseOnlyRasterCommandsNeverTextOrCodePages() throws {
        let raster = EscPosRaster()
        let jobs = [
            (raster.encode(try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm58)), 48),
            (raster.encode(try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm80)), 72),
            (raster.encode(pages: try SamplePrintouts.slip.renderBitmaps()), 72),
        ]
        for (job, bytesPerRow) in jobs {
            // Parsing walks command by command (raster data is skipped by its length), so a
            // 1B 74 inside the image is not mistaken for ESC t; anything that is not one of the
            // four raster-job commands would make the parse fail.
            let commands = try EscPosRaster.commands(in: job)
            for command in commands {
                switch command {
                case .nulPadding, .initialize, .raster, .feed, .cut: break
                }
            }
            #expect(Array(commands.prefix(2)) == [.nulPadding(count: 24 * bytesPerRow + 1), .initialize])
            #expect(commands.filter { if case .nulPadding = $0 { true } else { false } }.count == 1)
            #expect(commands.filter { $0 == .initialize }.count == 1)
        }
    }

    @Test func slipCopiesComeOutAsTwoCutPages() throws {
        let pages = try SamplePrintouts.slip.renderBitmaps()
        let job = EscPosRaster().encode(pages: pages)
        #expect(try EscPosRaster.decodePages(job) == pages)
        #expect(try EscPosRaster.commands(in: job).filter { $0 == .cut(partial: true, feed: 0) }.count == 2)
        #expect(throws: EscPosDecodeError.self) { try EscPosRaster.decode(job) }
    }

    @Test func otherCutChoicesEncodeAndDecode() throws {
        let bitmap = PrintTestSupport.noise(width: 64, height: 5, seed: 3)
        let plain = EscPosRaster(feedLines: 5, cut: .partial).encode(bitmap)
        #expect(Array(plain.suffix(6)) == [0x1B, 0x64, 0x05, 0x1D, 0x56, 0x01])
        #expect(try EscPosRaster.decode(plain) == bitmap)
        let none = EscPosRaster(feedLines: 0, cut: .none).encode(bitmap)
        #expect(none.count == 24 * 8 + 1 + 2 + 8 + 8 * 5)
        #expect(try EscPosRaster.decode(none) == bitmap)
    }

    @Test func decoderRejectsUnknownCommandsWithTheirOffset() throws {
        let good = EscPosRaster().encode(PrintTestSupport.noise(width: 16, height: 2, seed: 1))
        let initialise = EscPosRaster().resynchronisationLength(bytesPerRow: 2)  // where ESC @ is
        #expect(Array(good[initialise ..< initialise + 2]) == [0x1B, 0x40])
        // ESC t 27 (select a code page) after ESC @.
        let codePage = Array(good.prefix(initialise + 2)) + [0x1B, 0x74, 27] + Array(good.dropFirst(initialise + 2))
        let error = try #require(throws: EscPosDecodeError.self) { try EscPosRaster.decode(codePage) }
        #expect(error.offset == initialise + 2)
        #expect(error.description.contains("ESC 0x74"))
        // Plain text.
        let text = Array(good.prefix(initialise + 2)) + Array("A001\n".utf8)
        let textError = try #require(throws: EscPosDecodeError.self) { try EscPosRaster.decode(text) }
        #expect(textError.offset == initialise + 2)
        #expect(textError.reason == "lệnh không được hỗ trợ 0x41 / unsupported command 0x41")
        // Truncated image data.
        #expect(throws: EscPosDecodeError.self) { try EscPosRaster.decode(Array(good.prefix(initialise + 12))) }
        // Double-density raster mode (would change the pixel mapping).
        var doubled = good
        doubled[initialise + 5] = 3
        #expect(throws: EscPosDecodeError.self) { try EscPosRaster.decode(doubled) }
        // A job that does not initialise the printer first, with or without the NULs.
        #expect(throws: EscPosDecodeError.self) { try EscPosRaster.decode(Array(good.dropFirst(initialise + 2))) }
        let noInitialise = Array(good.prefix(initialise)) + Array(good.dropFirst(initialise + 2))
        #expect(throws: EscPosDecodeError.self) { try EscPosRaster.decode(noInitialise) }
        // Nothing to print.
        #expect(throws: EscPosDecodeError.self) { try EscPosRaster.decode([0x1B, 0x40]) }
    }
}
