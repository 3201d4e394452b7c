import KioskPrint
import KioskPrintSamples
import KioskTestSupport
import Testing

/// Issue 13, point 5: a ticket cut short anywhere (paper out mid-band) does not spoil the next
/// one. Job 1 is truncated at an offset, job 2 follows on the same printer model.
@Suite struct CutShortJobTests {
    let raster = EscPosRaster()
    let width = PrinterWidth.mm80
    let feedRows = 2 * 30  // ESC d 2 at the model's 30-dot line spacing

    struct Tickets {
        let first: MonochromeBitmap
        let second: MonochromeBitmap

        init(width: Int) throws {
            first = try SamplePrintouts.ticket.renderBitmap(width: width)
            var next = SamplePrintouts.ticket
            next.number = "A002"
            next.waitingAhead = 6
            second = try next.renderBitmap(width: width)
        }
    }

    /// A piece holding `bitmap` and then `feedRows` blank rows, cut: a whole ticket.
    func ticketPiece(_ bitmap: MonochromeBitmap) -> PaperPiece {
        let paper = MonochromeBitmap(
            width: bitmap.width, height: bitmap.height + feedRows,
            packedRows: bitmap.packedRows + [UInt8](repeating: 0, count: feedRows * bitmap.bytesPerRow))!
        return PaperPiece(paper: paper, isCut: true)
    }

