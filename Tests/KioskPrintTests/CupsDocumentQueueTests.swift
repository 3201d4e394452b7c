import Foundation
import KioskCups
import KioskPrint
import KioskTestSupport
import Testing

/// PNG and PDF documents through a driver queue (IPP Everywhere) reach a real IPP printer.
@Suite struct CupsDocumentQueueTests {
    @Test func pngAndPdfJobsArriveAtAnIPPEverywherePrinter() throws {
        let directory = try RepositoryPaths.temporaryDirectory("cups-doc")
        let printer = try IPPEvePrinter(directory: directory.appendingPathComponent("printer"))
        let server = try PrivateCups(directory: directory.appendingPathComponent("cups"))
        try server.addIPPEverywhereQueue("slip", uri: printer.uri, formats: ["image/png", "application/pdf"])
        let client = CupsClient(server: server.server)

        // A 1×1 white PNG and a one-page PDF, as small as they come.
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
            0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41,
            0x54, 0x08, 0xD7, 0x63, 0xF8, 0xFF, 0xFF, 0x3F, 0x00, 0x05, 0xFE, 0x02, 0xFE, 0xA7, 0x35, 0x81, 0x84, 0x00, 0x00, 0x00,
            0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ]
        let pdf = Array(Self.minimalPDF.utf8)
        let pngJob = try client.submit(queue: "slip", title: "preview.png", document: png, format: .png)
        #expect(try client.awaitEnd(of: pngJob, queue: "slip", timeoutSeconds: 30).state == .completed)
        let pdfJob = try client.submit(queue: "slip", title: "slip.pdf", document: pdf, format: .pdf)
        #expect(try client.awaitEnd(of: pdfJob, queue: "slip", timeoutSeconds: 30).state == .completed)

        try awaitCondition("two documents at the printer") { try printer.documents().count >= 2 }
        let received = try printer.documents().map { try [UInt8](Data(contentsOf: $0)) }
        // The printer accepts PNG and PDF as they are: CUPS passes them through unchanged.
        #expect(received.first == png)
        #expect(received.last.map { $0.starts(with: Array("%PDF".utf8)) } == true)
    }

    static let minimalPDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF

        """
}
