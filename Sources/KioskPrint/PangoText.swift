import CPangoCairo
import Foundation

/// The font every printout uses, by name. Generic "Sans" may resolve to a font that misplaces
/// Vietnamese stacked marks (ầ, ế); DejaVu Sans places them correctly.
public enum PrintFont {
    public static let family = "DejaVu Sans"

    /// The family fontconfig actually gives for `family` (for a start-up check or `kioskctl`):
    /// anything but "DejaVu Sans" means the font package is missing and Pango fell back.
    public static func resolvedFamily() -> String {
        let engine = TextEngine(medium: .raster)
        return engine.resolvedFamily()
    }
}

/// Where the text goes: 1-bit raster (hinted, no anti-aliasing, whole-dot metrics) or a vector
/// document (unhinted, so the layout is the same at any scale).
enum Medium {
    case raster
    case vector
}

enum TextAlign {
    case left, center, right
}

struct TextStyle {
    /// Font size in device units (dots for raster, points for PDF): the em size.
    var size: Double
    var bold = false
    var italic = false
    var align: TextAlign = .left
    /// Extra space between lines, in device units.
    var lineSpacing: Double = 0

    func with(size: Double) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }
}

/// A Pango context set up for one medium. Not shared between threads: one per render call.
final class TextEngine {
    let context: OpaquePointer
    let medium: Medium

    init(medium: Medium) {
        self.medium = medium
        // pango_cairo_font_map_get_default is per thread and owned by Pango.
        let fontMap = pango_cairo_font_map_get_default()
        context = pango_font_map_create_context(fontMap)!
        let options = cairo_font_options_create()!
        switch medium {
        case .raster:
            // Bi-level glyphs from the font's own hinting: crisp strokes on a 203 dpi head.
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_NONE)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_FULL)
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_ON)
        case .vector:
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        }
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, medium == .raster ? 1 : 0)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(context)) }

    /// A laid-out paragraph. `width` nil: one line, never wrapped.
    func layout(text: String, style: TextStyle, width: Double?) -> TextLayout {
        TextLayout(engine: self, content: .plain(text), style: style, width: width)
    }

    /// A laid-out paragraph of Pango markup (build it with `Markup`).
    func layout(markup: String, style: TextStyle, width: Double?) -> TextLayout {
        TextLayout(engine: self, content: .markup(markup), style: style, width: width)
    }

    func resolvedFamily() -> String {
        let description = TextLayout.fontDescription(TextStyle(size: 20))
        defer { pango_font_description_free(description) }
        guard let font = pango_font_map_load_font(pango_context_get_font_map(context), context, description) else {
            return ""
        }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let described = pango_font_describe(font)
        defer { pango_font_description_free(described) }
        guard let family = pango_font_description_get_family(described) else { return "" }
        return String(cString: family)
    }
}

/// One `PangoLayout`.
final class TextLayout {
    enum Content {
        case plain(String)
        case markup(String)
    }

    let pointer: OpaquePointer
    let style: TextStyle

    init(engine: TextEngine, content: Content, style: TextStyle, width: Double?) {
        self.style = style
        pointer = pango_layout_new(engine.context)!
        let description = TextLayout.fontDescription(style)
        pango_layout_set_font_description(pointer, description)
        pango_font_description_free(description)
        if let width {
            pango_layout_set_width(pointer, Int32((width * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
        }
        pango_layout_set_alignment(pointer, {
            switch style.align {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
        }())
        if style.lineSpacing != 0 {
            pango_layout_set_spacing(pointer, Int32(style.lineSpacing * Double(PANGO_SCALE)))
        }
        switch content {
        case .plain(let text):
            let nfc = text.precomposedStringWithCanonicalMapping
            pango_layout_set_text(pointer, nfc, -1)
        case .markup(let markup):
            let nfc = markup.precomposedStringWithCanonicalMapping
            pango_layout_set_markup(pointer, nfc, -1)
        }
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    static func fontDescription(_ style: TextStyle) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, PrintFont.family)
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        return description
    }

    /// Logical and ink extents, in device units, relative to the layout's origin.
    var extents: (ink: Box, logical: Box) {
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, &ink, &logical)
        return (Box(ink), Box(logical))
    }

    /// The box that holds every mark of the text: the union of the logical box (line heights,
    /// advance widths) and the ink box (stacked marks above capitals such as Ẩ, Ố can rise above
    /// the font's ascent). Stacking by this box never clips or overlaps a mark.
    var fullBox: Box {
        let (ink, logical) = extents
        return ink.isEmpty ? logical : logical.union(ink)
    }

    var lineCount: Int { Int(pango_layout_get_line_count(pointer)) }

    /// Where each line lies, relative to the layout's origin: its logical box (x includes the
    /// alignment) and its baseline.
    var lines: [(logical: Box, baseline: Double)] {
        let iterator = pango_layout_get_iter(pointer)!
        defer { pango_layout_iter_free(iterator) }
        var lines: [(logical: Box, baseline: Double)] = []
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            lines.append((Box(logical), Double(pango_layout_iter_get_baseline(iterator)) / Double(PANGO_SCALE)))
        } while pango_layout_iter_next_line(iterator) != 0
        return lines
    }

    /// Draws line `index` (0-based) alone with its left end at `x` and its baseline at `baseline`.
    func drawLine(_ index: Int, in cr: CairoContext, x: Double, baseline: Double) {
        cairo_save(cr.pointer)
        cr.setInk()
        cairo_move_to(cr.pointer, x, baseline)
        pango_cairo_show_layout_line(cr.pointer, pango_layout_get_line_readonly(pointer, Int32(index)))
        cairo_restore(cr.pointer)
    }

    /// Draws with the layout's origin at (x, y).
    func draw(in cr: CairoContext, x: Double, y: Double) {
        cairo_save(cr.pointer)
        cr.setInk()
        cairo_move_to(cr.pointer, x, y)
        pango_cairo_show_layout(cr.pointer, pointer)
        cairo_restore(cr.pointer)
    }
}

struct Box {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    init(_ r: PangoRectangle) {
        let scale = Double(PANGO_SCALE)
        self.init(x: Double(r.x) / scale, y: Double(r.y) / scale,
                  width: Double(r.width) / scale, height: Double(r.height) / scale)
    }

    var isEmpty: Bool { width <= 0 || height <= 0 }
    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func union(_ other: Box) -> Box {
        let x0 = min(x, other.x), y0 = min(y, other.y)
        return Box(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }
}

/// Builds Pango markup with user text escaped.
struct Markup {
    private(set) var string = ""

    init() {}

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "'": out += "&apos;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    @discardableResult
    mutating func plain(_ text: String) -> Markup {
        string += Markup.escape(text)
        return self
    }

    @discardableResult
    mutating func bold(_ text: String) -> Markup {
        string += "<b>" + Markup.escape(text) + "</b>"
        return self
    }

    @discardableResult
    mutating func italic(_ text: String) -> Markup {
        string += "<i>" + Markup.escape(text) + "</i>"
        return self
    }

    /// A label in normal weight followed by a value in bold: "Họ và tên: **Nguyễn Văn A**".
    static func field(_ label: String, _ value: String) -> String {
        var markup = Markup()
        markup.plain(label + " ")
        markup.bold(value)
        return markup.string
    }
}
