import Foundation
import KioskPrint

/// Render times of the sample ticket and slip, for the benchmark and `kioskctl`: the median (and
/// the slowest) of `runs` renders after a warm-up (font loading happens once per thread).
public enum RenderBenchmark {
    public struct Result: Sendable {
        public var name: String
        public var medianMilliseconds: Double
        public var maxMilliseconds: Double
        /// Bytes of the ESC/POS job (raster) or the PDF.
        public var outputBytes: Int
    }

    public static func measure(runs: Int = 50) throws -> [Result] {
        let raster = EscPosRaster()
        return [
            try time("ticket 384 → bitmap", runs: runs) {
                raster.encode(try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm58)).count
            },
            try time("ticket 576 → bitmap", runs: runs) {
                raster.encode(try SamplePrintouts.ticket.renderBitmap(width: PrinterWidth.mm80)).count
            },
            try time("slip 576 → bitmap (one copy)", runs: runs) {
                raster.encode(try SamplePrintouts.slip.renderBitmap(width: PrinterWidth.mm80, copy: .applicant)).count
            },
            try time("slip → PDF A4 (two copies)", runs: runs) {
                try SamplePrintouts.slip.renderPDF(paper: .a4).count
            },
        ]
    }

    /// A table of `measure(runs:)`.
    public static func run(runs: Int = 50) throws -> String {
        let results = try measure(runs: runs)
        var lines = ["render (median of \(runs), after warm-up)          median      max    bytes"]
        for result in results {
            lines.append(result.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                + String(format: "%8.2f ms %6.2f ms %8d", result.medianMilliseconds, result.maxMilliseconds, result.outputBytes))
        }
        return lines.joined(separator: "\n")
    }

    private static func time(_ name: String, runs: Int, _ body: () throws -> Int) throws -> Result {
        var bytes = try body()  // warm-up: fonts, caches
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            bytes = try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        samples.sort()
        let median = samples.count % 2 == 1
            ? samples[samples.count / 2]
            : (samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2
        return Result(name: name, medianMilliseconds: median, maxMilliseconds: samples.last!, outputBytes: bytes)
    }
}
