import KioskPrint
import KioskPrintSamples
import Testing

@Suite struct QRCodeTests {
    static let url = "https://motcua.example.vn/ve/A001"

    @Test func renderedModulesMatchLibqrencodesMatrixAndAreCrisp() throws {
        let code = try QRCode(Self.url)
        #expect(code.size == 17 + 4 * code.version)
        let module = 4, quiet = 4
        let bitmap = try code.bitmap(module: module, quietZone: quiet)
        #expect(bitmap.width == (code.size + 2 * quiet) * module)
        for row in 0..<(code.size + 2 * quiet) {
            for column in 0..<(code.size + 2 * quiet) {
                let inSymbol = (quiet..<quiet + code.size).contains(column) && (quiet..<quiet + code.size).contains(row)
                let dark = inSymbol && code[column - quiet, row - quiet]
                // Every dot of the module has the module's colour: no grey edges thresholded
                // either way, no seams between neighbouring modules.
                for dy in 0..<module {
                    for dx in 0..<module {
                        #expect(bitmap[column * module + dx, row * module + dy] == dark,
                                "module (\(column), \(row)) dot (\(dx), \(dy))")
                    }
                }
            }
        }
    }

    @Test func formatInformationSaysErrorCorrectionLevelM() throws {
        for text in [Self.url, "000.20.36.H26-261123-0042", "Nguyễn Thị Huyền Trang"] {
            let code = try QRCode(text)
            // The first copy of the 15 format bits around the top-left finder (ISO/IEC 18004 7.9).
            var bits = 0
            func put(_ index: Int, _ x: Int, _ y: Int) { if code[x, y] { bits |= 1 << index } }
            for i in 0...5 { put(i, 8, i) }
            put(6, 8, 7)
            put(7, 8, 8)
            put(8, 7, 8)
            for i in 9..<15 { put(i, 14 - i, 8) }
            let unmasked = bits ^ 0x5412
            let data = unmasked >> 10
            // The BCH(15,5) check bits are right, so the bits were read where they are.
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            #expect(unmasked & 0x3FF == remainder & 0x3FF)
            #expect(data >> 3 == 0b00, "error correction level bits 00 = M")
            // The finder pattern's corner modules.
            #expect(code[0, 0] && code[6, 6] && !code[7, 7] && code[code.size - 1, 0])
        }
    }

    @Test(.enabled(if: PrintTestSupport.program("zbarimg") != nil, "needs zbarimg (zbar-tools)"))
    func zbarDecodesTheSymbol() throws {
        for text in [Self.url, "000.20.36.H26-261123-0042"] {
            let png = try QRCode(text).bitmap(module: 4, quietZone: 4).pngData()
            #expect(try PrintTestSupport.zbarDecode(png: png) == [text])
        }
    }

    @Test func emptyAndOversizedTextsAreErrors() {
        #expect(throws: PrintRenderError.self) { try QRCode("") }
        #expect(throws: PrintRenderError.self) { try QRCode(String(repeating: "x", count: 3000)) }
    }

    @Test func theTicketCarriesTheSameSymbol() throws {
        for (width, module) in [(PrinterWidth.mm58, 4), (PrinterWidth.mm80, 5)] {
            let ticket = try SamplePrintouts.ticket.renderBitmap(width: width)
            let symbol = try QRCode(Self.url).bitmap(module: module, quietZone: 0)
            let found = PrintTestSupport.find(symbol, in: ticket)
            #expect(found != nil, "QR code at \(module) dots per module in the \(width)-dot ticket")
            if let found {
                // The quiet zone (4 modules) around it is blank.
                let zone = PixelRect(x: found.x - 4 * module, y: found.y - 4 * module,
                                     width: found.width + 8 * module, height: found.height + 8 * module)
                #expect(ticket.cropped(to: zone).blackPixelCount == symbol.blackPixelCount)
            }
        }
    }
}
