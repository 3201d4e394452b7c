import Foundation
import Glibc
import KioskCups
import KioskPrint
import KioskPrintSamples
import KioskTestSupport
import Testing

/// The TCP printer over the model: jobs from separate connections meet in one printer, directly
/// and behind a CUPS raw queue.
@Suite struct EscPosPrinterSinkTests {
    let raster = EscPosRaster()

    /// Sends a job on a connection of its own, as the socket backend does.
    func send(_ job: [UInt8], to port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HarnessError("connect: \(String(cString: strerror(errno)))") }
        var sent = 0
        while sent < job.count {
            let count = job[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw HarnessError("send: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    func ticket(_ number: String) throws -> MonochromeBitmap {
        var ticket = SamplePrintouts.ticket
        ticket.number = number
        return try ticket.renderBitmap(width: PrinterWidth.mm80)
    }

    @Test func aJobCutShortOnOneConnectionAndItsReprintOnTheNextShareOnePrinter() throws {
        let sink = try EscPosPrinterSink()
        let first = try ticket("A001")
        let second = try ticket("A002")
        let job1 = raster.encode(first)
        let cutAt = job1.count / 2
        sink.cutShortNextJob(afterBytes: cutAt)
        try send(job1, to: sink.port)
        try sink.awaitJobs(1)
        let afterFirst = sink.model
        #expect(afterFirst.bytesReceived == cutAt)
        #expect(!afterFirst.isAtCommandBoundary)  // half-way through a band

        try send(raster.encode(second, cuttingOffStub: true), to: sink.port)
        try sink.awaitJobs(2)
        let printer = sink.model
        #expect(printer.errors.isEmpty)
        #expect(printer.isAtCommandBoundary)
        let pieces = printer.pieces
        try #require(pieces.count == 2)
        // The stub: job 1 as far as it came (then white), cut off; then the reprint, whole.
        let stub = pieces[0].paper
        let printedRows = stub.height - 60
        #expect(pieces[0].isCut && printedRows > 0 && printedRows < first.height)
        let stubMatches = stub.cropped(to: PixelRect(x: 0, y: 0, width: stub.width, height: printedRows - 24))
            == first.cropped(to: PixelRect(x: 0, y: 0, width: first.width, height: printedRows - 24))
        #expect(stubMatches)
        let reprintWhole = pieces[1].isCut
            && pieces[1].paper.cropped(to: PixelRect(x: 0, y: 0, width: second.width, height: second.height)) == second
            && pieces[1].paper.height == second.height + 60
        #expect(reprintWhole)
    }

    @Test func behindACupsRawQueueATicketCutShortDoesNotSpoilTheNextTwo() throws {
        let server = try PrivateCups(directory: try RepositoryPaths.temporaryDirectory("cups-escpos"))
        let sink = try EscPosPrinterSink()
        try server.addRawQueue("ticket", deviceURI: sink.deviceURI)
        let client = CupsClient(server: server.server)
        let cutShort = try ticket("A001")
        let tickets = [try ticket("A002"), try ticket("A003")]
        let jobs = [raster.encode(tickets[0], cuttingOffStub: true), raster.encode(tickets[1])]

        // The printer loses the first ticket from inside a band on; CUPS does not know.
        sink.cutShortNextJob(afterBytes: 20_000)
        let first = try client.submit(queue: "ticket", title: "A001", document: raster.encode(cutShort), format: .raw)
        #expect(try client.awaitEnd(of: first, queue: "ticket", timeoutSeconds: 20).state == .completed)
        try sink.awaitJobs(1)
        #expect(!sink.model.isAtCommandBoundary)
        for (index, job) in jobs.enumerated() {
            let id = try client.submit(queue: "ticket", title: "A00\(index + 2)", document: job, format: .raw)
            #expect(try client.awaitEnd(of: id, queue: "ticket", timeoutSeconds: 20).state == .completed)
        }
        try sink.awaitJobs(3)
        let printer = sink.model
        #expect(printer.errors.isEmpty)
        #expect(printer.isAtCommandBoundary)
        let pieces = printer.pieces
        #expect(pieces.count == 3)  // the stub, then the two tickets
        for (piece, ticket) in zip(pieces.dropFirst(), tickets) {
            let whole = piece.isCut && piece.paper.height == ticket.height + 60
                && piece.paper.cropped(to: PixelRect(x: 0, y: 0, width: ticket.width, height: ticket.height)) == ticket
            #expect(whole)
        }
    }
}
