import CPangoCairo

/// A piece of a printout. Printouts are stacks of blocks laid out top to bottom at a given width;
/// the height is whatever the content needs, so nothing is ever cut off.
indirect enum Block {
    /// A paragraph, wrapped at the available width (at word boundaries, inside a word if it must).
    case text(String, TextStyle)
    /// A paragraph of Pango markup (built with `Markup`, user text escaped).
    case markup(String, TextStyle)
    /// One line that never wraps: shrunk (down to `minimumSize`, then wrapped after all) until it
    /// fits. For the ticket number.
    case fitLine(String, TextStyle, minimumSize: Double)
    case qr(QRCode, module: Double, quietZone: Int, align: TextAlign)
    /// A horizontal line, `fraction` of the width long.
    case rule(fraction: Double, thickness: Double, align: TextAlign)
    case gap(Double)
    case stack([Block])
    /// Side by side, each column a fraction of the width; stacked instead when narrower than
    /// `stackBelow`.
    case columns([Column], spacing: Double, stackBelow: Double)
    case inset(left: Double, right: Double, Block)
    // Hints for a document that runs over several pages (`PageFlow`); laid out on one page or a
    // roll, each is just its block.
    /// Never broken across pages (unless it is taller than a page).
    case keepTogether(Block)
    /// Kept together and on the same page as the start of what follows: headings.
    case keepWithNext(Block)
    /// `body`, with `head` first at the top of every further page it runs onto ("… (tiếp theo):").
    case continuing(Block, headOnLaterPages: Block)
}

struct Column {
    var fraction: Double
    var blocks: [Block]
}

/// A block laid out at a width: its height and how to draw it with its top left at (x, y).
struct Placed {
    let height: Double
    let draw: (CairoContext, Double, Double) -> Void
}

/// Lays blocks out with one `TextEngine`. On raster, heights and origins are whole dots so that
/// hinted glyphs and QR modules stay on the dot grid.
struct Composer {
    let engine: TextEngine

    private var snap: Bool { engine.medium == .raster }

    private func up(_ value: Double) -> Double { snap ? value.rounded(.up) : value }
    private func near(_ value: Double) -> Double { snap ? value.rounded() : value }

    func place(_ block: Block, width: Double) -> Placed {
        switch block {
        case .text(let text, let style):
            return placeText(engine.layout(text: text, style: style, width: width))
        case .markup(let markup, let style):
            return placeText(engine.layout(markup: markup, style: style, width: width))
        case .fitLine(let text, let style, let minimumSize):
            var size = style.size
            while true {
                let layout = engine.layout(text: text, style: style.with(size: size), width: nil)
                let box = layout.fullBox
                if box.maxX <= width && box.x >= 0 {
                    let offset: Double
                    switch style.align {
                    case .left: offset = 0
                    case .center: offset = near((width - box.width) / 2 - box.x)
                    case .right: offset = near(width - box.maxX)
                    }
                    return placeText(layout, xOffset: offset)
                }
                if size <= minimumSize {
                    return placeText(engine.layout(text: text, style: style.with(size: size), width: width))
                }
                let smaller = size * 0.95
                size = max(minimumSize, snap ? smaller.rounded(.down) : smaller)
            }
        case .qr(let code, let requested, let quietZone, let align):
            // Never wider than the column: smaller modules (whole dots on raster) if need be.
            let modules = Double(code.size + 2 * quietZone)
            let module = min(requested, snap ? max(1, (width / modules).rounded(.down)) : width / modules)
            let side = modules * module
            let offset: Double
            switch align {
            case .left: offset = 0
            case .center: offset = near((width - side) / 2)
            case .right: offset = near(width - side)
            }
            let crisp = snap
            return Placed(height: up(side)) { cr, x, y in
                code.draw(in: cr, x: x + offset, y: y, module: module, quietZone: quietZone, crisp: crisp)
            }
        case .rule(let fraction, let thickness, let align):
            let length = near(width * fraction)
            let offset: Double
            switch align {
            case .left: offset = 0
            case .center: offset = near((width - length) / 2)
            case .right: offset = width - length
            }
            let crisp = snap
            let height = up(thickness)
            return Placed(height: height) { cr, x, y in
                cr.fillRectangles([(x + offset, y, length, height)], crisp: crisp)
            }
        case .gap(let height):
            return Placed(height: up(height)) { _, _, _ in }
        case .stack(let blocks):
            let placed = blocks.map { place($0, width: width) }
            let height = placed.reduce(0) { $0 + $1.height }
            return Placed(height: height) { cr, x, y in
                var top = y
                for part in placed {
                    part.draw(cr, x, top)
                    top += part.height
                }
            }
        case .columns(let columns, let spacing, let stackBelow):
            if width < stackBelow {
                return place(.stack(columns.flatMap(\.blocks)), width: width)
            }
            let available = width - spacing * Double(columns.count - 1)
            var placed: [(x: Double, part: Placed)] = []
            var left = 0.0
            for column in columns {
                let columnWidth = near(available * column.fraction)
                placed.append((left, place(.stack(column.blocks), width: columnWidth)))
                left += columnWidth + spacing
            }
            let height = placed.map(\.part.height).max() ?? 0
            return Placed(height: height) { cr, x, y in
                for (columnX, part) in placed {
                    part.draw(cr, x + columnX, y)
                }
            }
        case .inset(let leftInset, let rightInset, let inner):
            let part = place(inner, width: width - leftInset - rightInset)
            return Placed(height: part.height) { cr, x, y in
                part.draw(cr, x + leftInset, y)
            }
        case .keepTogether(let inner), .keepWithNext(let inner), .continuing(let inner, _):
            return place(inner, width: width)
        }
    }

    /// A text layout placed by its full box (logical ∪ ink), so marks above the first line or
    /// below the last are inside the block.
    func placeText(_ layout: TextLayout, xOffset: Double = 0) -> Placed {
        let box = layout.fullBox
        let top = snap ? box.y.rounded(.down) : box.y
        let bottom = snap ? box.maxY.rounded(.up) : box.maxY
        return Placed(height: bottom - top) { cr, x, y in
            layout.draw(in: cr, x: x + xOffset, y: y - top)
        }
    }
}
