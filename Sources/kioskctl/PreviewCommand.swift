import ArgumentParser
import Foundation
import KioskPrint
import KioskPrintSamples

/// `kioskctl preview ticket|slip`: renders the sample ticket or slip exactly as it would be
/// printed, to a PNG (or a slip to a PDF), without a printer.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render a sample ticket or slip to a PNG (a slip also to PDF), as the printer would get it.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case ticket, slip
    }

    @Argument(help: "What to render: ticket or slip.")
    var kind: Kind

    @Option(name: .long, help: "Printer width in dots: 384 (58 mm paper) or 576 (80 mm paper).")
    var width = PrinterWidth.mm80

    @Option(name: .long, help: "Output file: .png, or .pdf for a slip (both copies). Default: preview-<kind>-<width>.png.")
    var output: String?

    @Option(name: .long, help: "Which copy of a slip as PNG: 1 (Liên 1: Lưu) or 2 (Liên 2: Giao người nộp).")
    var copy = 2

    @Option(name: .long, help: "Paper of a slip PDF: a4 or a5.")
    var paper = PaperSize.a4.rawValue

    @Flag(name: .long, help: "Write nothing; time 50 renders of the sample ticket and slip instead (median).")
    var benchmark = false

    func validate() throws {
        guard [PrinterWidth.mm58, PrinterWidth.mm80].contains(width) else {
            throw ValidationError("--width: expected 384 (58 mm) or 576 (80 mm), found \(width)")
        }
        guard SlipPrintout.Copy(rawValue: copy) != nil else {
            throw ValidationError("--copy: expected 1 or 2, found \(copy)")
        }
        guard PaperSize(rawValue: paper) != nil else {
            throw ValidationError("--paper: expected a4 or a5, found \(paper)")
        }
        if let output, output.lowercased().hasSuffix(".pdf"), kind == .ticket {
            throw ValidationError("--output: a ticket previews as PNG only (it is printed as raster)")
        }
    }

    func run() throws {
        if benchmark {
            print(try RenderBenchmark.run(runs: 50))
            return
        }
        let path = output ?? "preview-\(kind.rawValue)-\(width).png"
        let bytes: [UInt8]
        let summary: String
        switch kind {
        case .ticket:
            let bitmap = try SamplePrintouts.ticket.renderBitmap(width: width)
            bytes = try bitmap.pngData()
            summary = "\(bitmap.width)×\(bitmap.height) dots, \(EscPosRaster().encode(bitmap).count) bytes as ESC/POS"
        case .slip where path.lowercased().hasSuffix(".pdf"):
            let paperSize = PaperSize(rawValue: paper)!
            bytes = try SamplePrintouts.slip.renderPDF(paper: paperSize)
            summary = "PDF \(paperSize.rawValue.uppercased()), 2 pages (Liên 1, Liên 2)"
        case .slip:
            let bitmap = try SamplePrintouts.slip.renderBitmap(width: width, copy: SlipPrintout.Copy(rawValue: copy)!)
            bytes = try bitmap.pngData()
            summary = "\(bitmap.width)×\(bitmap.height) dots, \(SlipPrintout.Copy(rawValue: copy)!.label)"
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("kioskctl: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        print("\(path): \(summary)")
    }
}
