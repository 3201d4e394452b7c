import KioskCups
import KioskPrint
import Testing

/// The attributes kioskd sends with its jobs. Debian's cups 2.4.2-3+deb12u10 crashes cupsd on a
/// job whose document-name has whitespace (in `get_options()`); kioskd sends no document name,
/// and nothing with whitespace but the job's readable title.
@Suite struct CupsJobRequestTests {
    /// Every title kioskd gives a job (tickets, slips, test pages).
    static let titles = ["Số A001", "Số B123", "Giấy tiếp nhận HS-2026-000123", "Trang in thử"]

    @Test(arguments: titles)
    func createJobSendsTheQueueTheUserAndTheTitleAsJobName(_ title: String) {
        let attributes = CupsJobRequest.createJob(queue: "may-in-ve", title: title, user: "kiosk")
        #expect(attributes.map(\.name) == ["printer-uri", "requesting-user-name", "job-name"])
        #expect(attributes.first { $0.name == "job-name" }?.value == .name(title))
        #expect(attributes.first { $0.name == "printer-uri" }?.value == .uri("ipp://localhost/printers/may-in-ve"))
    }

    @Test(arguments: [CupsClient.DocumentFormat.raw, .png, .pdf])
    func sendDocumentHasNoDocumentName(_ format: CupsClient.DocumentFormat) {
        let attributes = CupsJobRequest.sendDocument(queue: "may-in-ve", job: 17, format: format, user: "kiosk")
        #expect(attributes.map(\.name) == ["printer-uri", "job-id", "requesting-user-name", "document-format", "last-document"])
        #expect(!attributes.contains { $0.name == "document-name" })
        #expect(attributes.first { $0.name == "document-format" }?.value == .mimeMediaType(format.rawValue))
        #expect(attributes.first { $0.name == "last-document" }?.value == .boolean(true))
    }

    @Test(arguments: titles)
    func onlyTheJobNameMayHoldWhitespace(_ title: String) {
        let all =
            CupsJobRequest.createJob(queue: "may-in-ve", title: title, user: "kiosk")
            + CupsJobRequest.sendDocument(queue: "may-in-ve", job: 3, format: .raw, user: "kiosk")
            + CupsJobRequest.about(queue: "may-in-ve", job: 3, user: "kiosk")
        for attribute in all where attribute.name != "job-name" {
            #expect(!attribute.text.contains { $0.isWhitespace }, "\(attribute)")
        }
    }

    @Test func aJobNameIsOneReadableLineOfAtMost255Bytes() {
        #expect(CupsJobRequest.jobName("Số  A001\n\tưu tiên") == "Số A001 ưu tiên")
        #expect(CupsJobRequest.jobName("  Trang in thử  ") == "Trang in thử")
        let long = CupsJobRequest.jobName(String(repeating: "Giấy tiếp nhận ", count: 40))
        #expect(long.utf8.count <= 255)
        #expect(long.hasPrefix("Giấy tiếp nhận Giấy"))
    }
}
