import Foundation
import KioskPrint
import KioskTestSupport

/// The demo's printers: a private cupsd on /run/kiosk-demo/cups/cups.sock (the demo office file
/// names it) with the entrance ticket queue (a model USB thermal printer, whose paper can run
/// out) and the A4 slip queue, each ending in a socket that keeps what would have come out of
/// the printer; and the PNG copies of it.
final class DemoPrinters {
    static let directory = URL(fileURLWithPath: "/run/kiosk-demo/cups")
    let cups: PrivateCups
    let tickets: SocketSink
    let slips: SocketSink
    let ticketPrinter: ModelPrinter

    init() throws {
        try? FileManager.default.removeItem(at: Self.directory)
        try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
        cups = try PrivateCups(directory: Self.directory, socketPath: Self.directory.appendingPathComponent("cups.sock").path)
        tickets = try SocketSink()
        slips = try SocketSink()
        ticketPrinter = try cups.addModelPrinterQueue("ve-loi-vao", sinkPort: tickets.port)
        try cups.addRawQueue("giay-hen-a4", deviceURI: slips.deviceURI)
    }

    /// Writes what the printers received as files a person can open: each ticket's ESC/POS
    /// raster decoded back to a PNG, each slip's PDF and its pages as PNG (pdftoppm).
    func saveCopies(ticketNumbers: [String], to folder: URL) throws -> [String] {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for (index, job) in tickets.jobs.enumerated() {
            let name = index < ticketNumbers.count ? ticketNumbers[index] : "job-\(index + 1)"
            let url = folder.appendingPathComponent("ve-\(name).png")
            try Data(try EscPosRaster.decode(job).pngData()).write(to: url)
            written.append(url.path)
        }
        for (index, job) in slips.jobs.enumerated() {
            let pdf = folder.appendingPathComponent("giay-hen-\(index + 1).pdf")
            try Data(job).write(to: pdf)
            written.append(pdf.path)
            let prefix = folder.appendingPathComponent("giay-hen-\(index + 1)").path
            if (try? KioskdProcess.run(URL(fileURLWithPath: "/usr/bin/pdftoppm"), ["-png", "-r", "80", pdf.path, prefix])) != nil {
                let pages = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                written += pages.filter { $0.hasPrefix("giay-hen-\(index + 1)-") && $0.hasSuffix(".png") }.sorted()
                    .map { folder.appendingPathComponent($0).path }
            }
        }
        return written
    }
}
