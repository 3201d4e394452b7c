import Foundation

/// An element's box on a page, as `tools/screen-check`'s `rects` command prints it.
struct PageRect: Decodable {
    /// The element's `data-zone`, else its `id`; null when it has neither.
    var id: String?
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    static func decode(_ answer: String) throws -> [PageRect] {
        try JSONDecoder().decode([PageRect].self, from: Data(answer.utf8))
    }
}
