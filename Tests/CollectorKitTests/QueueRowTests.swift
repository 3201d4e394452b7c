import CollectorCore
import KioskCore
import Testing

@Suite struct QueueRowTests {
    @Test func meanAndP90ComeFromTheBuckets() {
        let row = QueueRow(key: "s", label: "s", issued: 10, priority: 0, served: 8, noShow: 2, waiting: WaitHistogram(counts: [5, 3, 1, 0, 0, 0, 0, 0, 0, 1])!)
        #expect(row.noShowRate == 20)
        #expect(row.p90WaitMinutes == 15)
        // Middles 2.5, 7.5, 12.5 and 120 for "120 or more": (12.5 + 22.5 + 12.5 + 120) / 10.
        #expect(row.meanWaitMinutes == 16.75)
        let none = QueueRow(key: "s", label: "s", issued: 0, priority: 0, served: 0, noShow: 0, waiting: WaitHistogram())
        #expect(none.meanWaitMinutes == nil && none.p90WaitMinutes == nil && none.noShowRate == nil)
    }
}
