import KioskPrint
import KioskPrintSamples
import Testing

@Suite struct RenderBenchmarkTests {
    @Test func benchmarkReportsEveryRendering() throws {
        let results = try RenderBenchmark.measure(runs: 3)
        #expect(results.map(\.name).count == 4)
        #expect(results.allSatisfy { $0.medianMilliseconds > 0 && $0.maxMilliseconds >= $0.medianMilliseconds })
        #expect(results.allSatisfy { $0.outputBytes > 1000 })
        let table = try RenderBenchmark.run(runs: 1)
        #expect(table.split(separator: "\n").count == 5)
    }
}
