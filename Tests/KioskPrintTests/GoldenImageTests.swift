import Foundation
import KioskPrint
import KioskPrintSamples
import Testing

/// The sample ticket (58 and 80 mm) and slip (80 mm, Liên 2) against PNGs checked in under
/// Tests/Fixtures/golden/. `KIOSK_UPDATE_GOLDEN=1` rewrites them (then look at them).
///
/// Tolerance: at most 0.05 % of the pixels may differ, and the size must be the same. Rendering is
/// bi-level with the font's hinting, so the same FreeType/HarfBuzz/Pango gives identical dots; a
/// patch release that hints a glyph differently moves a few dozen dots, well inside. A layout
/// change (a line wrapped differently, a block moved, a mark misplaced) moves thousands and fails.
@Suite struct GoldenImageTests {
    static let tolerance = 0.0005

    static let cases: [(name: String, render: @Sendable () throws -> MonochromeBitmap)] = [
        ("ticket-384", { try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm58) }),
        ("ticket-576", { try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm80) }),
        ("slip-576", { try SamplePrintouts.slip.renderBitmap(width: PrinterWidth.mm80, copy: .applicant) }),
    ]

    @Test(arguments: cases.map(\.name))
    func matchesTheGoldenImage(name: String) throws {
        let render = try #require(Self.cases.first { $0.name == name }).render
        let actual = try render()
        let url = PrintTestSupport.goldenDirectory.appendingPathComponent("\(name).png")
        if ProcessInfo.processInfo.environment["KIOSK_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: PrintTestSupport.goldenDirectory, withIntermediateDirectories: true)
            try Data(actual.pngData()).write(to: url)
            return
        }
        let golden = try MonochromeBitmap(pngData: [UInt8](Data(contentsOf: url)))
        let differing = actual.differingPixels(from: golden)
        let allowed = Int(Double(golden.width * golden.height) * Self.tolerance)
        if actual.width != golden.width || actual.height != golden.height || differing > allowed {
            let saved = try PrintTestSupport.temporaryFile(try actual.pngData(), name: "\(name).png")
            Issue.record("""
                \(name): \(actual.width)×\(actual.height) vs golden \(golden.width)×\(golden.height), \
                \(differing) pixels differ (allowed \(allowed)); this rendering is at \(saved). \
                If the change is intended, rerun with KIOSK_UPDATE_GOLDEN=1 and look at the images.
                """)
        }
    }
}
