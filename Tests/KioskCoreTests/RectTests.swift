import KioskCore
import Testing

@Suite struct RectTests {
    static let rect = Rect(x: 10, y: 20, width: 100, height: 50)

    @Test func containsItsTopLeftCornerAndInterior() {
        #expect(Self.rect.contains(ScreenPoint(x: 10, y: 20)))
        #expect(Self.rect.contains(ScreenPoint(x: 60, y: 45)))
        #expect(Self.rect.contains(ScreenPoint(x: 109.999, y: 69.999)))
    }

    @Test func excludesItsRightAndBottomEdges() {
        #expect(!Self.rect.contains(ScreenPoint(x: 110, y: 30)))
        #expect(!Self.rect.contains(ScreenPoint(x: 50, y: 70)))
        #expect(!Self.rect.contains(ScreenPoint(x: 110, y: 70)))
    }

    @Test func excludesPointsJustOutsideTheLeftAndTopEdges() {
        #expect(!Self.rect.contains(ScreenPoint(x: 9.999, y: 30)))
        #expect(!Self.rect.contains(ScreenPoint(x: 50, y: 19.999)))
    }

    @Test func pointOnASharedEdgeBelongsToExactlyOneOfTwoAdjacentRects() {
        let left = Rect(x: 0, y: 0, width: 200, height: 600)
        let right = Rect(x: 200, y: 0, width: 200, height: 600)
        let onEdge = ScreenPoint(x: 200, y: 300)
        #expect(!left.contains(onEdge))
        #expect(right.contains(onEdge))
    }

    @Test func adjacentRectsDoNotOverlap() {
        let left = Rect(x: 0, y: 0, width: 200, height: 600)
        #expect(!left.overlaps(Rect(x: 200, y: 0, width: 200, height: 600)))
        #expect(!left.overlaps(Rect(x: 0, y: 600, width: 200, height: 100)))
        #expect(!left.overlaps(Rect(x: 200, y: 600, width: 10, height: 10)))
    }

    @Test func rectsSharingAnAreaOverlapBothWays() {
        let a = Rect(x: 0, y: 0, width: 200, height: 600)
        let b = Rect(x: 199, y: 599, width: 50, height: 50)
        #expect(a.overlaps(b))
        #expect(b.overlaps(a))
    }

    @Test func rectInsideAnotherOverlapsIt() {
        let outer = Rect(x: 0, y: 0, width: 800, height: 600)
        let inner = Rect(x: 100, y: 100, width: 10, height: 10)
        #expect(outer.overlaps(inner))
        #expect(inner.overlaps(outer))
        #expect(outer.overlaps(outer))
    }

    @Test func rectsApartDoNotOverlap() {
        #expect(!Self.rect.overlaps(Rect(x: 500, y: 500, width: 10, height: 10)))
        #expect(!Self.rect.overlaps(Rect(x: 10, y: 200, width: 100, height: 50)))
    }
}
