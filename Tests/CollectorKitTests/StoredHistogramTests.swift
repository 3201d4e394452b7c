@testable import CollectorStorage
import KioskCore
import Testing

/// A wait histogram is stored as its counts' text and read back as a `WaitHistogram`; a stored text
/// that is not one whole count per bucket is refused, not read as a shorter or shifted histogram.
struct StoredHistogramTests {
    @Test func aHistogramReadsBackFromItsStoredText() throws {
        var histogram = WaitHistogram()
        for minutes in [1.0, 4, 12, 200] { histogram.add(minutes: minutes) }
        let text = CollectorSchema.histogramText(histogram)
        #expect(text == "2,0,1,0,0,0,0,0,0,1")
        #expect(CollectorSchema.histogram(text) == histogram)
    }

    @Test(arguments: ["", "1,2,3", "1,0,0,0,0,0,0,0,0,0,0", "1,0,0,,0,0,0,0,0,0", "1,0,0,x,0,0,0,0,0,0", "-1,0,0,0,0,0,0,0,0,0"])
    func aMalformedStoredTextIsNoHistogram(_ text: String) {
        #expect(CollectorSchema.histogram(text) == nil)
    }
}
