import Foundation
import KioskPrint
import KioskTestSupport

/// Helpers shared by the rendering tests.
enum PrintTestSupport {
    static let goldenDirectory = RepositoryPaths.fixture("golden")

    /// A path of a program on $PATH, or nil.
    static func program(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program; returns its standard output (standard error is discarded).
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let finished = try ChildProcess.run(URL(fileURLWithPath: program), arguments)
        return (finished.status, finished.outputText)
    }

    /// Writes bytes to a new temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let directory = try RepositoryPaths.temporaryDirectory("kioskprint")
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// What zbarimg reads from a PNG (one line per symbol), or nil when zbarimg is not installed.
    static func zbarDecode(png: [UInt8]) throws -> [String]? {
        guard let zbarimg = program("zbarimg") else { return nil }
        let path = try temporaryFile(png, name: "qr.png")
        let result = try run(zbarimg, ["-q", "--raw", path])
        return result.output.split(separator: "\n").map(String.init)
    }

    /// The text of each page of a PDF (pdftotext): NFC, with no-break spaces and line ends as
    /// plain spaces.
    static func pdfPageTexts(_ pdf: [UInt8]) throws -> [String] {
        let path = try temporaryFile(pdf, name: "document.pdf")
        let output = try run(program("pdftotext")!, [path, "-"]).output
        return output.components(separatedBy: "\u{0C}").dropLast().map { page in
            page.precomposedStringWithCanonicalMapping
                .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
    }

    /// A word of a PDF page and its box in points, y downwards (`pdftotext -bbox`). The box is
    /// the font's ascent to descent at the size the word is drawn, so its height measures the
    /// font size on the page.
    struct PDFWord {
        var text: String
        var xMin, yMin, xMax, yMax: Double
        var height: Double { yMax - yMin }
        var width: Double { xMax - xMin }
    }

    /// The words of each page of a PDF.
    static func pdfPageWords(_ pdf: [UInt8]) throws -> [[PDFWord]] {
        let path = try temporaryFile(pdf, name: "document.pdf")
        let output = try run(program("pdftotext")!, ["-bbox", path, "-"]).output
        let word = /<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<\/word>/
        return output.components(separatedBy: "<page ").dropFirst().map { page in
            page.matches(of: word).map { match in
                PDFWord(text: String(match.5).precomposedStringWithCanonicalMapping
                            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\""),
                        xMin: Double(match.1)!, yMin: Double(match.2)!, xMax: Double(match.3)!, yMax: Double(match.4)!)
            }
        }
    }

    /// A deterministic pseudo-random bitmap.
    static func noise(width: Int, height: Int, seed: UInt64) -> MonochromeBitmap {
        var state = seed
        var bitmap = MonochromeBitmap(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bitmap[x, y] = (state >> 33) & 1 == 1
            }
        }
        return bitmap
    }

    /// Where `needle` occurs in `haystack` (exact pixels), scanning rows top to bottom.
    static func find(_ needle: MonochromeBitmap, in haystack: MonochromeBitmap) -> PixelRect? {
        guard needle.width <= haystack.width, needle.height <= haystack.height else { return nil }
        for y in 0...(haystack.height - needle.height) {
            for x in 0...(haystack.width - needle.width) {
                var match = true
                check: for ny in 0..<needle.height {
                    for nx in 0..<needle.width where needle[nx, ny] != haystack[x + nx, y + ny] {
                        match = false
                        break check
                    }
                }
                if match { return PixelRect(x: x, y: y, width: needle.width, height: needle.height) }
            }
        }
        return nil
    }
}