    /// Whether the pieces are the same paper, compared at memcmp speed (and without printing
    /// tens of kilobytes of bitmap when they are not).
    func same(_ a: [PaperPiece], _ b: [PaperPiece]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.isCut == y.isCut && x.paper.width == y.paper.width && Bytes.same(x.paper.packedRows[...], y.paper.packedRows[...])
        }
    }

    /// Piece heights and whether each is cut, for failure messages.
    func outline(_ pieces: [PaperPiece]) -> String {
        pieces.map { "\($0.paper.height)\($0.isCut ? " cut" : "")" }.joined(separator: ", ")
    }

    /// Every few NULs of the resynchronisation, every offset from its end through the second
    /// band and through the first band with ink, a few bytes either side of every band header
    /// and of the page end, and every 97th byte.
    func truncationOffsets(_ job: [UInt8], _ layout: EscPosJobLayout) -> [Int] {
        let firstCommand = layout.bandStarts[0] - 2  // ESC @
        var offsets = Set(stride(from: 0, to: firstCommand, by: 13)).union(firstCommand - 3 ..< layout.bandData[1].upperBound)
        if let inked = layout.bandData.first(where: { job[$0].contains { $0 != 0 } }) {
            offsets.formUnion(inked.lowerBound - 8 ..< inked.upperBound)
        }
        for start in layout.bandStarts {
            offsets.formUnion(start - 3 ... start + 10)
        }
        offsets.formUnion(job.count - 12 ..< job.count)
        offsets.formUnion(stride(from: 0, to: job.count, by: 97))
        return offsets.sorted()
    }

    /// What is wrong with the paper after job 1 (`first`, of which `printedBytes` raster bytes
    /// arrived) and then a job printing `second`; nil when the printer is back at a command
    /// boundary without errors, `second` is whole at the end of the paper, and all the paper
    /// before it is job 1's printed bytes then white. With `stubCut`, `second` must also be a
    /// piece of its own, every piece cut.
    func problem(
        _ printer: EscPosPrinterModel, first: MonochromeBitmap, printedBytes: Int, second: PaperPiece, stubCut: Bool
    ) -> String? {
        guard printer.errors.isEmpty else { return "errors \(printer.errors)" }
        guard printer.isAtCommandBoundary else { return "left inside \(printer.openCommand ?? "?")" }
        let pieces = printer.pieces
        guard let last = pieces.last, last.paper.width == second.paper.width else { return "no paper of the width" }
        let paper = pieces.flatMap(\.paper.packedRows)
        let secondBytes = second.paper.packedRows.count
        guard paper.count >= secondBytes + printedBytes else { return "\(paper.count) bytes of paper, too few" }
        guard Bytes.same(paper.suffix(secondBytes), second.paper.packedRows[...]) else { return "job 2 is not whole at the end" }
        let before = paper.dropLast(secondBytes)
        guard Bytes.same(before.prefix(printedBytes), first.packedRows.prefix(printedBytes)) else {
            return "the paper before job 2 does not start with job 1's \(printedBytes) printed bytes"
        }
        guard Bytes.allZero(before.dropFirst(printedBytes)) else { return "ink that is not job 1's before job 2" }
        if stubCut {
            guard last.isCut, last.paper.packedRows.count == secondBytes else { return "job 2 shares its piece" }
            guard pieces.count >= 2, pieces.allSatisfy(\.isCut) else { return "the stub was not cut off" }
        }
        return nil
    }

    @Test func aReprintWithTheStubCutComesOutWholeAfterATicketCutShortAnywhere() throws {
        let tickets = try Tickets(width: width)
        let job1 = raster.encode(tickets.first)
        let job2 = raster.encode(tickets.second, cuttingOffStub: true)
        let layout = try EscPosJobLayout(job1)
        let expected = ticketPiece(tickets.second)
        let offsets = truncationOffsets(job1, layout)
        var failures: [String] = []
        for offset in offsets {
            var printer = EscPosPrinterModel(widthDots: width)
            printer.receive(job1.prefix(offset))
            printer.receive(job2)
            let printed = layout.rasterBytes(inFirst: offset)
            if let problem = problem(printer, first: tickets.first, printedBytes: printed, second: expected, stubCut: true) {
                failures.append("offset \(offset): \(problem)")
            }
        }
        #expect(offsets.count > 3_000)
        #expect(failures.isEmpty, "\(failures.count) of \(offsets.count) offsets: \(failures.prefix(5))")
    }

    @Test func theBareInitialiseOfBeforeIsSwallowedByTheCutShortBand() throws {
        let tickets = try Tickets(width: width)
        let job1 = raster.encode(tickets.first)
        let newJob2 = raster.encode(tickets.second)
        // The job as it was before resynchronisation: ESC @ first.
        let oldJob2 = Array(newJob2.drop { $0 == 0 })
        #expect(Array(oldJob2.prefix(2)) == [0x1B, 0x40])
        let layout = try EscPosJobLayout(job1)
        let expected = ticketPiece(tickets.second)
        let insideACommand = truncationOffsets(job1, layout).filter { !layout.boundaries.contains($0) }
        var unharmed: [Int] = []
        var spoilt: [String] = []
        for offset in insideACommand {
            let printed = layout.rasterBytes(inFirst: offset)
            for (job2, isOld) in [(oldJob2, true), (newJob2, false)] {
                var printer = EscPosPrinterModel(widthDots: width)
                printer.receive(job1.prefix(offset))
                printer.receive(job2)
                let problem = problem(printer, first: tickets.first, printedBytes: printed, second: expected, stubCut: false)
                if isOld, problem == nil { unharmed.append(offset) }
                if !isOld, let problem { spoilt.append("offset \(offset): \(problem)") }
            }
        }
        #expect(insideACommand.count > 3_000)
        // Before: job 2 is spoilt, or its ESC @ is printed as dots on the stub, for every offset
        // inside a command of job 1.
        #expect(unharmed.isEmpty, "a bare ESC @ did no harm at offsets \(unharmed.prefix(10))")
        // Now: even without the stub cut, job 2 comes out whole (on the stub's piece).
        #expect(spoilt.isEmpty, "\(spoilt.count) offsets: \(spoilt.prefix(5))")
    }

    @Test func aNormalTicketAfterACompleteOneCutsNoBlankPiece() throws {
        let tickets = try Tickets(width: width)
        var printer = EscPosPrinterModel(widthDots: width)
        printer.receive(raster.encode(tickets.first))
        printer.receive(raster.encode(tickets.second))
        #expect(printer.errors.isEmpty)
        #expect(printer.ignored.isEmpty)
        // Computed outside #expect, which would describe whole bitmaps on failure.
        let bothWhole = same(printer.pieces, [ticketPiece(tickets.first), ticketPiece(tickets.second)])
        #expect(bothWhole, "\(outline(printer.pieces))")
        #expect(!printer.pieces.contains { $0.isBlank })
    }

    @Test func aCutShortReprintIsItselfRepairedByTheNextJob() throws {
        let tickets = try Tickets(width: width)
        let job1 = raster.encode(tickets.first)
        let job2 = raster.encode(tickets.second, cuttingOffStub: true)
        let layout1 = try EscPosJobLayout(job1)
        let layout2 = try EscPosJobLayout(job2)
        let filler = raster.resynchronisationLength(bytesPerRow: tickets.first.bytesPerRow)
        // Job 1 stopped in a band's data or right after a header's yL; job 2 stopped inside its
        // own NULs (still finishing job 1's band), in its stub cut, in its header or band data.
        let firsts = [layout1.bandData[3].lowerBound, layout1.bandData[3].lowerBound + 700, layout1.bandStarts[5] + 7]
        let seconds = [filler / 2, filler + 4, layout2.bandStarts[2] + 5, layout2.bandData[4].lowerBound + 100]
        for first in firsts {
            for second in seconds {
                var printer = EscPosPrinterModel(widthDots: width)
                printer.receive(job1.prefix(first))
                printer.receive(job2.prefix(second))
                printer.receive(raster.encode(tickets.first, cuttingOffStub: true))
                #expect(printer.errors.isEmpty, "job 1 cut at \(first), job 2 at \(second)")
                #expect(printer.isAtCommandBoundary)
                let lastWhole = same(Array(printer.pieces.suffix(1)), [ticketPiece(tickets.first)])
                #expect(lastWhole, "job 1 cut at \(first), job 2 at \(second): \(outline(printer.pieces))")
            }
        }
    }

    @Test func aSlipAfterACutShortTicketOn58mmPaper() throws {
        let width = PrinterWidth.mm58
        let ticket = try SamplePrintouts.ticket.renderBitmap(width: width)
        let slip = try SamplePrintouts.slip.renderBitmaps(width: width)
        let job1 = raster.encode(ticket)
        let job2 = raster.encode(pages: slip, cuttingOffStub: true)
        let layout = try EscPosJobLayout(job1)
        for offset in truncationOffsets(job1, layout) where offset % 7 == 0 {
            var printer = EscPosPrinterModel(widthDots: width)
            printer.receive(job1.prefix(offset))
            printer.receive(job2)
            #expect(printer.errors.isEmpty, "offset \(offset)")
            let slipWhole = same(Array(printer.pieces.suffix(2)), slip.map(ticketPiece))
            #expect(slipWhole, "offset \(offset): \(outline(printer.pieces))")
        }
    }
}
