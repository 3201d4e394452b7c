import KioskPrint
import KioskTestSupport
import Testing

/// The strict printer model itself: it parses as a printer does, or the resynchronisation tests
/// prove nothing.
@Suite struct EscPosPrinterModelTests {
    /// GS v 0, normal density, 2 bytes × `rows`.
    func bandHeader(rows: UInt8) -> [UInt8] { [0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, rows, 0x00] }
    let partialCutWithFeed: [UInt8] = [0x1D, 0x56, 0x42, 0x00]

    @Test func aBandTakesExactlyItsDeclaredBytesEvenWhenTheyLookLikeCommands() throws {
        // 2 × 3 bytes of data: ESC @, GS V 0 (a full cut) and LF, as pixels.
        let data: [UInt8] = [0x1B, 0x40, 0x1D, 0x56, 0x00, 0x0A]
        var printer = EscPosPrinterModel(widthDots: 16)
        printer.receive(bandHeader(rows: 3) + data + partialCutWithFeed)
        #expect(printer.errors.isEmpty)
        #expect(printer.isAtCommandBoundary)
        let expected = try #require(MonochromeBitmap(width: 16, height: 3, packedRows: data))
        #expect(printer.pieces == [PaperPiece(paper: expected, isCut: true)])
    }

    @Test func aBandCutShortSwallowsWhatComesNextAsPixels() {
        var printer = EscPosPrinterModel(widthDots: 16)
        printer.receive(bandHeader(rows: 3) + [0xFF, 0xFF])
        #expect(!printer.isAtCommandBoundary)
        #expect(printer.openCommand == "GS v 0 2×3, 4 data bytes to come")
        // The next job's ESC @ is data; the printer is still inside the band.
        printer.receive([0x1B, 0x40])
        #expect(printer.openCommand == "GS v 0 2×3, 2 data bytes to come")
        #expect(printer.pieces.isEmpty)
        printer.receive([0x00, 0x00])
        #expect(printer.isAtCommandBoundary)
        #expect(printer.pieces.map(\.paper.packedRows) == [[0xFF, 0xFF, 0x1B, 0x40, 0x00, 0x00]])
        #expect(printer.pieces.map(\.isCut) == [false])
    }

    @Test func stateCarriesOverFromOneReceiveToTheNext() {
        let job = bandHeader(rows: 2) + [0x80, 0x01, 0x40, 0x02] + [0x1B, 0x64, 0x01] + partialCutWithFeed
        var whole = EscPosPrinterModel(widthDots: 16)
        whole.receive(job)
        var byteByByte = EscPosPrinterModel(widthDots: 16)
        for byte in job {
            byteByByte.receive([byte])
        }
        #expect(byteByByte.pieces == whole.pieces)
        #expect(byteByByte.errors.isEmpty && whole.errors.isEmpty)
        #expect(whole.pieces.map(\.paper.height) == [2 + 30])
        #expect(whole.bytesReceived == job.count)
    }

    @Test func unknownCommandsAreErrorsAtTheirOffset() {
        var printer = EscPosPrinterModel(widthDots: 16)
        // NUL (ignored), ESC t 3 (a code page: not modelled, nor its parameter), "A", DLE EOT 1
        // (real-time: not modelled), GS V 2 (no such cut).
        printer.receive([0x00, 0x1B, 0x74, 3, 0x41, 0x10, 0x04, 0x01, 0x1D, 0x56, 0x02])
        #expect(printer.errors.map(\.offset) == [1, 3, 4, 5, 6, 7, 8])
        #expect(printer.errors.first?.what == "unknown command ESC 0x74")
        #expect(printer.errors.last?.what == "unknown cut GS V 2")
    }

    @Test func feedsAddBlankRowsAndEveryCutFormEndsAPiece() {
        var printer = EscPosPrinterModel(widthDots: 16, lineSpacingDots: 30)
        printer.receive([0x0A, 0x1D, 0x56, 0x00])        // LF, full cut
        printer.receive([0x1B, 0x64, 0x02, 0x1D, 0x56, 0x01])  // ESC d 2, partial cut
        printer.receive([0x1B, 0x4A, 0x05, 0x1D, 0x56, 0x30])  // ESC J 5, GS V 48
        printer.receive([0x1D, 0x56, 0x31])              // GS V 49 with nothing since the last cut
        printer.receive([0x1D, 0x56, 0x41, 0x03])        // GS V 65 3: feed 3, full cut
        printer.receive([0x1D, 0x56, 0x42, 0x07])        // GS V 66 7: feed 7, partial cut
        printer.receive([0x1B, 0x4A, 0x01])              // paper left in the printer
        #expect(printer.errors.isEmpty)
        #expect(printer.pieces.map(\.paper.height) == [30, 60, 5, 0, 3, 7, 1])
        #expect(printer.pieces.map(\.isCut) == [true, true, true, true, true, true, false])
        #expect(printer.pieces.allSatisfy { $0.isBlank })
    }

    @Test func headersWithoutDataAndUndefinedCodesAreIgnoredAsPrintersDo() {
        var printer = EscPosPrinterModel(widthDots: 16)
        printer.receive([0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x00, 0x00])  // 2 × 0: no data
        printer.receive([0x1D, 0x76, 0x30, 0x00, 0x00, 0x00, 0x18, 0x00])  // 0 × 24: no data
        printer.receive([0x1B, 0x00, 0x1D, 0x00, 0x1D, 0x76, 0x00])          // ESC NUL, GS NUL, GS v NUL
        printer.receive([0x1B, 0x40])
        #expect(printer.errors.isEmpty)
        #expect(printer.isAtCommandBoundary)
        #expect(printer.ignored.map(\.offset) == [0, 8, 16, 18, 20])
        #expect(printer.ignored.first?.what == "GS v 0 2×0: no data")
        #expect(printer.pieces.isEmpty)
    }

    @Test func unsupportedRasterModesAndWideBandsAreErrorsButTheirDataIsConsumed() {
        var printer = EscPosPrinterModel(widthDots: 16)
        printer.receive([0x1D, 0x76, 0x30, 0x03, 0x01, 0x00, 0x01, 0x00, 0x1B])  // quadruple, 1 byte: ESC
        printer.receive([0x1D, 0x76, 0x30, 0x00, 0x03, 0x00, 0x01, 0x00, 0x1D, 0x56, 0x00])  // 24 dots on 16
        printer.receive([0x1D, 0x56, 0x01])
        #expect(printer.errors.map(\.offset) == [0, 9])
        #expect(printer.isAtCommandBoundary)
        #expect(printer.pieces.map(\.paper.height) == [0])
    }
}
