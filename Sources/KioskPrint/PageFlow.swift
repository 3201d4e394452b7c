/// A piece of a block cut where a page may break. The pieces of a block, stacked top to bottom,
/// draw what `Composer.place` draws, at the same positions.
struct FlowPiece {
    var placed: Placed
    /// Goes on the same page as the piece after it.
    var keepWithNext = false
    /// Space between blocks: left out at the top of a page.
    var vanishesAtPageTop = false
    /// Drawn first when this piece starts a page: the heading of the list it continues.
    var headOnNewPage: Placed?

    var height: Double { placed.height }
}

extension Composer {
    /// A paragraph breaks between lines only if each page keeps at least this many of its lines
    /// (no lone first or last line), so paragraphs of up to three lines never break.
    static let linesKeptTogether = 2

    /// `block` cut into the pieces a page may break between: between the blocks of a stack and
    /// between the lines of a paragraph. Everything else (columns, QR codes, rules, fit lines)
    /// is one piece. For vector documents: heights are not snapped to whole dots.
    func pieces(_ block: Block, width: Double) -> [FlowPiece] {
        switch block {
        case .stack(let blocks):
            return blocks.flatMap { pieces($0, width: width) }
        case .text(let text, let style):
            return lineByLine(engine.layout(text: text, style: style, width: width))
        case .markup(let markup, let style):
            return lineByLine(engine.layout(markup: markup, style: style, width: width))
        case .gap:
            return [FlowPiece(placed: place(block, width: width), vanishesAtPageTop: true)]
        case .inset(let left, let right, let inner):
            return pieces(inner, width: width - left - right).map { piece in
                var shifted = piece
                shifted.placed = piece.placed.shifted(by: left)
                shifted.headOnNewPage = piece.headOnNewPage?.shifted(by: left)
                return shifted
            }
        case .keepTogether(let inner):
            var parts = pieces(inner, width: width)
            for index in parts.indices.dropLast() {
                parts[index].keepWithNext = true
            }
            return parts
        case .keepWithNext(let inner):
            return pieces(inner, width: width).map { piece in
                var kept = piece
                kept.keepWithNext = true
                return kept
            }
        case .continuing(let body, let head):
            let placedHead = place(head, width: width)
            return pieces(body, width: width).map { piece in
                var continued = piece
                continued.headOnNewPage = piece.headOnNewPage ?? placedHead
                return continued
            }
        case .fitLine, .qr, .rule, .columns:
            return [FlowPiece(placed: place(block, width: width))]
        }
    }

    private func lineByLine(_ layout: TextLayout) -> [FlowPiece] {
        let lines = layout.lines
        let kept = Composer.linesKeptTogether
        guard lines.count >= 2 * kept else { return [FlowPiece(placed: placeText(layout))] }
        // Cut at the top of each line's logical box, so that the heights add up to the
        // paragraph's. A stacked mark rising above the first line on a page may reach a fraction
        // of a point into the margin.
        let box = layout.fullBox
        let cuts = [box.y] + lines.dropFirst().map(\.logical.y) + [box.maxY]
        return lines.indices.map { index in
            let top = cuts[index]
            let line = lines[index]
            let placed = Placed(height: cuts[index + 1] - top) { cr, x, y in
                layout.drawLine(index, in: cr, x: x + line.logical.x, baseline: y - top + line.baseline)
            }
            let keep = index < kept - 1 || (index >= lines.count - kept && index < lines.count - 1)
            return FlowPiece(placed: placed, keepWithNext: keep)
        }
    }
}

extension Placed {
    func shifted(by dx: Double) -> Placed {
        Placed(height: height) { cr, x, y in self.draw(cr, x + dx, y) }
    }
}
