import Testing
@testable import KioskPrint

@Suite struct PageBreakerTests {
    func piece(_ height: Double, keepWithNext: Bool = false, space: Bool = false, head: Placed? = nil) -> FlowPiece {
        FlowPiece(placed: Placed(height: height) { _, _, _ in }, keepWithNext: keepWithNext,
                  vanishesAtPageTop: space, headOnNewPage: head)
    }

    func pieces(_ pages: [PageBreaker.Page]) -> [[Int]] { pages.map(\.pieces) }

    @Test func piecesThatFitStayOnOnePage() {
        let pages = PageBreaker(firstPage: 100, laterPages: 100).pages([piece(40), piece(30), piece(30)])
        #expect(pieces(pages) == [[0, 1, 2]])
        #expect(pages[0].height == 100)
        #expect(pieces(PageBreaker(firstPage: 100, laterPages: 100).pages([])) == [[]])
    }

    @Test func aHeadingGoesToTheNextPageWithWhatFollowsIt() {
        let breaker = PageBreaker(firstPage: 100, laterPages: 100)
        #expect(pieces(breaker.pages([piece(50), piece(40), piece(5), piece(10)])) == [[0, 1, 2], [3]])
        #expect(pieces(breaker.pages([piece(50), piece(40), piece(5, keepWithNext: true), piece(10)])) == [[0, 1], [2, 3]])
    }

    @Test func spaceAtTheTopOfAPageIsLeftOut() {
        let pages = PageBreaker(firstPage: 95, laterPages: 95).pages([piece(60), piece(35), piece(10, space: true), piece(40)])
        #expect(pieces(pages) == [[0, 1], [3]])
        #expect(pages[1].height == 40)
    }

    @Test func laterPagesHaveTheirOwnHeight() {
        let pages = PageBreaker(firstPage: 100, laterPages: 80).pages(Array(repeating: piece(10), count: 25))
        #expect(pieces(pages) == [Array(0..<10), Array(10..<18), Array(18..<25)])
    }

    @Test func aRunTallerThanAPageIsBrokenAsLateAsPossible() {
        let run = (0..<12).map { piece(10, keepWithNext: $0 < 11) }
        let pages = PageBreaker(firstPage: 100, laterPages: 100).pages([piece(30)] + run + [piece(10)])
        #expect(pieces(pages) == [Array(0...7), Array(8...13)])
    }

    @Test func aPageThatOpensInsideAListStartsWithItsHead() {
        let head = Placed(height: 15) { _, _, _ in }
        let pages = PageBreaker(firstPage: 100, laterPages: 100)
            .pages([piece(50)] + (0..<3).map { _ in piece(30, head: head) })
        #expect(pieces(pages) == [[0, 1], [2, 3]])
        #expect(pages[0].head == nil)
        #expect(pages[1].head != nil)
        #expect(pages[1].height == 75)
        // The head counts: with it, a third item no longer fits.
        let full = PageBreaker(firstPage: 100, laterPages: 100).pages([piece(50)] + (0..<5).map { _ in piece(30, head: head) })
        #expect(pieces(full) == [[0, 1], [2, 3], [4, 5]])
    }

    @Test func aPieceTallerThanAPageHasAPageOfItsOwn() {
        let pages = PageBreaker(firstPage: 100, laterPages: 100).pages([piece(20), piece(150), piece(20)])
        #expect(pieces(pages) == [[0], [1], [2]])
        #expect(pages[1].height == 150)
    }

    /// Pseudo-random flows: every piece but the left-out spaces is on exactly one page, in order;
    /// a page overflows only with a single piece; a page ends on a kept piece only inside a run
    /// taller than a page.
    @Test(arguments: 1...40)
    func nothingIsLostOrReordered(seed: UInt64) {
        var state = seed
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % bound
        }
        let flow = (0..<(20 + Int(next(80)))).map { _ in
            let space = next(5) == 0
            return piece(Double(1 + next(space ? 10 : 40)), keepWithNext: !space && next(3) == 0, space: space)
        }
        let breaker = PageBreaker(firstPage: 150, laterPages: 120)
        let pages = breaker.pages(flow)
        let placed = pages.flatMap(\.pieces)
        #expect(placed == placed.sorted())
        #expect(Set(placed).count == placed.count)
        #expect(Set(placed).union(flow.indices.filter { flow[$0].vanishesAtPageTop }) == Set(flow.indices))
        for (number, page) in pages.enumerated() {
            let room = number == 0 ? breaker.firstPage : breaker.laterPages
            #expect(page.height <= room + 1e-9 || page.pieces.count == 1, "page \(number + 1) of seed \(seed)")
            guard number < pages.count - 1, let last = page.pieces.last, flow[last].keepWithNext else { continue }
            var start = last
            while start > 0 && flow[start - 1].keepWithNext { start -= 1 }
            var end = last
            while end + 1 < flow.count && flow[end].keepWithNext { end += 1 }
            let run = flow[start...end].reduce(0) { $0 + $1.height }
            #expect(run > breaker.laterPages, "page \(number + 1) of seed \(seed) ends inside a run that fits a page")
        }
    }
}
