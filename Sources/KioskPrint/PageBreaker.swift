/// Puts flow pieces on pages, top to bottom, each page as full as the keeps allow.
///
/// A run of pieces linked by `keepWithNext` goes on one page: where it does not fit below what is
/// already on the page, it starts the next one. Only a run taller than a whole page is broken,
/// as late as possible. A single piece taller than a page gets a page of its own and overflows it
/// (`Page.height` says by how much).
struct PageBreaker {
    /// Height for pieces on the first page, and on each later page.
    var firstPage: Double
    var laterPages: Double

    struct Page {
        /// A continued list's heading, drawn before the pieces.
        var head: Placed?
        /// Indices into the pieces, in order; space at the top of the page left out.
        var pieces: [Int] = []
        /// Of the head and the pieces.
        var height = 0.0
    }

    /// The pages, at least one.
    func pages(_ pieces: [FlowPiece]) -> [Page] {
        var pages: [Page] = []
        var page = Page()
        func room() -> Double { (pages.isEmpty ? firstPage : laterPages) - page.height }
        // What `index` needs on top of the page so far: a page it starts also gets its head.
        func head(_ index: Int) -> Placed? { page.pieces.isEmpty ? pieces[index].headOnNewPage : nil }
        func add(_ index: Int) {
            if let head = head(index) {
                page.head = head
                page.height += head.height
            }
            page.pieces.append(index)
            page.height += pieces[index].height
        }
        func nextPage() {
            pages.append(page)
            page = Page()
        }
        // Rounding in the layout must not push a piece that fits exactly onto the next page.
        let tolerance = 1e-6

        // The last piece of a run too tall for any page, which is being broken piece by piece.
        var tallRunEnd = -1
        var index = 0
        while index < pieces.count {
            if page.pieces.isEmpty && pieces[index].vanishesAtPageTop {
                index += 1
                continue
            }
            if index > tallRunEnd {
                var end = index
                while end + 1 < pieces.count && pieces[end].keepWithNext { end += 1 }
                let run = pieces[index...end].reduce(0) { $0 + $1.height }
                if run + (head(index)?.height ?? 0) <= room() + tolerance {
                    for piece in index...end { add(piece) }
                    index = end + 1
                    continue
                }
                if !page.pieces.isEmpty && run + (pieces[index].headOnNewPage?.height ?? 0) <= laterPages + tolerance {
                    nextPage()
                    continue
                }
                tallRunEnd = end
            }
            if page.pieces.isEmpty || (head(index)?.height ?? 0) + pieces[index].height <= room() + tolerance {
                add(index)
                index += 1
            } else {
                nextPage()
            }
        }
        if !page.pieces.isEmpty || pages.isEmpty { pages.append(page) }
        return pages
    }
}
